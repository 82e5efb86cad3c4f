// Record ids as they arrive from outside (a form's hidden field, a path, a query, an API call): whole
// numbers from 1 to the largest id either store can hold (PostgreSQL's integer, 2^31 − 1). A larger
// one names no record: it is refused as input (a 4xx) rather than sent to the database, where
// PostgreSQL would refuse it as out of range.
import { z } from 'zod';

export const RECORD_ID_MAX = 2_147_483_647;

/** The zod schema of a record id in a form or query (a string of digits, or a number). */
export function recordId(message = 'That is not the id of anything on the record.') {
  return z.coerce.number({ error: message }).int(message).positive(message).max(RECORD_ID_MAX, message);
}

/** A record id from a path segment, or null when the segment is not one (a page then answers 404). */
export function parseRecordId(segment: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(segment)) return null;
  const id = Number(segment);
  return id <= RECORD_ID_MAX ? id : null;
}
