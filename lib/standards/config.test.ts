import { describe, expect, it } from 'vitest';
import { DEFAULT_STANDARDS, IPSO_CLAUSES, labelOf, optionLines, parseOptionLines, readStandardsConfig } from './config';

describe('parseOptionLines', () => {
  it('reads "code: label" lines, and makes a code from a bare label', () => {
    const parsed = parseOptionLines('name: Name\r\n\n  Picture or caption  \nfound-late: Found late: after print\n');
    expect(parsed).toEqual({
      ok: true,
      options: [
        { code: 'name', label: 'Name' },
        { code: 'picture_or_caption', label: 'Picture or caption' },
        { code: 'found-late', label: 'Found late: after print' },
      ],
    });
  });

  it('lower-cases a typed code and keeps numeric clause codes', () => {
    expect(parseOptionLines('FACT: Fact\n1: 1. Accuracy')).toEqual({ ok: true, options: [{ code: 'fact', label: 'Fact' }, { code: '1', label: '1. Accuracy' }] });
  });

  it('round-trips the defaults through optionLines', () => {
    for (const list of [IPSO_CLAUSES, DEFAULT_STANDARDS.errorTypes, DEFAULT_STANDARDS.errorCauses, DEFAULT_STANDARDS.foundBy]) {
      expect(parseOptionLines(optionLines(list))).toEqual({ ok: true, options: list });
    }
  });

  it('refuses an empty list, too many lines, bad codes, long or control-character labels and repeated codes, naming the line', () => {
    expect(parseOptionLines(' \n \n')).toEqual({ ok: false, message: 'Give at least one option, one per line.' });
    expect(parseOptionLines(Array.from({ length: 61 }, (_, i) => `o${i}: Option ${i}`).join('\n'))).toEqual({ ok: false, message: 'At most 60 options.' });
    expect(parseOptionLines(Array.from({ length: 5 }, (_, i) => `o${i}`).join('\n'), { max: 4 })).toMatchObject({ ok: false });
    const bad = parseOptionLines('name: Name\nbad code!: Label');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/^Line 2: the code “bad code!”/);
    expect(parseOptionLines('x: ')).toMatchObject({ ok: false, message: 'Line 1: give a label of up to 120 characters.' });
    expect(parseOptionLines(`x: ${'a'.repeat(121)}`)).toMatchObject({ ok: false, message: 'Line 1: give a label of up to 120 characters.' });
    expect(parseOptionLines('x: A\u202eB')).toMatchObject({ ok: false, message: 'Line 1: the label has a control character.' });
    expect(parseOptionLines('name: Name\nName')).toMatchObject({ ok: false, message: 'Line 2: the code “name” is used twice.' });
    // A label of only punctuation makes no code.
    expect(parseOptionLines('!!!')).toMatchObject({ ok: false });
  });
});

describe('readStandardsConfig', () => {
  it('gives the defaults for nothing stored, or for JSON that is not an object', () => {
    expect(readStandardsConfig(null)).toEqual(DEFAULT_STANDARDS);
    expect(readStandardsConfig('')).toEqual(DEFAULT_STANDARDS);
    expect(readStandardsConfig('{not json')).toEqual(DEFAULT_STANDARDS);
    expect(readStandardsConfig('[1,2]')).toEqual(DEFAULT_STANDARDS);
    expect(readStandardsConfig('"text"')).toEqual(DEFAULT_STANDARDS);
  });

  it('keeps each good field and falls back field by field for the rest', () => {
    const stored = JSON.stringify({
      clauses: [{ code: '1', label: 'Accuracy' }],
      responseDays: { direct: 14, ipso: 28, impress: 21, other: 0 },
      dueSoonDays: 5,
      errorTypes: 'not a list',
      alertCount: 1,
      alertDays: 60,
    });
    const config = readStandardsConfig(stored);
    expect(config.clauses).toEqual([{ code: '1', label: 'Accuracy' }]);
    expect(config.responseDays).toEqual(DEFAULT_STANDARDS.responseDays);
    expect(config.dueSoonDays).toBe(5);
    expect(config.errorTypes).toEqual(DEFAULT_STANDARDS.errorTypes);
    expect(config.errorCauses).toEqual(DEFAULT_STANDARDS.errorCauses);
    expect(config.alertCount).toBe(DEFAULT_STANDARDS.alertCount);
    expect(config.alertDays).toBe(60);
  });

  it('defaults to IPSO clauses 1–16 and its 28 days', () => {
    expect(DEFAULT_STANDARDS.clauses).toHaveLength(16);
    expect(DEFAULT_STANDARDS.clauses[0]).toEqual({ code: '1', label: '1. Accuracy' });
    expect(DEFAULT_STANDARDS.responseDays.ipso).toBe(28);
    expect(DEFAULT_STANDARDS.responseDays.impress).toBe(21);
  });
});

describe('labelOf', () => {
  it('labels a code, keeps a removed one as it was stored, and says when nothing was recorded', () => {
    expect(labelOf(DEFAULT_STANDARDS.errorTypes, 'picture')).toBe('Picture or caption');
    expect(labelOf(DEFAULT_STANDARDS.errorTypes, 'spelling')).toBe('spelling');
    expect(labelOf(DEFAULT_STANDARDS.errorTypes, null)).toBe('Not recorded');
    expect(labelOf(DEFAULT_STANDARDS.errorTypes, '')).toBe('Not recorded');
  });
});
