// TEMPORARY stand-in (to be replaced by the full demo newsroom).
import type { DemoNewsroom } from './types';

const v1 = 'The Harbour Alliance lost 695 council seats and nine councils, its worst night in a decade.\n\nTurnout across the county was 31 per cent.';
export const demoNewsroom: DemoNewsroom = {
  settings: { publication: 'The Saltmarsh Courier', columnName: 'For the Record', contactLine: 'Write to readers@courier.example.', timeZone: 'Europe/London', locale: 'en-GB' },
  users: [
    { email: 'eve@courier.example', name: 'Eve Editor', role: 'editor' },
    { email: 'ed@courier.example', name: 'Ed Second', role: 'editor' },
    { email: 'sam@courier.example', name: 'Sam Standards', role: 'standards' },
    { email: 'ada@courier.example', name: 'Ada Admin', role: 'admin' },
  ],
  articles: [
    {
      slug: 'local-elections-results', section: 'Politics', byline: 'Ruth Ames', status: 'published', firstPublishedAt: '2026-11-01T22:00:00Z',
      versions: [
        { headline: 'Alliance routed in local elections', standfirst: 'A bad night.', body: v1, changeKind: 'first_publication', note: '', hoursAfterFirst: 0, savedBy: 'eve@courier.example' },
        { headline: 'Alliance routed in local elections', standfirst: 'A bad night.', body: v1.replace('695 council seats and nine councils', '842 council seats and 11 councils'), changeKind: 'correction', note: 'Figures corrected', hoursAfterFirst: 30, savedBy: 'sam@courier.example' },
        { headline: 'Alliance routed in local elections', standfirst: 'A bad night.', body: v1.replace('695 council seats and nine councils', '842 council seats and 11 councils') + '\n\nThe leader said she would stay on.', changeKind: 'update', note: 'Leader reaction', hoursAfterFirst: 40, savedBy: 'eve@courier.example' },
      ],
      corrections: [{ kind: 'correction', mode: 'amend', wording: 'They actually lost 842 council seats and 11 councils.', claims: [{ version: 1, exact: '695 council seats and nine councils', replacement: '842 council seats and 11 councils' }], amendedInVersion: 2, status: 'published', publishedHoursAfterFirst: 30, draftedBy: 'eve@courier.example', publishedBy: 'sam@courier.example' }],
    },
    {
      slug: 'county-council-count', section: 'Politics', byline: 'Tom Reyes', status: 'published', firstPublishedAt: '2026-11-02T09:00:00Z',
      versions: [
        { headline: 'What the county count means', standfirst: 'An analysis.', body: 'By Friday morning the picture was clear.\n\nAcross the county the Moorland Party lost 695 council seats and nine councils, a collapse few had predicted.\n\nIts leader blamed the weather.', changeKind: 'first_publication', note: '', hoursAfterFirst: 0, savedBy: 'eve@courier.example' },
      ],
      corrections: [],
    },
  ],
};
