// Plain-text offsets of a selection in rendered article text, read from the data-pt offsets that
// lib/markdown puts on each text run. Used in the browser by the desk's claim picker and readers' reports.

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
export function offsetOf(node: Node, offset: number): number | null {
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

export interface SelectedWords {
  start: number;
  end: number;
  text: string;
}

/** The current selection inside `container`, as offsets and words, or null. */
export function selectedWords(container: HTMLElement): SelectedWords | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  const text = selection.toString();
  return start !== null && end !== null && end > start && text.trim() ? { start, end, text } : null;
}

/** Where plain-text offset `at` falls: a text node of a run and the offset in it (`end`: a run's end rather than the next one's start). */
function pointAt(container: HTMLElement, at: number, end: boolean): [Text, number] | null {
  let fallback: [Text, number] | null = null;
  for (const run of Array.from(container.querySelectorAll<HTMLElement>('[data-pt]'))) {
    const text = firstText(run);
    if (!text) continue;
    const from = Number(run.getAttribute('data-pt'));
    const to = from + text.length;
    if (end ? from < at && at <= to : from <= at && at < to) return [text, at - from];
    if (from <= at) fallback = [text, Math.min(at - from, text.length)];
  }
  return fallback;
}

/** A DOM range over plain-text offsets [start, end) of the runs in `container`, or null. */
export function rangeFor(container: HTMLElement, start: number, end: number): Range | null {
  const a = pointAt(container, start, false);
  const b = end === start ? a : pointAt(container, end, true);
  if (!a || !b) return null;
  const range = document.createRange();
  range.setStart(a[0], a[1]);
  range.setEnd(b[0], b[1]);
  return range;
}
