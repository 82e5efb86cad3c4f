// One filter of a desk list: a labelled select whose first choice, "Any", leaves the filter off.
export function FilterSelect({ id, name, label, value, options, labels }: { id: string; name: string; label: string; value: string | undefined; options: readonly string[]; labels?: Readonly<Record<string, string>> }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {labels?.[o] ?? o}
          </option>
        ))}
      </select>
    </>
  );
}
