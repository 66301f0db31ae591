import { describe, expect, it } from 'vitest';
import { mayGrantRole, wouldRemoveLastOwner } from './members.domain.ts';

describe('roles', () => {
  it('lets only owners make owners', () => {
    expect(mayGrantRole('lead', 'reader')).toBe(true);
    expect(mayGrantRole('lead', 'lead')).toBe(true);
    expect(mayGrantRole('lead', 'owner')).toBe(false);
    expect(mayGrantRole('member', 'reader')).toBe(false);
    expect(mayGrantRole('owner', 'owner')).toBe(true);
  });
  it('keeps the last owner', () => {
    expect(wouldRemoveLastOwner(['a'], { userId: 'a', newRole: null })).toBe(true);
    expect(wouldRemoveLastOwner(['a'], { userId: 'a', newRole: 'lead' })).toBe(true);
    expect(wouldRemoveLastOwner(['a', 'b'], { userId: 'a', newRole: null })).toBe(false);
    expect(wouldRemoveLastOwner(['a'], { userId: 'b', newRole: null })).toBe(false);
  });
});
