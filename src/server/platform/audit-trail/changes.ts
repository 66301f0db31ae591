export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

/**
 * The fields that differ between two versions of an entity, in the order
 * given. Only the listed fields count: bookkeeping (version, updatedAt) is not
 * a change a person made.
 */
export function diffFields<T extends Record<string, unknown>>(before: T, after: T, fields: readonly (keyof T & string)[]): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const oldValue = before[field] ?? null;
    const newValue = after[field] ?? null;
    if (!sameValue(oldValue, newValue)) changes.push({ field, old: oldValue, new: newValue });
  }
  return changes;
}

/** A created entity as changes from nothing, so history shows what it started as. */
export function creationChanges<T extends Record<string, unknown>>(created: T, fields: readonly (keyof T & string)[]): FieldChange[] {
  return fields.filter((field) => created[field] !== null && created[field] !== undefined).map((field) => ({ field, old: null, new: created[field] }));
}

/** A deleted entity as changes to nothing, so history keeps what was removed. */
export function deletionChanges<T extends Record<string, unknown>>(deleted: T, fields: readonly (keyof T & string)[]): FieldChange[] {
  return creationChanges(deleted, fields).map(({ field, new: value }) => ({ field, old: value, new: null }));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}
