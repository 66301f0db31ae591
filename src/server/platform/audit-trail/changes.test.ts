import { describe, expect, it } from 'vitest';
import { creationChanges, diffFields } from './changes.ts';

describe('diffFields', () => {
  it('lists each changed field with its old and new value, in the order asked', () => {
    const before: Record<string, unknown> = { status: 'not_started', responsible: null, notes: 'a', version: 1 };
    const after: Record<string, unknown> = { status: 'done', responsible: 'Kari', notes: 'a', version: 2 };
    expect(diffFields(before, after, ['status', 'responsible', 'notes'])).toEqual([
      { field: 'status', old: 'not_started', new: 'done' },
      { field: 'responsible', old: null, new: 'Kari' },
    ]);
  });
  it('treats undefined as null and ignores fields not listed', () => {
    expect(diffFields({ a: undefined, version: 1 }, { a: null, version: 2 }, ['a'])).toEqual([]);
  });
  it('compares arrays by value', () => {
    expect(diffFields({ list: ['1', '2'] }, { list: ['1', '2'] }, ['list'])).toEqual([]);
    expect(diffFields({ list: ['1'] }, { list: ['1', '2'] }, ['list'])).toHaveLength(1);
  });
});

describe('creationChanges', () => {
  it('records the fields a new entity starts with', () => {
    expect(creationChanges({ title: 'X', notes: null, status: 'done' }, ['title', 'notes', 'status'])).toEqual([
      { field: 'title', old: null, new: 'X' },
      { field: 'status', old: null, new: 'done' },
    ]);
  });
});
