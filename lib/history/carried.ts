// Which of a version's substantive changes a correction it carries out accounts for: the rest are
// shown as "changed without a correction", so an edit cannot slip other facts in under a correction.
import type { SubstantiveChange } from '../stealth-edit';

export interface CarriedCorrection {
  wording: string;
  said?: string | null;
  claims: { exact: string; replacement: string | null }[];
}

const has = (text: string | null | undefined, part: string) => !!text && text.toLowerCase().includes(part.toLowerCase());

/**
 * A change is the correction's when what it took away was in a claimed passage, or what it brought
 * is the claim's replacement or is stated in the correction's own words; a fact that came or went
 * elsewhere is not.
 */
export function accountedFor(change: SubstantiveChange, corrections: CarriedCorrection[]): boolean {
  return corrections.some((c) => {
    const before = change.before.trim();
    const after = change.after.trim();
    const took = before === '' || c.claims.some((claim) => has(claim.exact, before));
    const brought = after === '' || c.claims.some((claim) => has(claim.replacement, after)) || has(c.wording, after) || has(c.said, after);
    return took && brought && (before !== '' || after !== '');
  });
}

/** The changes no carried-out correction accounts for (all of them when it carries out none). */
export function changesNoCorrectionMade(changes: SubstantiveChange[], corrections: CarriedCorrection[]): SubstantiveChange[] {
  return corrections.length === 0 ? changes : changes.filter((change) => !accountedFor(change, corrections));
}
