// Drafting a correction from claims quoted by a CMS: each quote is found in the article's latest
// version (exactly once, or by its prefix and suffix), then the desk's own insertDraft writes it.
import 'server-only';
import { anchorQuote } from '../../lib/anchoring';
import { ErrataError } from '../../lib/errors';
import type { CorrectionKind, CorrectionMode } from '../../lib/types';
import { getDb } from '../index';
import type { Article, Correction } from '../schema';
import { insertDraft } from './correction-writes';
import type { Caller } from './ingest';
import { versionText } from './version-texts';
import { latestVersion } from './version-writes';
import { transaction } from '../store';

export interface QuotedDraft {
  kind: CorrectionKind;
  mode: CorrectionMode;
  wording: string;
  said?: string;
  claims: { exact: string; prefix?: string; suffix?: string; replacement?: string }[];
}

export async function draftFromQuotes(caller: Caller, article: Article, input: QuotedDraft): Promise<Correction> {
  if (!caller.allows('correction.draft')) throw new ErrataError('forbidden', 'This token may not draft corrections.');
  return await transaction(getDb(), async (tx) => {
      const latest = await latestVersion(tx, article.id);
      if (!latest) throw new ErrataError('conflict', 'The article has no versions.');
      const text = await versionText(tx, latest);
      const claims = input.claims.map((q, i) => {
        const field = `claims.${i}.exact`;
        if (q.prefix || q.suffix) {
          const at = occurrencesWithContext(text, q.exact, q.prefix ?? '', q.suffix ?? '');
          if (at.length !== 1) {
            throw new ErrataError('invalid', at.length === 0 ? `“${q.exact}” is not in version ${latest.number} with that prefix and suffix.` : `“${q.exact}” appears ${at.length} times in version ${latest.number} with that prefix and suffix: give more of them.`, field);
          }
          return { start: at[0], end: at[0] + q.exact.length, replacement: q.replacement ?? null };
        }
        const anchored = anchorQuote(text, q.exact);
        if (!anchored.ok) {
          throw new ErrataError('invalid', anchored.error === 'ambiguous' ? `“${q.exact}” appears more than once in version ${latest.number}: give a prefix or suffix.` : `“${q.exact}” is not in version ${latest.number}.`, field);
        }
        return { start: anchored.anchor.start, end: anchored.anchor.end, replacement: q.replacement ?? null };
      });
      return insertDraft(tx, { articleId: article.id, versionNumber: latest.number, actorId: caller.actorId, kind: input.kind, mode: input.mode, wording: input.wording, said: input.said ?? null, claims });
    });
}

/** Where the words stand in the text right after `prefix` and right before `suffix` (each as far as given). */
function occurrencesWithContext(text: string, exact: string, prefix: string, suffix: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    if (text.slice(Math.max(0, at - prefix.length), at) === prefix && text.startsWith(suffix, at + exact.length)) found.push(at);
  }
  return found;
}
