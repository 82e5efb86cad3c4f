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
