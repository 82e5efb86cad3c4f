// The numbers a text states, as values, so "nine" and "9" or "£3.5m" and "£3.5 million" are the same fact.
import { MULTIPLIERS, NUMBER_WORDS } from './lexicon';

export interface Found {
  /** What the fact is, comparable across versions. */
  key: string;
  /** As written. */
  text: string;
  start: number;
  end: number;
}

const UNITS: Record<string, { factor: number; suffix: string }> = {
  '%': { factor: 1, suffix: '%' },
  'per cent': { factor: 1, suffix: '%' },
  percent: { factor: 1, suffix: '%' },
  k: { factor: 1e3, suffix: '' },
  thousand: { factor: 1e3, suffix: '' },
  m: { factor: 1e6, suffix: '' },
  million: { factor: 1e6, suffix: '' },
  bn: { factor: 1e9, suffix: '' },
  billion: { factor: 1e9, suffix: '' },
  trillion: { factor: 1e12, suffix: '' },
};

const UNIT = String.raw`(?:\s?(%|per\s?cent\b|percent\b|k\b|thousand\b|m\b|million\b|bn\b|billion\b|trillion\b))?`;
const NUMERAL = new RegExp(String.raw`(\p{Sc}\s?)?(?<![\p{N}.,])(\d+(?:[.,]\d+)*)(st|nd|rd|th)?(?![\p{N}])${UNIT}`, 'giu');

function unitOf(raw: string | undefined): { factor: number; suffix: string } {
  return UNITS[(raw ?? '').toLowerCase().replace(/\s+/g, ' ')] ?? { factor: 1, suffix: '' };
}

/** "1,200" is twelve hundred; "3,5" (a decimal comma) and "3.5" are three and a half. */
function valueOf(digits: string): number {
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits)) return Number(digits.replace(/,/g, ''));
  if (/^\d+,\d{1,2}$/.test(digits)) return Number(digits.replace(',', '.'));
  const n = Number(digits.replace(/,/g, ''));
  return Number.isFinite(n) ? n : NaN;
}

function key(currency: string | undefined, value: number, digits: string, unit: { factor: number; suffix: string }, ordinal: boolean): string {
  const amount = Number.isNaN(value) ? digits : String(Number((value * unit.factor).toPrecision(12)));
  return `${currency?.trim() ?? ''}${amount}${unit.suffix}${ordinal ? ' ordinal' : ''}`;
}

const NUMBER_WORD = /\b[a-z]+(?:-[a-z]+)?\b/giu;

/** The value of a number word and how many of its characters it uses ("forty" of "forty-year"). */
function wordValue(word: string): { value: number; length: number } | undefined {
  const [first, second] = word.toLowerCase().split('-');
  const a = NUMBER_WORDS.get(first) ?? MULTIPLIERS.get(first);
  if (a === undefined) return undefined;
  const b = second === undefined ? undefined : NUMBER_WORDS.get(second);
  if (b !== undefined && a >= 20 && a % 10 === 0 && b < 10) return { value: a + b, length: word.length };
  return { value: a, length: first.length };
}

/** Runs of number words ("two hundred and fifty", "twenty-one") with their values. */
function numberWords(text: string): Found[] {
  const out: Found[] = [];
  let run: { start: number; end: number; total: number; current: number } | undefined;
  const close = () => {
    if (!run) return;
    const unit = text.slice(run.end).match(/^\s?(per\s?cent\b|percent\b)/i);
    const end = run.end + (unit ? unit[0].length : 0);
    out.push({ key: `${run.total + run.current}${unit ? '%' : ''}`, text: text.slice(run.start, end), start: run.start, end });
    run = undefined;
  };
  for (const m of text.matchAll(NUMBER_WORD)) {
    // "two hundred and fifty" is one number.
    if (run && m[0].toLowerCase() === 'and') continue;
    const word = wordValue(m[0]);
    if (!word || (run && !/^\s+(?:and\s+)?$/i.test(text.slice(run.end, m.index)))) close();
    if (!word) continue;
    run ??= { start: m.index, end: m.index, total: 0, current: 0 };
    const multiplier = MULTIPLIERS.get(m[0].toLowerCase());
    if (multiplier === 100) run.current = (run.current || 1) * 100;
    else if (multiplier !== undefined) {
      run.total += (run.current || 1) * multiplier;
      run.current = 0;
    } else run.current += word.value;
    run.end = m.index + word.length;
  }
  close();
  return out;
}

/** Every number stated in a text: numerals (with currency, unit, ordinal) and number words. */
export function numbersIn(text: string): Found[] {
  const numerals = Array.from(text.matchAll(NUMERAL), (m) => {
    const [all, currency, digits, ordinal, unit] = m;
    return { key: key(currency, valueOf(digits), digits, unitOf(unit), Boolean(ordinal)), text: all.trim(), start: m.index, end: m.index + all.length };
  });
  // "million" in "£3 million" belongs to the numeral.
  const words = numberWords(text).filter((w) => !numerals.some((n) => n.start < w.end && w.start < n.end));
  return [...numerals, ...words].sort((a, b) => a.start - b.start);
}
