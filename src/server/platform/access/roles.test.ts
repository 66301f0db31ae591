import { describe, expect, it } from 'vitest';
import { roleAllows } from './roles.ts';

describe('roles', () => {
  it('gives each role exactly its rights', () => {
    expect(roleAllows('reader', 'read')).toBe(true);
    expect(roleAllows('reader', 'edit')).toBe(false);
    expect(roleAllows('member', 'edit')).toBe(true);
    expect(roleAllows('member', 'addMembers')).toBe(false);
    expect(roleAllows('lead', 'addMembers')).toBe(true);
    expect(roleAllows('lead', 'manageMembers')).toBe(false);
    expect(roleAllows('owner', 'manageMembers')).toBe(true);
  });
});
