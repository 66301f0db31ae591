import { describe, expect, it } from 'vitest';
import { can } from '#web/features/mergers/permissions.ts';
import { grantableRoles } from './roles.ts';

describe('roles in the web', () => {
  it('offers «Eier» only to owners', () => {
    expect(grantableRoles('owner')).toEqual(['owner', 'lead', 'member', 'reader']);
    expect(grantableRoles('lead')).toEqual(['lead', 'member', 'reader']);
    expect(grantableRoles('member')).toEqual([]);
    expect(grantableRoles('reader')).toEqual([]);
  });

  it('reads what the role may do from the merger', () => {
    expect(can({ myPermissions: ['read'] }, 'edit')).toBe(false);
    expect(can({ myPermissions: ['read', 'edit'] }, 'edit')).toBe(true);
    expect(can(undefined, 'read')).toBe(false);
  });
});
