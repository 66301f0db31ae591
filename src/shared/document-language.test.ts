import { describe, expect, it } from 'vitest';
import { proposedDocumentLanguage } from './document-language.ts';

describe('proposedDocumentLanguage', () => {
  it('proposes nynorsk when every municipality writes nynorsk', () => {
    expect(proposedDocumentLanguage(['nynorsk', 'nynorsk'])).toBe('nn');
  });

  it('proposes bokmål when every municipality writes bokmål', () => {
    expect(proposedDocumentLanguage(['bokmål', 'bokmål', 'bokmål'])).toBe('nb');
  });

  it('proposes nothing for mixed målformer: the merged municipality must choose', () => {
    expect(proposedDocumentLanguage(['bokmål', 'nynorsk'])).toBeNull();
  });

  it('proposes nothing when a neutral municipality is among them', () => {
    expect(proposedDocumentLanguage(['nynorsk', 'nøytral'])).toBeNull();
    expect(proposedDocumentLanguage(['bokmål', 'nøytral'])).toBeNull();
    expect(proposedDocumentLanguage(['nøytral', 'nøytral'])).toBeNull();
  });

  it('proposes nothing before any municipality is picked', () => {
    expect(proposedDocumentLanguage([])).toBeNull();
  });
});
