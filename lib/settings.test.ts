import { describe, expect, it } from 'vitest';
import { DATE_STYLES, isDateStyle, isTimeZone, siteOrigin, timeZoneChoices } from './settings';
import { formatLongDate } from './wording/dates';

describe('settings rules', () => {
  it('knows real IANA zones and refuses made-up or malformed ones', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone('Europe/London; drop table')).toBe(false);
    expect(timeZoneChoices()).toContain('Europe/London');
    expect(timeZoneChoices()).toContain('UTC');
  });

  it('offers date styles that each write the day the way their label says', () => {
    const sunday = new Date(Date.UTC(2011, 4, 15, 12));
    for (const style of DATE_STYLES) {
      expect(isDateStyle(style.locale)).toBe(true);
      expect(style.label.endsWith(formatLongDate(sunday, { locale: style.locale, timeZone: 'UTC' }))).toBe(true);
    }
    expect(isDateStyle('xx-XX')).toBe(false);
  });

  it('keeps a site address as a bare http(s) origin', () => {
    expect(siteOrigin('https://news.example/')).toBe('https://news.example');
    expect(siteOrigin(' http://127.0.0.1:3000 ')).toBe('http://127.0.0.1:3000');
    expect(siteOrigin('https://news.example/path')).toBeNull();
    expect(siteOrigin('javascript:alert(1)')).toBeNull();
    expect(siteOrigin('ftp://news.example')).toBeNull();
    expect(siteOrigin('https://user:pw@news.example')).toBeNull();
    expect(siteOrigin('not a url')).toBeNull();
  });
});
