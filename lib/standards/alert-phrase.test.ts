import { describe, expect, it } from 'vitest';
import { alertHref, alertPhrase, authorAlertsPhrase } from './alert-phrase';

describe('how the desk says an alert', () => {
  it('names the section or the author, and links the dashboard filtered to the section', () => {
    const section = { on: 'section', name: 'Politics', count: 3, days: 30 } as const;
    expect(alertPhrase(section)).toBe('3 corrections in 30 days on the Politics section');
    expect(alertHref(section)).toBe('/desk/standards?section=Politics');
    expect(alertHref({ ...section, name: 'Arts & Books' })).toBe('/desk/standards?section=Arts+%26+Books');
    const author = { on: 'author', name: 'Priya Raman', count: 1200, days: 1 } as const;
    expect(alertPhrase(author)).toBe('1,200 corrections in 1 day on articles by Priya Raman');
    expect(alertHref(author)).toBe('/desk/standards?authors=1');
  });

  it('counts the authors who reached the rule without naming them (names are on the audited view)', () => {
    const section = { on: 'section', name: 'Politics', count: 3, days: 30 } as const;
    expect(authorAlertsPhrase([section])).toBeNull();
    const one = [section, { on: 'author', name: 'Priya Raman', count: 4, days: 30 } as const];
    expect(authorAlertsPhrase(one)).toBe('One author has 4 or more corrections in 30 days');
    expect(authorAlertsPhrase(one)).not.toContain('Priya');
    const two = [...one, { on: 'author', name: 'Sam Ode', count: 3, days: 30 } as const];
    expect(authorAlertsPhrase(two)).toBe('2 authors have 3 or more corrections in 30 days');
  });
});
