// The masthead and footer every reader page shares.
import Link from 'next/link';
import { readSettings } from '@/app/(cache)/reads';

export async function SiteHeader() {
  const settings = await readSettings();
  return (
    <header className="masthead">
      <Link href="/" className="masthead-title">
        {settings.publication}
      </Link>
      <nav aria-label="Site" className="masthead-nav">
        <Link href="/">Latest</Link>
        <Link href="/corrections">Corrections</Link>
        <Link href="/for-the-record">{settings.columnName}</Link>
      </nav>
    </header>
  );
}

export async function SiteFooter() {
  const settings = await readSettings();
  return (
    <footer className="site-footer">
      <p className="contact-line">
        {settings.contactLine}
        {settings.readersEditorEmail ? (
          <>
            {' '}
            <a href={`mailto:${settings.readersEditorEmail}`}>{settings.readersEditorEmail}</a>
          </>
        ) : null}
      </p>
      <p>
        Every version of every article is kept. <Link href="/corrections">See all corrections</Link>.
      </p>
    </footer>
  );
}
