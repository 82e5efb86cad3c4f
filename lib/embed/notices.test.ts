import { describe, expect, it } from 'vitest';
import { toPlainText } from '../markdown';
import { WITHHELD_WORDS } from '../record/public';
import { embedNotices, kindModifier } from './notices';
import { amended, onWithheld, RIGHT, source, v2, WRONG, withdrawnClarification } from './test-fixtures';

describe('embedNotices', () => {
  it('words each notice exactly as the article page does, with its links on the site address', () => {
    const input = source([amended, withdrawnClarification]);
    const view = embedNotices(input);
    expect(view?.notices.map((n) => n.text)).toEqual(input.notices.map((n) => n.text));
    expect(view?.notices[0]).toMatchObject({
      id: 41,
      kind: 'correction',
      kindLabel: 'Correction',
      withdrawn: false,
      date: '2026-05-04T09:30:00.000Z',
      dateLabel: '4 May 2026',
      url: 'https://kestrel.example/articles/alliance-routed#notice-41',
    });
    expect(view?.notices[0].text).toBe('This article was amended on 4 May 2026. They actually lost 842 council seats and 11 councils.');
    expect(view?.notices[1]).toMatchObject({ id: 42, withdrawn: true });
    expect(view?.notices[1].text).toContain('This clarification was withdrawn on 6 May 2026');
    expect(view?.article).toEqual({
      externalId: 'cms-7',
      url: 'https://kestrel.example/articles/alliance-routed',
      headline: 'Alliance routed in the shires',
      status: 'published',
      withdrawn: null,
      history: { url: 'https://kestrel.example/articles/alliance-routed/history', label: 'Version history (2 versions)' },
    });
    expect(view?.lang).toBe('en-GB');
  });

  it('quotes each claim as the words the article page marks now, with context from that text', () => {
    const view = embedNotices(source([amended, withdrawnClarification]));
    const text = toPlainText(v2);
    // The amended claim is quoted as the words that replaced it; the wrong words are gone from the text.
    expect(view?.notices[0].claims).toEqual([{ id: 'errata-claim-41', exact: RIGHT, prefix: expect.any(String), suffix: expect.any(String), label: 'Corrected: see the note below' }]);
    expect(view?.notices[1].claims[0]).toMatchObject({ id: 'errata-claim-42', exact: '31 per cent', label: 'Withdrawn correction: see the note below' });
    for (const claim of view?.notices.flatMap((n) => n.claims) ?? []) {
      expect(text).toContain(`${claim.prefix}${claim.exact}${claim.suffix}`);
    }
    expect(JSON.stringify(view)).not.toContain(WRONG);
  });

  it('never quotes a claim on a withheld version, even if its words were somehow at hand', () => {
    const leaky = { ...onWithheld, claims: [{ ...onWithheld.claims[0], exact: '31 per cent', start: 0, end: 0 }] };
    for (const correction of [onWithheld, leaky]) {
      const view = embedNotices(source([correction]));
      expect(view?.notices).toHaveLength(1);
      expect(view?.notices[0].claims).toEqual([]);
      expect(JSON.stringify(view)).not.toContain(WITHHELD_WORDS);
    }
  });

  it('carries the withdrawal of a withdrawn article as its banner reads', () => {
    const view = embedNotices(source([amended], { article: { status: 'withdrawn', withdrawnAt: new Date('2026-05-08T07:00:00Z'), withdrawnReason: 'The claims in it could not be stood up.' } }));
    expect(view?.article.status).toBe('withdrawn');
    expect(view?.article.withdrawn).toEqual({ date: '2026-05-08T07:00:00.000Z', dateLabel: '8 May 2026', text: 'This article has been withdrawn. The claims in it could not be stood up.' });
    expect(view?.notices).toHaveLength(1);
  });

  it('has nothing to say for an article with no CMS id, and an empty list for one with no notices', () => {
    expect(embedNotices(source([amended], { article: { externalId: null } }))).toBeNull();
    expect(embedNotices(source([]))?.notices).toEqual([]);
  });

  it('names each kind as a class modifier', () => {
    expect(kindModifier('editors_note')).toBe('errata-notice--editors-note');
    expect(kindModifier('retraction')).toBe('errata-notice--retraction');
  });
});
