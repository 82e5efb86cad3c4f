// The public form of an article's hash chain (history.json) and a checker anyone can run on it.
// A withheld version's entry shows its number, time and chain hashes only: no content hash, no salt,
// no note, no text. Its content hash is taken over a secret salt, so even its chain hash cannot be
// checked against a guessed text; the chain still links through it, and `npm run verify`
// recomputes the whole chain, withheld text included, on the database. (Versions saved before salts
// came in have none: a guess at one of those, if later withheld, can still be confirmed.)
import { type ChainBreak, chainHash, contentHash } from './hash';

export interface PublicChainEntry {
  number: number;
  savedAt: string;
  prevHash: string;
  hash: string;
  withheld: boolean;
  /** The rest only for versions readers may read. */
  changeKind?: string;
  note?: string;
  contentHash?: string;
  /** The salt of a readable version's content hash, when it has one. */
  salt?: string;
  withheldOn?: string;
}

export const PUBLIC_HASH_ALGORITHM =
  'sha256; contentHash = sha256(JSON [salt, headline, standfirst, body]), or sha256(JSON [headline, standfirst, body]) for a version with no salt; hash = sha256(JSON [prevHash, number, contentHash, changeKind, note, savedAt]); a withheld version shows only number, savedAt, prevHash and hash';

interface ChainVersion {
  number: number;
  savedAt: Date;
  changeKind: string;
  note: string;
  contentHash: string;
  salt?: string | null;
  prevHash: string;
  hash: string;
  withheld: { at: Date } | null;
}

/** A version's public chain entry. */
export function publicChainEntry(v: ChainVersion): PublicChainEntry {
  const link = { number: v.number, savedAt: v.savedAt.toISOString(), prevHash: v.prevHash, hash: v.hash };
  if (v.withheld) return { ...link, withheld: true, withheldOn: v.withheld.at.toISOString().slice(0, 10) };
  return { ...link, withheld: false, changeKind: v.changeKind, note: v.note, contentHash: v.contentHash, ...(v.salt ? { salt: v.salt } : {}) };
}

/**
 * Checks a published chain (the versions of a history.json, oldest first): numbers follow on, every
 * entry's prevHash is the previous entry's hash, each readable entry's hash is recomputed, and a
 * withheld entry gives nothing away. With the texts readers can read (by version number), their
 * content hashes are recomputed too. The first entry's prevHash links to desk drafts never shown.
 */
export function verifyPublicChain(entries: readonly PublicChainEntry[], texts?: ReadonlyMap<number, { headline: string; standfirst: string; body: string }>): ChainBreak[] {
  const breaks: ChainBreak[] = [];
  entries.forEach((e, i) => {
    const before = entries[i - 1];
    if (before && e.number !== before.number + 1) breaks.push({ number: e.number, problem: `expected version ${before.number + 1}` });
    if (before && e.prevHash !== before.hash) breaks.push({ number: e.number, problem: 'previous hash does not match the version before' });
    if (i === 0 && e.number === 1 && e.prevHash !== '') breaks.push({ number: 1, problem: 'version 1 must start the chain' });
    if (e.withheld) {
      if (e.contentHash !== undefined || e.note !== undefined || e.salt !== undefined) breaks.push({ number: e.number, problem: 'a withheld version publishes its content hash, salt or note' });
      return;
    }
    if (e.contentHash === undefined || e.changeKind === undefined || e.note === undefined) {
      breaks.push({ number: e.number, problem: 'entry lacks what its hash is computed from' });
      return;
    }
    const savedAt = new Date(e.savedAt);
    if (Number.isNaN(savedAt.getTime()) || chainHash(e.prevHash, { number: e.number, changeKind: e.changeKind, note: e.note, savedAt }, e.contentHash) !== e.hash) {
      breaks.push({ number: e.number, problem: 'chain hash does not match' });
    }
    const text = texts?.get(e.number);
    if (text && contentHash({ ...text, salt: e.salt }) !== e.contentHash) breaks.push({ number: e.number, problem: 'content does not match its hash' });
  });
  return breaks;
}
