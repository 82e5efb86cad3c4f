// The newsroom's default settings: house style until the admin changes the names.
import type { NewsroomSettings } from './types';

export const DEFAULT_SETTINGS: NewsroomSettings = {
  publication: 'Errata Newsroom',
  columnName: 'For the Record',
  contactLine: "Write to the readers' editor.",
  timeZone: 'Europe/London',
  locale: 'en-GB',
  siteUrl: 'http://localhost:3000',
};
