// The words a reader reported, shown in the sentence around them in the version they read.
import { toPlainText } from '@/lib/markdown';

const CONTEXT = 120;

export function QuoteInContext({ body, exact, start, end }: { body: string; exact: string; start: number | null; end: number | null }) {
  const text = toPlainText(body);
  let from = start;
  let to = end;
  if (from === null || to === null || text.slice(from, to) !== exact) {
    const at = text.indexOf(exact);
    if (at < 0) {
      return (
        <blockquote>
          <mark>{exact}</mark> <span className="meta">(these words are not in that version)</span>
        </blockquote>
      );
    }
    from = at;
    to = at + exact.length;
  }
  return (
    <blockquote className="quote-in-context">
      …{text.slice(Math.max(0, from - CONTEXT), from)}
      <mark>{text.slice(from, to)}</mark>
      {text.slice(to, to + CONTEXT)}…
    </blockquote>
  );
}
