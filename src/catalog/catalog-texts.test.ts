import { describe, expect, it } from 'vitest';
import { catalogTexts } from './catalog-texts.ts';
import { loadCatalog } from './catalog.ts';

describe('the library as keyed texts', () => {
  const texts = catalogTexts(loadCatalog());

  it('names every reading text by the id of its item and the field', () => {
    expect(texts.get('fase-1.name')).toBe(loadCatalog().phases[0]!.name);
    expect(texts.get('source.publisher')).toBe('KS');
    expect(texts.get('rad-kom-tidlig-i-gang.title')).toBe('Kom tidlig i gang');
    expect(texts.get('rad-kom-tidlig-i-gang.paragraphs.0')).toBe(loadCatalog().advice[0]!.paragraphs[0]);
  });

  it('leaves out ids, versions, section numbers and priorities', () => {
    const values = new Set(texts.values());
    expect(values).not.toContain(loadCatalog().version);
    expect(values).not.toContain('critical');
    expect(values).not.toContain(loadCatalog().sectors[0]!.number);
    expect([...texts.keys()].some((key) => key.endsWith('.id'))).toBe(false);
  });
});
