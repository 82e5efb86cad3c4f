// <link rel="alternate"> autodiscovery for a page's feeds, as Next metadata.
import type { Metadata } from 'next';

export function feedAlternates(base: string, title: string): NonNullable<Metadata['alternates']> {
  return {
    types: {
      'application/rss+xml': [{ url: `${base}/rss.xml`, title: `${title} (RSS)` }],
      'application/atom+xml': [{ url: `${base}/atom.xml`, title: `${title} (Atom)` }],
      'application/feed+json': [{ url: `${base}/feed.json`, title: `${title} (JSON Feed)` }],
    },
  };
}
