// Lists other articles that still carry a published correction's wrong words, so they can be corrected too.
import Link from 'next/link';
import { findSameErrorElsewhere } from '@/db/queries/same-error';

export async function SameErrorElsewhere({ correctionId }: { correctionId: number }) {
  const hits = await findSameErrorElsewhere({ correctionId });
  return (
    <section aria-labelledby="same-error">
      <h2 id="same-error">The same error elsewhere</h2>
      {hits.length === 0 ? (
        <p className="meta">No other article&apos;s current text carries these words.</p>
      ) : (
        <ul>
          {hits.map((h) => (
            <li key={`${h.articleId}-${h.context}`}>
              <Link href={`/desk/articles/${h.articleId}`}>{h.headline}</Link>: …{h.context}…
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
