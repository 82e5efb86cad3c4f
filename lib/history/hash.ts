// The hash chain that lets anyone check an article's history was not rewritten.
import { createHash, randomBytes } from 'node:crypto';

export interface HashableVersion {
  number: number;
  headline: string;
  standfirst: string;
  body: string;
  changeKind: string;
  note: string;
  savedAt: Date;
  /**
   * A random secret mixed into the content hash (versions saved since the salt came in; older ones
   * have none). Published for versions readers may read, never for a withheld one, so nobody holding
   * a copy of the withheld text can confirm it by hashing.
   */
  salt?: string | null;
}

export interface ChainedVersion extends HashableVersion {
  contentHash: string;
  prevHash: string;
  hash: string;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** SHA-256 of what readers read (headline, standfirst and body), behind the version's salt when it has one. */
export function contentHash(v: Pick<HashableVersion, 'headline' | 'standfirst' | 'body' | 'salt'>): string {
  return sha256(JSON.stringify(v.salt ? [v.salt, v.headline, v.standfirst, v.body] : [v.headline, v.standfirst, v.body]));
}

/** A new version's salt: 256 random bits. */
export function newSalt(): string {
  return randomBytes(32).toString('hex');
}

/** SHA-256 linking this version to the one before it; JSON keeps field boundaries unambiguous. */
export function chainHash(prevHash: string, v: Pick<HashableVersion, 'number' | 'changeKind' | 'note' | 'savedAt'>, content: string): string {
  return sha256(JSON.stringify([prevHash, v.number, content, v.changeKind, v.note, v.savedAt.toISOString()]));
}

export function hashVersion(prevHash: string, v: HashableVersion): Pick<ChainedVersion, 'contentHash' | 'prevHash' | 'hash'> {
  const content = contentHash(v);
  return { contentHash: content, prevHash, hash: chainHash(prevHash, v, content) };
}

export interface ChainBreak {
  number: number;
  problem: string;
}

/** Recomputes a chain (versions in order, from 1) and lists every place it does not hold. */
export function verifyChain(chain: ChainedVersion[]): ChainBreak[] {
  const breaks: ChainBreak[] = [];
  let prev = '';
  chain.forEach((v, i) => {
    if (v.number !== i + 1) breaks.push({ number: v.number, problem: `expected version ${i + 1}` });
    if (v.prevHash !== prev) breaks.push({ number: v.number, problem: 'previous hash does not match the version before' });
    const content = contentHash(v);
    if (content !== v.contentHash) breaks.push({ number: v.number, problem: 'content does not match its hash' });
    if (chainHash(v.prevHash, v, v.contentHash) !== v.hash) breaks.push({ number: v.number, problem: 'chain hash does not match' });
    prev = v.hash;
  });
  return breaks;
}
