import { describe, expect, it } from 'vitest';
import { CARRYING_OUT_KINDS, can, carryingOutKind, PERMISSIONS, refusalMessage, ROLE_TABLE, rolesFor, versionPermission } from './roles';
import { CHANGE_KINDS, CORRECTION_KINDS } from './types';

describe('the role table', () => {
  it('gives every role more than the one below it', () => {
    for (const p of ROLE_TABLE.editor) expect(can('standards', p), p).toBe(true);
    for (const p of ROLE_TABLE.standards) expect(can('admin', p), p).toBe(true);
    expect(ROLE_TABLE.standards.size).toBeGreaterThan(ROLE_TABLE.editor.size);
    expect(ROLE_TABLE.admin.size).toBe(PERMISSIONS.length);
  });

  it('keeps legal versions, withholding, withdrawal and un-withdrawal for standards and up', () => {
    for (const p of ['version.legal', 'version.withhold', 'article.withdraw', 'article.unwithdraw', 'correction.publish', 'correction.withdraw', 'flag.resolve'] as const) {
      expect(rolesFor(p), p).toEqual(['standards', 'admin']);
    }
  });

  it('lets an editor save every other kind of version, publish a draft article and draft corrections', () => {
    for (const kind of CHANGE_KINDS.filter((k) => k !== 'first_publication' && k !== 'legal')) expect(can('editor', versionPermission(kind)), kind).toBe(true);
    expect(can('editor', 'article.publish')).toBe(true);
    expect(can('editor', 'correction.draft')).toBe(true);
    expect(can('editor', 'column.publish')).toBe(false);
  });

  it('lets whoever may draft a correction amend the text for a published one, and nobody with a minor or legal edit', () => {
    // Carrying a correction out is saving a version of its kind: editors and up, as drafting is.
    for (const kind of CARRYING_OUT_KINDS) expect(rolesFor(versionPermission(kind)), kind).toEqual(rolesFor('correction.draft'));
    expect(CARRYING_OUT_KINDS).not.toContain('minor_edit');
    expect(CARRYING_OUT_KINDS).not.toContain('legal');
    for (const kind of CORRECTION_KINDS) expect(CARRYING_OUT_KINDS, kind).toContain(carryingOutKind(kind));
    expect(carryingOutKind('correction')).toBe('correction');
    expect(carryingOutKind('clarification')).toBe('clarification');
    expect(carryingOutKind('update')).toBe('update');
  });

  it('has a permission for every change kind of a saved version', () => {
    for (const kind of CHANGE_KINDS.filter((k) => k !== 'first_publication')) expect(PERMISSIONS).toContain(versionPermission(kind));
  });

  it('shows the purge log to standards editors and admins', () => {
    expect(rolesFor('purges.view')).toEqual(['standards', 'admin']);
  });

  it('keeps people, settings and tokens for admins', () => {
    for (const p of ['people.manage', 'settings.edit', 'tokens.manage', 'webhooks.manage', 'audit.view'] as const) expect(rolesFor(p)).toEqual(['admin']);
    expect(refusalMessage('people.manage')).toBe('Only an admin can do that.');
    expect(refusalMessage('correction.publish')).toBe('Only a standards editor can do that.');
  });
});
