// The revision of a draft column edition the standards editor reviewed: a hash of its intro and of
// each item's wording in print order. Publishing carries it, so what is published is what was seen.
import { createHash } from 'node:crypto';

export interface ReviewedEdition {
  intro: string;
  items: readonly { id: number; wording: string }[];
}

export function editionRevision(edition: ReviewedEdition): string {
  const text = JSON.stringify([edition.intro, edition.items.map((i) => [i.id, i.wording])]);
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
