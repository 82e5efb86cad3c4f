// The correction notices at the foot of an article, newest last, each linking back to its claim.
import type { Notice } from '@/lib/article-view';

export function NoticeList({ notices, markedIds }: { notices: Notice[]; markedIds: Set<string> }) {
  if (notices.length === 0) return null;
  return (
    <section className="notices" aria-labelledby="notices-heading">
      <h2 id="notices-heading">Corrections and clarifications</h2>
      <ul>
        {notices.map((n) => {
          const back = n.claimIds.find((id) => markedIds.has(id));
          return (
            <li key={n.id} id={n.id} className="notice">
              • {n.text}
              {back ? (
                <>
                  {' '}
                  <a className="backref" href={`#${back}`}>
                    See the words in the text
                  </a>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
