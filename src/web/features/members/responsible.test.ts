import { describe, expect, it } from 'vitest';
import { responsibleBody, responsibleDraftOf, searchMembers } from './responsible.ts';

const members = [
  { userId: 'a', name: 'Åse Ødegård', email: 'ase@sarpsborg.kommune.no' },
  { userId: 'b', name: 'Mona Medlem', email: 'mona@samla.test' },
  { userId: 'c', name: 'Ola Monsen', email: 'ola@fredrikstad.kommune.no' },
];

describe('the responsible field', () => {
  it('sends a picked member as the id and a typed name as free text, never both', () => {
    expect(responsibleBody({ text: 'Mona Medlem', userId: 'b' })).toEqual({ responsible: null, responsibleUserId: 'b' });
    expect(responsibleBody({ text: '  Kari Konsulent ', userId: '' })).toEqual({ responsible: 'Kari Konsulent', responsibleUserId: null });
    expect(responsibleBody({ text: ' ', userId: '' })).toEqual({ responsible: null, responsibleUserId: null });
  });

  it('starts from what the item shows', () => {
    expect(responsibleDraftOf({ responsibleUserId: 'b', responsibleName: 'Mona Medlem' })).toEqual({ text: 'Mona Medlem', userId: 'b' });
    expect(responsibleDraftOf({ responsibleUserId: null, responsibleName: null })).toEqual({ text: '', userId: '' });
  });

  it('finds members by any part of name or e-mail, accents ignored, names starting with the search first', () => {
    expect(searchMembers(members, 'ode').map((member) => member.userId)).toEqual(['a']);
    expect(searchMembers(members, 'mon').map((member) => member.userId)).toEqual(['b', 'c']);
    expect(searchMembers(members, 'fredrikstad').map((member) => member.userId)).toEqual(['c']);
    expect(searchMembers(members, '').map((member) => member.userId)).toEqual(['b', 'c', 'a']);
  });
});
