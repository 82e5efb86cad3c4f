// Small typographic rules shared by notices and column items: sentences, quotes, shortening.

/** Ends a sentence once: adds a full stop unless it already ends in one (or ?, !, … before closing quotes). */
export function sentence(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  if (t === '') return t;
  return /[.!?…]["'”’)\]]*$/.test(t) ? t : `${t}.`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether text ends a sentence on its own (so nothing more should be added after it). */
export function endsSentence(text: string): boolean {
  return /[.!?…]["'”’)\]]*$/.test(text.trim());
}

/** Straight quotes become curly ones; an apostrophe inside or after a word stays an apostrophe. */
export function curlQuotes(text: string): string {
  let opening = true;
  return text
    .replace(/"/g, () => {
      const mark = opening ? '“' : '”';
      opening = !opening;
      return mark;
    })
    // An apostrophe standing for missing digits ("the '90s") is not an opening quote.
    .replace(/'(?=\d{2}s?\b)/g, '’')
    .replace(/(^|[\s([{“‘—–-])'/gu, '$1‘')
    .replace(/'/g, '’');
}

/** Quotes inside text that will itself sit in double quotes: doubles become singles. */
export function nestQuotes(text: string): string {
  return curlQuotes(text).replace(/“/g, '‘').replace(/”/g, '’');
}

/** Text in double curly quotes with any quotes inside it nested. */
export function quote(text: string): string {
  return `“${nestQuotes(text.trim().replace(/\s+/g, ' '))}”`;
}

/** Cuts text to at most `max` characters at a word boundary, ending with an ellipsis. */
export function shorten(text: string, max: number): string {
  const t = text.trim().replace(/\s+/g, ' ');
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  // The character after the cut tells whether the last word was cut in half.
  const whole = /\s/.test(t.charAt(max)) ? cut : cut.replace(/\s+\S*$/, '');
  const kept = (whole.trim() === '' ? cut : whole).replace(/[\s,;:.–—-]+$/u, '');
  return `${kept}…`;
}

/** Levenshtein distance, for telling a misspelt name from a different one. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** Letters without accents, so "Olafsdottir" is recognised as "Ólafsdóttir" spelt without them. */
export function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** "a, b and c"; semicolons when an item has its own commas, so the list stays readable. */
export function listOf(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  const separator = items.some((i) => i.includes(',')) ? '; ' : ', ';
  return `${items.slice(0, -1).join(separator)}${separator === '; ' ? '; and ' : ' and '}${items[items.length - 1]}`;
}
