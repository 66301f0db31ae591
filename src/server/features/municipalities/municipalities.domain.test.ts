import { describe, expect, it } from 'vitest';

import {
  findMunicipality,
  loadMunicipalityRegister,
  loadMunicipalityRegisterVersions,
  municipalityEntrySchema,
  municipalityRegisterSchema,
  registerInForce,
  resolveRegisterVersions,
  validateMunicipalitySelection,
  type LanguageForm,
} from './municipalities.domain.ts';

// The register in force on the day this was written (7 December 2026).
const register = loadMunicipalityRegister('2026-12-07');

function get(number: string) {
  const municipality = findMunicipality(register, number);
  if (!municipality) throw new Error(`municipality ${number} is missing`);
  return municipality;
}

describe('the shipped municipality register', () => {
  it('is the register in force from 1 January 2026, with the 357 municipalities of 2024', () => {
    expect(register.validFrom).toBe('2026-01-01');
    expect(register.source).toContain('SSB');
    expect(register.municipalities).toHaveLength(357);
    const numbers2024 = loadMunicipalityRegister('2024-01-01').municipalities.map((m) => m.number);
    expect(register.municipalities.map((m) => m.number)).toEqual(numbers2024);
  });

  it('picks the version in force on a date: the latest from on or before it', () => {
    const versions = loadMunicipalityRegisterVersions();
    expect(versions.map((v) => v.validFrom)).toEqual(['2024-01-01', '2026-01-01']);
    expect(loadMunicipalityRegister('2025-12-31').validFrom).toBe('2024-01-01');
    expect(loadMunicipalityRegister('2026-01-01').validFrom).toBe('2026-01-01');
    expect(loadMunicipalityRegister('2031-06-30').validFrom).toBe('2026-01-01');
    // Before the first version there is nothing older: the first is used.
    expect(loadMunicipalityRegister('2019-05-17').validFrom).toBe('2024-01-01');
    expect(findMunicipality(loadMunicipalityRegister('2025-12-31'), '0301')?.name).toBe('Oslo');
    expect(findMunicipality(loadMunicipalityRegister('2026-01-01'), '0301')?.name).toBe('Oslo – Oslove');
  });

  it('defaults to the register in force today', () => {
    expect(loadMunicipalityRegister().validFrom).toBe(registerInForce(loadMunicipalityRegisterVersions(), new Date().toISOString().slice(0, 10)).validFrom);
  });

  it('has unique 4-digit numbers, sorted ascending', () => {
    const numbers = register.municipalities.map((m) => m.number);
    for (const number of numbers) expect(number).toMatch(/^\d{4}$/);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect([...numbers].sort()).toEqual(numbers);
  });

  it('gives every municipality the county that the first two digits of its number encode', () => {
    for (const m of register.municipalities) {
      expect(m.countyNumber, m.number).toBe(m.number.slice(0, 2));
    }
  });

  it('has the 15 counties of 2024 with their number of municipalities', () => {
    const counties = new Map<string, { name: string; count: number }>();
    for (const m of register.municipalities) {
      const county = counties.get(m.countyNumber) ?? { name: m.county, count: 0 };
      expect(county.name).toBe(m.county);
      county.count += 1;
      counties.set(m.countyNumber, county);
    }
    expect(Object.fromEntries([...counties].map(([number, c]) => [`${number} ${c.name}`, c.count]))).toEqual({
      '03 Oslo': 1,
      '11 Rogaland': 23,
      '15 Møre og Romsdal': 27,
      '18 Nordland': 41,
      '31 Østfold': 12,
      '32 Akershus': 21,
      '33 Buskerud': 18,
      '34 Innlandet': 46,
      '39 Vestfold': 6,
      '40 Telemark': 17,
      '42 Agder': 25,
      '46 Vestland': 43,
      '50 Trøndelag': 38,
      '55 Troms': 21,
      '56 Finnmark': 18,
    });
  });

  it('keeps the leading zero of Oslo, which is språkleg nøytral', () => {
    // Oslo's språkvedtak is "nøytral" (Språkrådet's list and every source we checked), not bokmål.
    expect(get('0301')).toEqual({
      number: '0301',
      name: 'Oslo – Oslove',
      nameParts: ['Oslo', 'Oslove'],
      county: 'Oslo',
      countyNumber: '03',
      languageForm: 'nøytral',
    });
  });

  it('knows Bergen (nøytral) and Sogndal (nynorsk) in Vestland', () => {
    expect(get('4601')).toMatchObject({ name: 'Bergen', county: 'Vestland', languageForm: 'nøytral' });
    expect(get('4640')).toMatchObject({ name: 'Sogndal', county: 'Vestland', languageForm: 'nynorsk' });
  });

  it('has Ålesund and the re-created Haram as separate municipalities, and no 1507', () => {
    expect(get('1508')).toMatchObject({ name: 'Ålesund', county: 'Møre og Romsdal', countyNumber: '15' });
    expect(get('1580')).toMatchObject({ name: 'Haram', county: 'Møre og Romsdal', countyNumber: '15' });
    expect(findMunicipality(register, '1507')).toBeUndefined();
  });

  it('uses the numbers of the split counties Troms (55) and Finnmark (56)', () => {
    expect(get('5501')).toMatchObject({ name: 'Tromsø', county: 'Troms', countyNumber: '55' });
    expect(get('5601')).toMatchObject({ name: 'Alta', county: 'Finnmark', countyNumber: '56' });
    // Numbers from before 2024 are gone.
    for (const old of ['5401', '5403', '3024', '3005', '3803', '1507']) {
      expect(findMunicipality(register, old), old).toBeUndefined();
    }
  });

  it('has the 2026 name changes: Oslo, Steinkjer and Lyngen', () => {
    expect(get('0301').name).toBe('Oslo – Oslove');
    expect(get('5006').name).toBe('Steinkjer – Stïentje');
    expect(get('5536').name).toBe('Lyngen – Ivgu – Yykeä');
    expect(get('5536').nameParts).toEqual(['Lyngen', 'Ivgu', 'Yykeä']);
  });

  it.each([
    ['1826', 'Aarborte – Hattfjelldal'],
    ['1875', 'Hábmer – Hamarøy'],
    ['5041', 'Snåase – Snåsa'],
    ['5043', 'Raarvihke – Røyrvik'],
    ['5512', 'Dielddanuorri – Tjeldsund'],
    ['5518', 'Loabák – Lavangen'],
    ['5540', 'Gáivuotna – Kåfjord – Kaivuono'],
    ['5610', 'Kárášjohka – Karasjok'],
    ['5612', 'Guovdageaidnu – Kautokeino'],
    ['5628', 'Deatnu – Tana'],
    ['5636', 'Unjárga – Nesseby'],
  ])('shows %s, whose official name begins with the Sami form, by its official name %s', (number, name) => {
    expect(get(number).name).toBe(name);
  });

  it('has exactly those 11 names beginning with a Sami form; the others with several forms begin with the Norwegian', () => {
    expect(get('5001').name).toBe('Trondheim – Tråante');
    expect(get('5622').name).toBe('Porsanger – Porsáŋgu – Porsanki');
    expect(get('5538').name).toBe('Storfjord – Omasvuotna – Omasvuono');
    expect(get('1508').nameParts).toEqual(['Ålesund']);
    expect(register.municipalities.filter((m) => m.nameParts.length > 1)).toHaveLength(29);
    // No municipality named after Tysfjord (Divtasvuodna): it was split between Narvik and Hamarøy in 2020.
    expect(register.municipalities.some((m) => m.nameParts.some((part) => /tysfjord|divtasvuodna/i.test(part)))).toBe(false);
  });

  it('keeps SSB disambiguations for names that occur twice', () => {
    expect(get('1515').name).toBe('Herøy (Møre og Romsdal)');
    expect(get('1818').name).toBe('Herøy (Nordland)');
    expect(get('3114').name).toBe('Våler (Østfold)');
    expect(get('3419').name).toBe('Våler (Innlandet)');
    const names = register.municipalities.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('has the language forms we verified: 119 bokmål, 88 nynorsk, 150 nøytral', () => {
    const counts: Record<LanguageForm, number> = { bokmål: 0, nynorsk: 0, nøytral: 0 };
    for (const m of register.municipalities) counts[m.languageForm] += 1;
    expect(counts).toEqual({ bokmål: 119, nynorsk: 88, nøytral: 150 });
  });

  it('has the language forms per county that Språkrådet lists (Rogaland: see the report)', () => {
    const perCounty = new Map<string, [number, number, number]>();
    for (const m of register.municipalities) {
      const row = perCounty.get(m.county) ?? [0, 0, 0];
      row[['bokmål', 'nynorsk', 'nøytral'].indexOf(m.languageForm)]! += 1;
      perCounty.set(m.county, row);
    }
    // [bokmål, nynorsk, nøytral]
    expect(Object.fromEntries(perCounty)).toEqual({
      Oslo: [0, 0, 1],
      Rogaland: [2, 8, 13],
      'Møre og Romsdal': [0, 15, 12],
      Nordland: [20, 0, 21],
      Østfold: [11, 0, 1],
      Akershus: [14, 0, 7],
      Buskerud: [10, 3, 5],
      Innlandet: [22, 7, 17],
      Vestfold: [3, 0, 3],
      Telemark: [2, 8, 7],
      Agder: [7, 6, 12],
      Vestland: [0, 41, 2],
      Trøndelag: [7, 0, 31],
      Troms: [7, 0, 14],
      Finnmark: [14, 0, 4],
    });
  });

  it('validates once, caches and freezes the data', () => {
    expect(Object.isFrozen(register)).toBe(true);
    expect(Object.isFrozen(register.municipalities)).toBe(true);
    expect(loadMunicipalityRegister('2026-12-07')).toBe(register);
    const kautokeino = get('5612');
    expect(Object.isFrozen(kautokeino)).toBe(true);
    expect(Object.isFrozen(kautokeino.nameParts)).toBe(true);
    expect(() => {
      (kautokeino as { name: string }).name = 'x';
    }).toThrow(TypeError);
  });
});

describe('the municipality schemas', () => {
  const valid = { number: '0301', nameParts: ['Oslo'], county: 'Oslo', countyNumber: '03', languageForm: 'nøytral' };

  it('accepts a valid municipality', () => {
    expect(municipalityEntrySchema.parse(valid)).toEqual(valid);
  });

  it.each([
    ['a number without the leading zero', { ...valid, number: '301' }],
    ['a county number that does not match the kommunenummer', { ...valid, countyNumber: '11' }],
    ['an unknown language form', { ...valid, languageForm: 'samisk' }],
    ['no name', { ...valid, nameParts: [] }],
    ['an empty name part', { ...valid, nameParts: ['Oslo', ' '] }],
    ['an unexpected field', { ...valid, population: 1 }],
  ])('rejects %s', (_, input) => {
    expect(municipalityEntrySchema.safeParse(input).success).toBe(false);
  });

  it('rejects a register with duplicate or unsorted numbers', () => {
    const bergen = { number: '4601', nameParts: ['Bergen'], county: 'Vestland', countyNumber: '46', languageForm: 'nøytral' };
    const base = { validFrom: '2024-01-01', source: 'test' };
    expect(municipalityRegisterSchema.safeParse({ ...base, municipalities: [valid, bergen] }).success).toBe(true);
    expect(municipalityRegisterSchema.safeParse({ ...base, municipalities: [bergen, valid] }).success).toBe(false);
    expect(municipalityRegisterSchema.safeParse({ ...base, municipalities: [valid, valid] }).success).toBe(false);
  });
});

describe('resolveRegisterVersions (a later change is a data update)', () => {
  const entry = (number: string, nameParts: string[], county = 'Troms', languageForm = 'bokmål') => ({
    number,
    nameParts,
    county,
    countyNumber: number.slice(0, 2),
    languageForm,
  });
  const base = {
    validFrom: '2024-01-01',
    source: 'test',
    municipalities: [entry('5501', ['Tromsø']), entry('5536', ['Lyngen']), entry('5540', ['Gáivuotna', 'Kåfjord', 'Kaivuono'])],
  };

  it('applies renames, additions and removals per version, and the loader picks by date', () => {
    const versions = resolveRegisterVersions({
      versions: [
        base,
        { validFrom: '2026-01-01', source: 'rename', changed: [{ number: '5536', nameParts: ['Lyngen', 'Ivgu', 'Yykeä'] }] },
        { validFrom: '2028-01-01', source: 'merger', removed: ['5536', '5540'], added: [entry('5599', ['Nye Nord-Troms'])] },
      ],
    });
    expect(versions.map((v) => v.municipalities.map((m) => m.name))).toEqual([
      ['Tromsø', 'Lyngen', 'Gáivuotna – Kåfjord – Kaivuono'],
      ['Tromsø', 'Lyngen – Ivgu – Yykeä', 'Gáivuotna – Kåfjord – Kaivuono'],
      ['Tromsø', 'Nye Nord-Troms'],
    ]);
    expect(registerInForce(versions, '2027-12-31').validFrom).toBe('2026-01-01');
    expect(registerInForce(versions, '2028-01-01').validFrom).toBe('2028-01-01');
    expect(registerInForce(versions, '2025-01-01').municipalities[1]).toMatchObject({ number: '5536', name: 'Lyngen', languageForm: 'bokmål' });
  });

  it.each([
    ['a change to a number that is not there', { validFrom: '2026-01-01', source: 'x', changed: [{ number: '5599', nameParts: ['X'] }] }, /cannot change 5599/],
    ['a removal of a number that is not there', { validFrom: '2026-01-01', source: 'x', removed: ['5599'] }, /cannot remove 5599/],
    ['an addition of a number already there', { validFrom: '2026-01-01', source: 'x', added: [entry('5501', ['Tromsø'])] }, /cannot add 5501/],
    ['a version not after the one before', { validFrom: '2024-01-01', source: 'x', changed: [] }, /date order/],
    ['a change that leaves a county under two names', { validFrom: '2026-01-01', source: 'x', changed: [{ number: '5536', county: 'Romsa' }] }, /2026-01-01/],
  ])('refuses %s', (_, version, message) => {
    expect(() => resolveRegisterVersions({ versions: [base, version] })).toThrow(message);
  });
});

describe('findMunicipality', () => {
  it('finds by exact kommunenummer only', () => {
    expect(findMunicipality(register, '0301')?.name).toBe('Oslo – Oslove');
    expect(findMunicipality(register, '301')).toBeUndefined();
    expect(findMunicipality(register, ' 0301')).toBeUndefined();
    expect(findMunicipality(register, '9999')).toBeUndefined();
  });
});

describe('validateMunicipalitySelection', () => {
  it('accepts two or more distinct known municipalities, in the given order', () => {
    const result = validateMunicipalitySelection(register, ['1580', '1508', '1532']);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.municipalities.map((m) => m.name)).toEqual(['Haram', 'Ålesund', 'Giske']);
  });

  it('accepts municipalities in different counties', () => {
    expect(validateMunicipalitySelection(register, ['0301', '3201']).ok).toBe(true);
  });

  it('rejects an empty selection', () => {
    expect(validateMunicipalitySelection(register, [])).toEqual({
      ok: false,
      problems: [{ code: 'TOO_FEW_MUNICIPALITIES' }],
    });
  });

  it('rejects a single municipality', () => {
    expect(validateMunicipalitySelection(register, ['0301'])).toEqual({
      ok: false,
      problems: [{ code: 'TOO_FEW_MUNICIPALITIES' }],
    });
  });

  it('reports a repeated municipality at the index of the repeat, and too few if only one is left', () => {
    expect(validateMunicipalitySelection(register, ['0301', '0301'])).toEqual({
      ok: false,
      problems: [{ code: 'TOO_FEW_MUNICIPALITIES' }, { code: 'DUPLICATE_MUNICIPALITY', number: '0301', index: 1 }],
    });
    expect(validateMunicipalitySelection(register, ['4601', '4640', '4601', '4640', '4601'])).toEqual({
      ok: false,
      problems: [
        { code: 'DUPLICATE_MUNICIPALITY', number: '4601', index: 2 },
        { code: 'DUPLICATE_MUNICIPALITY', number: '4640', index: 3 },
        { code: 'DUPLICATE_MUNICIPALITY', number: '4601', index: 4 },
      ],
    });
  });

  it('reports each unknown number with its index', () => {
    expect(validateMunicipalitySelection(register, ['0301', '9999', '1507', '4601'])).toEqual({
      ok: false,
      problems: [
        { code: 'UNKNOWN_MUNICIPALITY', number: '9999', index: 1 },
        { code: 'UNKNOWN_MUNICIPALITY', number: '1507', index: 2 },
      ],
    });
  });

  it('treats numbers that are not 4 digits as unknown', () => {
    expect(validateMunicipalitySelection(register, ['301', '4601', 'Oslo'])).toEqual({
      ok: false,
      problems: [
        { code: 'UNKNOWN_MUNICIPALITY', number: '301', index: 0 },
        { code: 'UNKNOWN_MUNICIPALITY', number: 'Oslo', index: 2 },
      ],
    });
  });

  it('reports every occurrence of an unknown number, and combines the problems', () => {
    expect(validateMunicipalitySelection(register, ['9999', '9999'])).toEqual({
      ok: false,
      problems: [
        { code: 'TOO_FEW_MUNICIPALITIES' },
        { code: 'UNKNOWN_MUNICIPALITY', number: '9999', index: 0 },
        { code: 'UNKNOWN_MUNICIPALITY', number: '9999', index: 1 },
      ],
    });
    expect(validateMunicipalitySelection(register, ['5501', '0000', '5501', '5601'])).toEqual({
      ok: false,
      problems: [
        { code: 'UNKNOWN_MUNICIPALITY', number: '0000', index: 1 },
        { code: 'DUPLICATE_MUNICIPALITY', number: '5501', index: 2 },
      ],
    });
  });
});
