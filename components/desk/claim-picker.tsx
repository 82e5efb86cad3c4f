'use client';
// Turns a selection in the rendered article into claims (plain-text offsets), for "Add correction".
// The body's text runs carry data-pt offsets (see lib/markdown), so the words map back exactly.
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

interface Picked {
  start: number;
  end: number;
  text: string;
}

function firstText(node: Node): Text | null {
  if (node.nodeType === Node.TEXT_NODE) return node as Text;
  for (const child of Array.from(node.childNodes)) {
    const found = firstText(child);
    if (found) return found;
  }
  return null;
}

function lastText(node: Node): Text | null {
  if (node.nodeType === Node.TEXT_NODE) return node as Text;
  for (const child of Array.from(node.childNodes).reverse()) {
    const found = lastText(child);
    if (found) return found;
  }
  return null;
}

/** The plain-text offset of a selection boundary, or null outside the article's text runs. */
function offsetOf(node: Node, offset: number): number | null {
  let text: Text | null = null;
  let at = offset;
  if (node.nodeType === Node.TEXT_NODE) text = node as Text;
  else if (offset < node.childNodes.length) {
    text = firstText(node.childNodes[offset]);
    at = 0;
  } else {
    text = lastText(node);
    at = text?.length ?? 0;
  }
  const run = text?.parentElement?.closest('[data-pt]');
  return run ? Number(run.getAttribute('data-pt')) + at : null;
}

export function ClaimPicker({ html, articleId, versionNumber }: { html: string; articleId: number; versionNumber: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const [current, setCurrent] = useState<Picked | null>(null);
  const [picked, setPicked] = useState<Picked[]>([]);

  useEffect(() => {
    const onChange = () => {
      const selection = window.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !ref.current) return;
      const range = selection.getRangeAt(0);
      if (!ref.current.contains(range.commonAncestorContainer)) return;
      const start = offsetOf(range.startContainer, range.startOffset);
      const end = offsetOf(range.endContainer, range.endOffset);
      const text = selection.toString();
      if (start !== null && end !== null && end > start && text.trim()) setCurrent({ start, end, text });
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
                  setPicked(claims);
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
