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
  mapCatalogTexts(catalog, (key, text) => {
    texts.set(key, text);
    return text;
  });
  return texts;
}

/**
 * A copy of the library with every reading text replaced by `replace(key, text)`: the same
 * ids, numbers, priorities and structure, keyed exactly as `catalogTexts`. The copy is not
 * validated; check it against the schema before use.
 */
export function replaceCatalogTexts(catalog: Catalog, replace: (key: string, text: string) => string): Catalog {
  return mapCatalogTexts(catalog, replace) as Catalog;
}

// One walk for both reading and replacing, so a key means the same text in each.
function mapCatalogTexts(catalog: Catalog, replace: (key: string, text: string) => string): unknown {
  const visit = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') return replace(key, value);
    if (Array.isArray(value)) return value.map((item, index) => visit(item, isItem(item) ? item.id : `${key}.${index}`));
    if (value !== null && typeof value === 'object') {
      const prefix = isItem(value) ? value.id : key;
      return Object.fromEntries(
        Object.entries(value).map(([field, child]) => [field, typeof child === 'string' && notText.has(field) ? child : visit(child, `${prefix}.${field}`)]),
      );
    }
    return value;
  };
  // The top has the library's own id; its fields are keyed by name alone.
  return Object.fromEntries(
    Object.entries(catalog).map(([field, child]) => [field, typeof child === 'string' && notText.has(field) ? child : visit(child, field)]),
  );
}

function isItem(value: unknown): value is { id: string } {
  return value !== null && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string';
}
