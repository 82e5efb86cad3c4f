// A status as a small labelled badge (draft, published, withdrawn, new, accepted, declined…): the
// word is always there, the colour only repeats it.
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status.replace(/[^a-z_-]/gi, '')}`}>{status.replace(/_/g, ' ')}</span>;
}

/** A count that needs action, beside a menu link: "3 new". The label is read out with it. */
export function CountBadge({ count, label }: { count: string; label: string }) {
  return (
    <span className="count-badge">
      {count}
      <span className="visually-hidden"> {label}</span>
    </span>
  );
}
