// schema.org NewsArticle with its corrections (built in lib/json-ld.ts), for search engines and archivists.
import { articleJsonLd, type JsonLdInput } from '@/lib/json-ld';

export function ArticleJsonLd(props: JsonLdInput) {
  // Escape "<" so no text in the data can close the script element.
  const json = JSON.stringify(articleJsonLd(props)).replace(/</g, '\\u003c');
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
