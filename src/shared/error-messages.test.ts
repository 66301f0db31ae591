import { describe, expect, it } from 'vitest';
import { errorCodes } from '#shared/error-codes.ts';
import { errorMessages } from '#shared/error-messages.ts';
import { languages } from '#shared/language.ts';

/** Codes whose nynorsk is genuinely the bokmål sentence; keep short. */
const nynorskEqualToBokmal = new Set<string>(['UNAUTHENTICATED']);

describe('errorMessages', () => {
  it('has a message for every error code in every language', () => {
    expect(Object.keys(errorMessages).sort()).toEqual([...errorCodes].sort());
    for (const code of errorCodes) {
      for (const language of languages) expect(errorMessages[code][language].trim(), `${code} ${language}`).not.toBe('');
    }
  });

  it('says each code in nynorsk and English, not in bokmål', () => {
    const sameInNynorsk = errorCodes.filter((code) => errorMessages[code].nn === errorMessages[code].nb);
    const sameInEnglish = errorCodes.filter((code) => errorMessages[code].en === errorMessages[code].nb);
    expect(sameInNynorsk.filter((code) => !nynorskEqualToBokmal.has(code))).toEqual([]);
    expect(sameInEnglish).toEqual([]);
  });
});
