/**
 * Every reading text of the library under a stable key, so a translation is a
 * flat map from the same keys to text in another language (issue 22). A key
 * is the id of the nearest item with an id (or the path from the top where
 * there is none) followed by the field and, in a list, the position:
 * `fase-1.name`, `rad-kom-tidlig-i-gang.paragraphs.2`, `source.publisher`, `title`.
 * Ids are permanent (catalog.schema.ts), so keys are too.
 */
import type { Catalog } from './catalog.schema.ts';

/** Strings that are not reading text: identifiers, version and section numbers, enum values. */
const notText = new Set(['id', 'version', 'number', 'priority']);

export function catalogTexts(catalog: Catalog): Map<string, string> {
  const texts = new Map<string, string>();
  const visit = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      texts.set(key, value);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, isItem(item) ? item.id : `${key}.${index}`));
    } else if (value !== null && typeof value === 'object') {
      const prefix = isItem(value) ? value.id : key;
      for (const [field, child] of Object.entries(value)) {
        if (typeof child === 'string' && notText.has(field)) continue;
        visit(child, `${prefix}.${field}`);
      }
    }
  };
  // The top has the library's own id; its fields are keyed by name alone.
  for (const [field, child] of Object.entries(catalog)) {
    if (typeof child !== 'string' || !notText.has(field)) visit(child, field);
  }
  return texts;
}

function isItem(value: unknown): value is { id: string } {
  return value !== null && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string';
}
