// An invented newsroom and story shared by the wording tests.
import type { NewsroomSettings } from '../types';

export const settings: NewsroomSettings = {
  publication: 'The Kestrel Bay Chronicle',
  columnName: 'For the Record',
  contactLine: 'Write to the readers’ editor at standards@kestrel.example.',
  timeZone: 'Europe/London',
  locale: 'en-GB',
  siteUrl: 'https://kestrel.example',
  readersEditorEmail: 'standards@kestrel.example',
};

/** The election story: first published late on 3 May 2026, London time. */
export const electionArticle = {
  headline: 'Harbour Alliance routed in the shires',
  section: 'Politics',
  firstPublishedAt: new Date('2026-05-03T21:00:00Z'),
};

export const electionClaim = {
  exact: 'lost 695 council seats and nine councils',
  prefix: 'worst night in a decade. The Harbour Alliance ',
  replacement: 'lost 842 council seats and 11 councils',
};

export const electionWording = 'They actually lost 842 council seats and 11 councils.';
