import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter, SiteHeader } from '@/components/ui/site-chrome';
import { getSettings } from '@/db/queries/settings';
import './globals.css';

// The publication's name and address come from the settings (/desk/settings), so a change shows in
// every page's title at once; saving drops every cached reader page.
export async function generateMetadata(): Promise<Metadata> {
  const { publication, siteUrl } = await getSettings();
  return {
    metadataBase: new URL(siteUrl),
    title: { default: publication, template: `%s · ${publication}` },
    description: `Every article, every version, every correction from ${publication} — in public.`,
  };
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main">{children}</main>
        <SiteFooter />
      </body>
    </html>
  );
}
