'use client';
// Turns a selection in the rendered article into claims (plain-text offsets), for "Add correction".
// The body's text runs carry data-pt offsets (see lib/markdown), so the words map back exactly.
// A sloppy drag is snapped to whole words (lib/text/snap); the text takes keyboard selection
// (Shift with the arrow keys); the bar sits just below the selection; words another correction
// is already about are marked, and choosing them says so.
import { useRouter } from 'next/navigation';
import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import { rangeFor, type SelectedWords, selectedWords } from '@/components/articles/selection';
import { snapToWords } from '@/lib/text/snap';

/** Words of this version a correction already covers (marked in the text). */
export interface ExistingClaim {
  start: number;
  end: number;
  /** E.g. "Correction #12 (draft)". */
  label: string;
  href: string;
}

interface Props {
  html: string;
  /** The version's plain text, which the data-pt offsets point into. */
  plain: string;
  articleId: number;
  versionNumber: number;
  existing?: ExistingClaim[];
}

type Alter = 'move' | 'extend';
type Direction = 'forward' | 'backward';
type Granularity = 'character' | 'word' | 'line';
// Selection.modify is in every engine the desk supports, though not yet in TypeScript's DOM types.
type Modifiable = Selection & { modify?: (alter: Alter, direction: Direction, granularity: Granularity) => void };

const KEYS: Record<string, [Direction, Granularity]> = {
  ArrowLeft: ['backward', 'character'],
  ArrowRight: ['forward', 'character'],
  ArrowUp: ['backward', 'line'],
  ArrowDown: ['forward', 'line'],
};

export function ClaimPicker({ html, plain, articleId, versionNumber, existing = [] }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const [current, setCurrent] = useState<SelectedWords | null>(null);
  const [picked, setPicked] = useState<SelectedWords[]>([]);
  const [at, setAt] = useState<number | null>(null);

  // The selection as a claim: snapped to whole words of the plain text.
  const read = useCallback((): SelectedWords | null => {
    const raw = ref.current ? selectedWords(ref.current) : null;
    if (!raw) return null;
    const { start, end } = snapToWords(plain, raw.start, raw.end);
    return end > start ? { start, end, text: plain.slice(start, end) } : null;
  }, [plain]);

  // The bar goes just below the selection's last line, inside the picker.
  const place = useCallback(() => {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || !wrap.current || !ref.current?.contains(selection.focusNode)) return;
    const rects = selection.getRangeAt(0).getClientRects();
    const last = rects[rects.length - 1];
    if (!last) return;
    setAt(last.bottom - wrap.current.getBoundingClientRect().top + 6);
  }, []);

  useEffect(() => {
    const onChange = () => {
      const words = read();
      if (words) {
        setCurrent(words);
        place();
      }
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [read, place]);

  // After a drag, the selection shown is the words that will be saved.
  const snapShown = () => {
    const words = read();
    const selection = window.getSelection();
    if (!words || !selection || !ref.current) return;
    const range = rangeFor(ref.current, words.start, words.end);
    if (range) {
      selection.removeAllRanges();
      selection.addRange(range);
    }
  };

  // Keyboard selection: the arrow keys move through the text (Ctrl or Alt for whole words), with
  // Shift they select. A plain document has no caret to extend, so the text keeps its own.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const key = KEYS[e.key];
    const selection = window.getSelection() as Modifiable | null;
    if (!key || !selection?.modify || !ref.current) return;
    e.preventDefault();
    if (selection.rangeCount === 0 || !ref.current.contains(selection.focusNode)) {
      const range = rangeFor(ref.current, 0, 0);
      if (!range) return;
      selection.removeAllRanges();
      selection.addRange(range);
    }
    const [direction, unit] = key;
    selection.modify(e.shiftKey ? 'extend' : 'move', direction, unit === 'character' && (e.ctrlKey || e.altKey) ? 'word' : unit);
  };

  const claims = current && !picked.some((p) => p.start === current.start) ? [...picked, current] : picked;
  const href = `/desk/articles/${articleId}/corrections/new?v=${versionNumber}&${claims.map((c) => `claim=${c.start}-${c.end}`).join('&')}`;
  const overlapping = existing.filter((x) => claims.some((c) => c.start < x.end && x.start < c.end));

  return (
    <div className="claim-picker" ref={wrap}>
      <p className="meta" id="claim-picker-help">
        Select the wrong words with the mouse, or from the keyboard: Tab into the text, move with the arrow keys (Ctrl for whole words) and hold Shift to select; then Tab to
        “Add correction”. A selection takes in the whole of any word it cuts.
        {existing.length ? ' Marked words already have a correction.' : ''}
      </p>
      <div
        ref={ref}
        className="article-body"
        tabIndex={0}
        role="region"
        aria-label="Article text: select words to correct"
        aria-describedby="claim-picker-help"
        onKeyDown={onKeyDown}
        onMouseUp={snapShown}
        dangerouslySetInnerHTML={{ __html: html }}
      />
      <div className={`claim-picker-bar${claims.length && at !== null ? ' near-selection' : ''}`} style={claims.length && at !== null ? { top: at } : undefined} aria-live="polite">
        {claims.length ? (
          <>
            <p className="meta">Selected: {claims.map((c) => `“${c.text}”`).join(', ')}</p>
            {overlapping.length ? (
              <p className="form-error" role="alert">
                {overlapping.length === 1 ? 'These words already have a correction' : 'Some of these words already have corrections'}:{' '}
                {overlapping.map((x, i) => (
                  <span key={x.href}>
                    {i ? ', ' : ''}
                    <a href={x.href}>{x.label}</a>
                  </span>
                ))}
                . Check it before adding another.
              </p>
            ) : null}
            {current ? (
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setPicked(claims);
                  setCurrent(null);
                }}
              >
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
