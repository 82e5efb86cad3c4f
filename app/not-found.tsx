import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="not-found">
      <h1>Page not found</h1>
      <p>We could not find that article or version. It may never have existed, or the address may be mistyped.</p>
      <p>
        <Link href="/">Go to the latest articles</Link> or <Link href="/corrections">see all corrections</Link>.
      </p>
    </div>
  );
}
