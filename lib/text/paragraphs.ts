// Paragraphs of a plain text (lines; blocks of a body's plain text are separated by a blank line).

export interface Paragraph {
  start: number;
  end: number;
  text: string;
}

/** The paragraphs (lines) of a text, with offsets; blank ones are skipped. */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) out.push({ start, end: start + line.length, text: line });
    start += line.length + 1;
  }
  return out;
}

/** The paragraphs holding [start, end): from the start of the first to the end of the last. */
export function blockAround(text: string, start: number, end: number): Paragraph {
  const blockStart = text.lastIndexOf('\n', start - 1) + 1;
  const next = text.indexOf('\n', end);
  const blockEnd = next < 0 ? text.length : next;
  return { start: blockStart, end: blockEnd, text: text.slice(blockStart, blockEnd) };
}
