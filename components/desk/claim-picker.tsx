'use client';
// Turns a selection in the rendered article into claims (plain-text offsets), for "Add correction".
// The body's text runs carry data-pt offsets (see lib/markdown), so the words map back exactly.
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { type SelectedWords, selectedWords } from '@/components/articles/selection';

export function ClaimPicker({ html, articleId, versionNumber }: { html: string; articleId: number; versionNumber: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const [current, setCurrent] = useState<SelectedWords | null>(null);
  const [picked, setSelectedWords] = useState<SelectedWords[]>([]);

  useEffect(() => {
    const onChange = () => {
      const words = ref.current ? selectedWords(ref.current) : null;
      if (words) setCurrent(words);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  const claims = current && !picked.some((p) => p.start === current.start) ? [...picked, current] : picked;
  const href = `/desk/articles/${articleId}/corrections/new?v=${versionNumber}&${claims.map((c) => `claim=${c.start}-${c.end}`).join('&')}`;

  return (
    <div className="claim-picker">
      <div ref={ref} className="article-body" dangerouslySetInnerHTML={{ __html: html }} />
      <div className="claim-picker-bar" aria-live="polite">
        {claims.length ? (
          <>
            <p className="meta">
              Selected: {claims.map((c) => `“${c.text.trim()}”`).join(', ')}
            </p>
            {current ? (
              <button type="button" className="secondary" onClick={() => {
                  setSelectedWords(claims);
                  setCurrent(null);
                }}>
                Keep these words and select more
              </button>
            ) : null}{' '}
            <button type="button" onClick={() => router.push(href)}>
              Add correction
            </button>
          </>
        ) : (
          <p className="meta">Select words in the text to correct them.</p>
        )}
      </div>
    </div>
  );
}
