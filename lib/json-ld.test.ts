import { describe, expect, it } from 'vitest';
import { articleJsonLd, lastModified } from './json-ld';

const settings = { siteUrl: 'https://courier.example', publication: 'The Saltmarsh Courier' };
const article = { slug: 'council-results', section: 'Politics', byline: 'A Reporter', firstPublishedAt: new Date('2026-05-06T09:00:00Z') };
const version = { headline: 'Council results', standfirst: 'The count', savedAt: new Date('2026-05-06T09:00:00Z') };

describe('article JSON-LD', () => {
  it('dateModified is never older than a correction published after the version (a notice-only correction)', () => {
    const corrections = [
      { id: 1, publishedAt: new Date('2026-05-08T12:00:00Z') },
      { id: 2, publishedAt: new Date('2026-05-07T12:00:00Z') },
    ];
    const notices = corrections.map((c) => ({ id: `correction-${c.id}`, correctionId: c.id, text: 'x' }));
    const ld = articleJsonLd({ article, version, corrections, notices, settings });
    expect(ld.dateModified).toBe('2026-05-08T12:00:00.000Z');
    for (const c of ld.correction as { datePublished: string }[]) expect(Date.parse(ld.dateModified as string)).toBeGreaterThanOrEqual(Date.parse(c.datePublished));
  });

  it('a withdrawal or a printing after the version moves dateModified; an amending version later than all keeps its own time', () => {
    const withdrawn = { id: 1, publishedAt: new Date('2026-05-08T12:00:00Z'), withdrawnAt: new Date('2026-05-09T08:00:00Z') };
    expect(lastModified({ version, corrections: [withdrawn] }).toISOString()).toBe('2026-05-09T08:00:00.000Z');
    const printed = { id: 1, publishedAt: new Date('2026-05-08T12:00:00Z'), printedIn: { publishedAt: new Date('2026-05-10T06:00:00Z') } };
    expect(lastModified({ version, corrections: [printed] }).toISOString()).toBe('2026-05-10T06:00:00.000Z');
    const amended = { ...version, savedAt: new Date('2026-05-11T10:00:00Z') };
    expect(lastModified({ version: amended, corrections: [withdrawn, printed] }).toISOString()).toBe('2026-05-11T10:00:00.000Z');
    expect(lastModified({ version, corrections: [] }).toISOString()).toBe(version.savedAt.toISOString());
  });

  it('has an image and a publisher logo at the site address', () => {
    const ld = articleJsonLd({ article, version, corrections: [], notices: [], settings }) as {
      image: { url: string }[];
      publisher: { logo: { url: string } };
    };
    expect(ld.image[0].url).toBe('https://courier.example/og-image.png');
    expect(ld.publisher.logo.url).toBe('https://courier.example/logo.png');
  });
});
