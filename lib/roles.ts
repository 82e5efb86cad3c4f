// The one role table: what each desk role may do. Access checks, desk pages and the access tests all read it.
import type { ChangeKind, CorrectionKind, Role } from './types';

/** Every thing a desk account can be allowed to do, named noun.verb. */
export const PERMISSIONS = [
  'desk.view',
  'article.create',
  // Saving a new version, one permission per change kind the version records.
  'version.update',
  'version.correction',
  'version.clarification',
  'version.minor_edit',
  'version.legal',
  /** Withholding earlier versions' text from readers (only ever with a legal version). */
  'version.withhold',
  'article.publish',
  'article.withdraw',
  'article.unwithdraw',
  'correction.draft',
  'correction.edit_draft',
  'correction.publish',
  'correction.withdraw',
  /** Resolving a stealth-edit flag on a version that came from a CMS: with a correction, or a reason none is needed. */
  'flag.resolve',
  'column.view',
  'column.generate',
  'column.edit',
  'column.publish',
  'column.discard',
  'report.triage',
  /** The casebook (/desk/cases): reading cases, logging one that came by email, phone, letter or a regulator, adding notes. */
  'case.view',
  'case.log',
  'case.note',
  /** Assigning a case's route, clauses and owner, acknowledging it and closing it with an outcome. */
  'case.manage',
  /** The standards dashboard, its alerts and the annual statement (page and CSV). */
  'standards.view',
  /** Per-author figures on the dashboard: audited each time they are shown. */
  'standards.authors',
  /** Reading the log of purges sent to the HTTP cache in front (/desk/purges). */
  'purges.view',
  'people.manage',
  'audit.view',
  'settings.edit',
  'tokens.manage',
  /** Webhook subscriptions (/desk/webhooks): adding and disabling them, and sending a failed message again. */
  'webhooks.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const EDITOR: readonly Permission[] = [
  'desk.view',
  'article.create',
  'version.update',
  'version.correction',
  'version.clarification',
  'version.minor_edit',
  'article.publish',
  'correction.draft',
  'correction.edit_draft',
  'report.triage',
  'case.view',
  'case.log',
  'case.note',
];

const STANDARDS: readonly Permission[] = [
  ...EDITOR,
  'version.legal',
  'version.withhold',
  'article.withdraw',
  'article.unwithdraw',
  'correction.publish',
  'correction.withdraw',
  'flag.resolve',
  'column.view',
  'column.generate',
  'column.edit',
  'column.publish',
  'column.discard',
  'purges.view',
  'case.manage',
  'standards.view',
  'standards.authors',
];

const ADMIN: readonly Permission[] = [...STANDARDS, 'people.manage', 'audit.view', 'settings.edit', 'tokens.manage', 'webhooks.manage'];

/** The table itself. Admins can do what standards editors can, who can do what editors can. */
export const ROLE_TABLE: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  editor: new Set(EDITOR),
  standards: new Set(STANDARDS),
  admin: new Set(ADMIN),
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_TABLE[role].has(permission);
}

/** The roles allowed a permission, lowest first. */
export function rolesFor(permission: Permission): Role[] {
  return (['editor', 'standards', 'admin'] as const).filter((r) => can(r, permission));
}

/** The permission a saved version needs, by the change kind it records. */
export function versionPermission(changeKind: Exclude<ChangeKind, 'first_publication'>): Permission {
  return `version.${changeKind}`;
}

/**
 * The change kinds of an edit that carries out a published correction ("this edit carries out
 * correction N"). Tying the edit to the correction needs no permission of its own: it is allowed
 * to whoever may save a version of that kind (editors and up), since the correction itself was
 * already published by a standards editor and its wording does not change.
 */
export const CARRYING_OUT_KINDS: readonly Exclude<ChangeKind, 'first_publication'>[] = ['correction', 'clarification', 'update'];

/** The change kind an edit carrying out a correction of this kind is saved as, unless the editor picks another of CARRYING_OUT_KINDS. */
export function carryingOutKind(kind: CorrectionKind): Exclude<ChangeKind, 'first_publication'> {
  return kind === 'clarification' || kind === 'update' ? kind : kind === 'editors_note' ? 'clarification' : 'correction';
}

/** A sentence for a refusal: who may do it. */
export function refusalMessage(permission: Permission): string {
  const lowest = rolesFor(permission)[0];
  if (lowest === undefined) return 'Nobody can do that.';
  return `Only ${lowest === 'admin' ? 'an admin' : lowest === 'standards' ? 'a standards editor' : 'a desk editor'} can do that.`;
}
