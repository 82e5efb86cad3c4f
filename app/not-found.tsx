import Link from 'next/link';
import { connection } from 'next/server';

export default async function NotFound() {
  // Rendered per request, not once at build: the masthead above it shows the newsroom's current settings.
  await connection();
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
