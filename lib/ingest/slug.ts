// The slug of an article that arrived from a CMS: its headline's words, ASCII, lower case, hyphens.
export function slugFrom(headline: string, fallback: string): string {
  const words = headline
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = words.slice(0, 80).replace(/-[^-]*$/, (m) => (words.length > 80 ? '' : m)).replace(/-+$/, '');
  if (cut) return cut;
  const safe = fallback.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return safe ? `article-${safe}`.slice(0, 100) : 'article';
}
