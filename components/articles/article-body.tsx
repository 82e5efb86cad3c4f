// An article's body rendered from Markdown, with corrected claims marked.
import { type ClaimMark, renderMarkdown } from '@/lib/markdown';

export function ArticleBody({ body, marks = [], offsets = false }: { body: string; marks?: ClaimMark[]; offsets?: boolean }) {
  // renderMarkdown escapes all raw HTML and validates links, so its output is safe to inject.
  return <div className="article-body" dangerouslySetInnerHTML={{ __html: renderMarkdown(body, { marks, offsets }) }} />;
}
