import { describe, expect, it } from 'vitest';

import {
  COMMON_SOLUTION_SECTORS,
  commonSolutionKey,
  commonSolutionRegisterSchema,
  findCommonSolution,
  loadCommonSolutions,
  lookupCommonSolution,
  matchCommonSolution,
  ownerNames,
  suggestCommonSolution,
  type CommonSolution,
  type CommonSolutionRegister,
} from './common-solutions.domain.ts';

const register = loadCommonSolutions();

function byName(name: string) {
  const solution = register.solutions.find((s) => s.name === name);
  if (!solution) throw new Error(`no solution is named "${name}"`);
  return solution;
}

function solution(overrides: Partial<CommonSolution> & Pick<CommonSolution, 'id' | 'name'>): CommonSolution {
  return {
    owner: 'Eier',
    sector: 'Felles',
    description: 'Brukes til noe.',
    ...overrides,
  };
}

describe('the shipped register of common solutions', () => {
  it('is version 1.2.0 with between 30 and 40 solutions', () => {
    // 1.2.0: EHF/Peppol is DFØ's (it was listed under Digdir).
    expect(register.version).toBe('1.2.0');
    expect(register.solutions.length).toBeGreaterThanOrEqual(30);
    expect(register.solutions.length).toBeLessThanOrEqual(40);
  });

  it('holds every solution the seed and the integration feature need, by name, with its owner', () => {
    const required: Record<string, string> = {
      Folkeregisteret: 'Skatteetaten',
      Enhetsregisteret: 'Brønnøysundregistrene',
      Matrikkelen: 'Kartverket',
      Grunnboken: 'Kartverket',
      'Kontakt- og reservasjonsregisteret': 'Digitaliseringsdirektoratet (Digdir)',
      'ID-porten': 'Digitaliseringsdirektoratet (Digdir)',
      Maskinporten: 'Digitaliseringsdirektoratet (Digdir)',
      Altinn: 'Digitaliseringsdirektoratet (Digdir)',
      eFormidling: 'Digitaliseringsdirektoratet (Digdir)',
      'Digital postkasse til innbyggere': 'Digitaliseringsdirektoratet (Digdir)',
      'SvarUt/SvarInn (KS Fiks)': 'KS',
      'KS Fiks-plattformen': 'KS',
      Helsenettet: 'Norsk helsenett SF',
      'e-resept (Reseptformidleren)': 'Norsk helsenett SF',
      Kjernejournal: 'Norsk helsenett SF',
      'helsenorge.no': 'Norsk helsenett SF',
      'Adresseregisteret (Norsk helsenett)': 'Norsk helsenett SF',
      'NAV (kommunale tjenester og integrasjoner)': 'Arbeids- og velferdsetaten (NAV)',
      Feide: 'Sikt – Kunnskapssektorens tjenesteleverandør',
      VIGO: 'Novari IKS (eid av fylkeskommunene)',
      'A-meldingen': 'Skatteetaten, NAV og SSB',
      SOFIE: 'Skatteetaten',
      'Nasjonalt vaksinasjonsregister': 'Folkehelseinstituttet (FHI)',
      'Nasjonalt introduksjonsregister': 'Integrerings- og mangfoldsdirektoratet (IMDi)',
      'Husbanken (startlån og bostøtte)': 'Husbanken',
      'Arealplaner i Norge digitalt': 'Kartverket',
      'Det offentlige kartgrunnlaget': 'Kartverket',
      'Felles kartdatabase': 'Geovekst-samarbeidet (koordinert av Kartverket)',
      'Fellestjenester BYGG': 'Direktoratet for byggkvalitet (DiBK)',
      // DFØ manages EHF and is Norway's Peppol authority (the format and network moved from Digdir).
      'EHF og Peppol (elektronisk handel)': 'Direktoratet for forvaltning og økonomistyring (DFØ)',
      Doffin: 'Direktoratet for forvaltning og økonomistyring (DFØ)',
      // The national health registers moved from Helsedirektoratet to FHI on 1 January 2024.
      'Kommunalt pasient- og brukerregister': 'Folkehelseinstituttet (FHI)',
      Helsepersonellregisteret: 'Helsedirektoratet',
      'Nasjonalt barnehageregister': 'Utdanningsdirektoratet (Udir)',
      'Nasjonalt skoleregister': 'Utdanningsdirektoratet (Udir)',
      Digisos: 'NAV og KS',
      Geonorge: 'Kartverket',
    };
    for (const [name, owner] of Object.entries(required)) {
      expect(byName(name).owner, name).toBe(owner);
    }
  });

  it('gives the abbreviations people use as short names', () => {
    expect(byName('Kontakt- og reservasjonsregisteret').shortName).toBe('KRR');
    expect(byName('Nasjonalt vaksinasjonsregister').shortName).toBe('SYSVAK');
    expect(byName('Nasjonalt introduksjonsregister').shortName).toBe('NIR');
    expect(byName('Det offentlige kartgrunnlaget').shortName).toBe('DOK');
    expect(byName('Felles kartdatabase').shortName).toBe('FKB');
  });

  it('has unique, lower-case ASCII kebab-case ids', () => {
    const ids = register.solutions.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(byName('Folkeregisteret').id).toBe('folkeregisteret');
    expect(byName('SvarUt/SvarInn (KS Fiks)').id).toBe('ks-fiks-svarut-svarinn');
  });

  it('is sorted by name in Norwegian collation', () => {
    const names = register.solutions.map((s) => s.name);
    expect([...names].sort(new Intl.Collator('nb').compare)).toEqual(names);
  });

  it('gives every solution an owner, a known sector and a one-sentence description', () => {
    for (const s of register.solutions) {
      expect(s.owner.trim(), s.id).not.toBe('');
      expect(COMMON_SOLUTION_SECTORS, s.id).toContain(s.sector);
      expect(s.description, s.id).toMatch(/^\S.*\.$/);
      if (s.mergerNote !== undefined) expect(s.mergerNote, s.id).toMatch(/^\S.*\.$/);
    }
    const sectors = new Set(register.solutions.map((s) => s.sector));
    expect([...sectors].sort()).toEqual([...COMMON_SOLUTION_SECTORS].sort());
  });

  it('carries the seed’s merger tasks for Matrikkelen, Feide and Helsenettet', () => {
    expect(byName('Matrikkelen').mergerNote).toContain('bistå Kartverket');
    expect(byName('Feide').mergerNote).toContain('nye Feide-identiteter');
    expect(byName('Helsenettet').mergerNote).toContain('felles linje');
    expect(byName('Adresseregisteret (Norsk helsenett)').mergerNote).toContain('Adresseregisteret');
  });

  it('gives no two solutions the same match key', () => {
    const seen = new Map<string, string>();
    for (const s of register.solutions) {
      for (const name of [s.id, s.name, s.shortName, ...(s.aliases ?? [])]) {
        if (name === undefined) continue;
        const key = commonSolutionKey(name);
        const other = seen.get(key);
        if (other !== undefined) expect(other, `${name} in ${s.id}`).toBe(s.id);
        seen.set(key, s.id);
      }
    }
  });

  it('is cached and deeply frozen', () => {
    expect(loadCommonSolutions()).toBe(register);
    expect(Object.isFrozen(register)).toBe(true);
    expect(Object.isFrozen(register.solutions)).toBe(true);
    expect(Object.isFrozen(register.solutions[0])).toBe(true);
    expect(Object.isFrozen(byName('Folkeregisteret').aliases)).toBe(true);
    expect(() => {
      (register.solutions as CommonSolution[]).push(solution({ id: 'x', name: 'X' }));
    }).toThrow(TypeError);
  });
});

describe('findCommonSolution', () => {
  it('finds a solution by its exact id', () => {
    expect(findCommonSolution(register, 'kontakt-og-reservasjonsregisteret')?.shortName).toBe('KRR');
    expect(findCommonSolution(register, 'ks-fiks-svarut-svarinn')?.owner).toBe('KS');
  });

  it('does not normalise: names, short names and odd casing are not ids', () => {
    expect(findCommonSolution(register, 'KRR')).toBeUndefined();
    expect(findCommonSolution(register, 'Folkeregisteret')).toBeUndefined();
    expect(findCommonSolution(register, 'finnes-ikke')).toBeUndefined();
  });
});

describe('matchCommonSolution', () => {
  const idOf = (text: string) => matchCommonSolution(register, text)?.id;

  it('matches an id', () => {
    expect(idOf('folkeregisteret')).toBe('folkeregisteret');
    expect(idOf('ks-fiks-svarut-svarinn')).toBe('ks-fiks-svarut-svarinn');
  });

  it('matches a name', () => {
    expect(idOf('Kontakt- og reservasjonsregisteret')).toBe('kontakt-og-reservasjonsregisteret');
    expect(idOf('SvarUt/SvarInn (KS Fiks)')).toBe('ks-fiks-svarut-svarinn');
    expect(idOf('helsenorge.no')).toBe('helsenorge');
    expect(idOf('Adresseregisteret (Norsk helsenett)')).toBe('nhn-adresseregisteret');
  });

  it('matches a short name', () => {
    expect(idOf('KRR')).toBe('kontakt-og-reservasjonsregisteret');
    expect(idOf('SYSVAK')).toBe('nasjonalt-vaksinasjonsregister');
    expect(idOf('NIR')).toBe('nasjonalt-introduksjonsregister');
    expect(idOf('DOK')).toBe('det-offentlige-kartgrunnlaget');
    expect(idOf('NAV')).toBe('nav');
  });

  it('matches aliases: the seed’s spellings and the parts people name', () => {
    expect(idOf('Folkeregistret')).toBe('folkeregisteret');
    expect(idOf('Enhetsregistret')).toBe('enhetsregisteret');
    expect(idOf('Kontakt- og reservasjonsregistret')).toBe('kontakt-og-reservasjonsregisteret');
    expect(idOf('Adresseregistret')).toBe('nhn-adresseregisteret');
    expect(idOf('Reseptformidleren')).toBe('e-resept');
    expect(idOf('SvarUt')).toBe('ks-fiks-svarut-svarinn');
    expect(idOf('SvarInn')).toBe('ks-fiks-svarut-svarinn');
    expect(idOf('Nasjonalt planregister')).toBe('norge-digitalt-arealplaner');
    expect(idOf('Geovekst')).toBe('felles-kartdatabase');
  });

  it('ignores case, spaces, hyphens, dashes and underscores', () => {
    expect(idOf('krr')).toBe('kontakt-og-reservasjonsregisteret');
    expect(idOf('  K R R  ')).toBe('kontakt-og-reservasjonsregisteret');
    expect(idOf('FOLKEREGISTERET')).toBe('folkeregisteret');
    expect(idOf('fOlKeReGiStErEt')).toBe('folkeregisteret');
    expect(idOf('ID porten')).toBe('id-porten');
    expect(idOf('idporten')).toBe('id-porten');
    expect(idOf('ID–porten')).toBe('id-porten');
    expect(idOf('Id_Porten')).toBe('id-porten');
    expect(idOf('kontakt og reservasjonsregisteret')).toBe('kontakt-og-reservasjonsregisteret');
    expect(idOf('e resept')).toBe('e-resept');
    expect(idOf('EFORMIDLING')).toBe('eformidling');
    expect(idOf('a meldingen')).toBe('a-meldingen');
    expect(idOf('Fellestjenester\u00a0Bygg')).toBe('fellestjenester-bygg');
  });

  it('compares Norwegian letters whether typed precomposed or decomposed', () => {
    expect(idOf('Husbanken (startlån og bostøtte)')).toBe('husbanken');
    expect(idOf('Husbanken (startla\u030An og bostøtte)')).toBe('husbanken');
    expect(idOf('HUSBANKEN (STARTLÅN OG BOSTØTTE)')).toBe('husbanken');
  });

  it('gives undefined for text that names no solution', () => {
    expect(matchCommonSolution(register, 'Kommunekart')).toBeUndefined();
    expect(matchCommonSolution(register, 'Folkereg')).toBeUndefined();
    expect(matchCommonSolution(register, 'Skatteetaten')).toBeUndefined();
    expect(matchCommonSolution(register, '')).toBeUndefined();
    expect(matchCommonSolution(register, ' - ')).toBeUndefined();
  });

  it('gives undefined when the text names more than one solution', () => {
    const ambiguous: CommonSolutionRegister = {
      version: '1.0.0',
      solutions: [
        solution({ id: 'adresseregisteret', name: 'Adresseregisteret' }),
        solution({ id: 'nhn-ar', name: 'NHN adresseregister', shortName: 'Adresse-registeret' }),
        solution({ id: 'krr', name: 'Kontakt- og reservasjonsregisteret', shortName: 'KRR' }),
      ],
    };
    expect(matchCommonSolution(ambiguous, 'adresseregisteret')).toBeUndefined();
    expect(matchCommonSolution(ambiguous, 'NHN adresseregister')?.id).toBe('nhn-ar');
    expect(matchCommonSolution(ambiguous, 'krr')?.id).toBe('krr');
  });
});

describe('commonSolutionRegisterSchema', () => {
  const valid = {
    version: '1.0.0',
    solutions: [solution({ id: 'altinn', name: 'Altinn' }), solution({ id: 'ostre', name: 'Østre register' })],
  };

  it('accepts a well-formed register', () => {
    expect(commonSolutionRegisterSchema.safeParse(valid).success).toBe(true);
  });

  it('refuses ids that are not lower-case ASCII kebab-case', () => {
    for (const id of ['Altinn', 'id_porten', 'østre', '-altinn', 'a--b', 'a b']) {
      const result = commonSolutionRegisterSchema.safeParse({
        ...valid,
        solutions: [solution({ id, name: 'Altinn' })],
      });
      expect(result.success, id).toBe(false);
    }
  });

  it('refuses names out of Norwegian order', () => {
    const result = commonSolutionRegisterSchema.safeParse({
      ...valid,
      solutions: [solution({ id: 'ostre', name: 'Østre register' }), solution({ id: 'zeta', name: 'Zeta' })],
    });
    expect(result.success).toBe(false);
  });

  it('refuses duplicate ids and keys that would match two solutions', () => {
    const duplicateId = commonSolutionRegisterSchema.safeParse({
      ...valid,
      solutions: [solution({ id: 'altinn', name: 'Altinn' }), solution({ id: 'altinn', name: 'Altinn 3' })],
    });
    expect(duplicateId.success).toBe(false);

    const sharedKey = commonSolutionRegisterSchema.safeParse({
      ...valid,
      solutions: [solution({ id: 'altinn', name: 'Altinn', shortName: 'AR' }), solution({ id: 'nhn-ar', name: 'NHN-adresseregisteret', aliases: ['A R'] })],
    });
    expect(sharedKey.success).toBe(false);
    expect(sharedKey.error?.issues[0]?.message).toContain('"ar" would match both "altinn" and "nhn-ar"');
  });

  it('refuses a missing owner, an unknown sector, unknown fields and descriptions that are not sentences', () => {
    const bad = [
      { ...solution({ id: 'altinn', name: 'Altinn' }), owner: ' ' },
      { ...solution({ id: 'altinn', name: 'Altinn' }), sector: 'Kultur' },
      { ...solution({ id: 'altinn', name: 'Altinn' }), url: 'https://altinn.no' },
      { ...solution({ id: 'altinn', name: 'Altinn' }), description: 'Uten punktum' },
      { ...solution({ id: 'altinn', name: 'Altinn' }), mergerNote: '' },
      { ...solution({ id: 'altinn', name: 'Altinn' }), aliases: [] },
    ];
    for (const entry of bad) {
      expect(commonSolutionRegisterSchema.safeParse({ ...valid, solutions: [entry] }).success, JSON.stringify(entry)).toBe(false);
    }
    expect(commonSolutionRegisterSchema.safeParse({ ...valid, version: '1.0' }).success).toBe(false);
  });
});

describe('the names people write in an import', () => {
  const idOf = (text: string) => matchCommonSolution(register, text)?.id;

  it.each([
    ['Altinn 3', 'altinn'],
    ['Altinn II', 'altinn'],
    ['Helsenett', 'helsenettet'],
    ['Norsk helsenett', 'helsenettet'],
    ['NHN', 'helsenettet'],
    ['Matrikkel', 'matrikkelen'],
    ['Matrikkelen', 'matrikkelen'],
    ['Digital postkasse', 'digital-postkasse-til-innbyggere'],
    ['Digipost', 'digital-postkasse-til-innbyggere'],
    ['e-Boks', 'digital-postkasse-til-innbyggere'],
    ['eBoks', 'digital-postkasse-til-innbyggere'],
    ['DPI', 'digital-postkasse-til-innbyggere'],
    ['Fiks folkeregister', 'folkeregisteret'],
    ['KS Fiks Folkeregister', 'folkeregisteret'],
    ['Folkeregisteret', 'folkeregisteret'],
    ['Folkeregister', 'folkeregisteret'],
    ['eByggesak', 'fellestjenester-bygg'],
    ['KS Fiks', 'ks-fiks-plattformen'],
    ['SvarUt', 'ks-fiks-svarut-svarinn'],
    ['Fiks SvarUt', 'ks-fiks-svarut-svarinn'],
    ['ID-porten', 'id-porten'],
    ['KRR', 'kontakt-og-reservasjonsregisteret'],
    ['Kontakt- og reservasjonsregisteret', 'kontakt-og-reservasjonsregisteret'],
    ['Maskinporten', 'maskinporten'],
    ['eFormidling', 'eformidling'],
    ['Enhetsregisteret', 'enhetsregisteret'],
    ['Brønnøysund', 'enhetsregisteret'],
    ['Brønnøysundregistrene', 'enhetsregisteret'],
    ['Brreg', 'enhetsregisteret'],
    ['NAV', 'nav'],
    ['Nav', 'nav'],
    ['Husbanken', 'husbanken'],
  ])('«%s» is %s', (text, id) => {
    expect(idOf(text)).toBe(id);
    expect(lookupCommonSolution(register, text)).toMatchObject({ id });
  });

  it('takes the definite or indefinite form of a name as the same name', () => {
    expect(lookupCommonSolution(register, 'Kjernejournalen')).toEqual({ id: 'kjernejournal', name: 'Kjernejournal' });
    expect(lookupCommonSolution(register, 'Grunnbok')).toMatchObject({ id: 'grunnboken' });
    expect(lookupCommonSolution(register, 'Enhetsregistere')).toEqual({ suggestion: 'Enhetsregisteret' });
  });

  it('names an agency’s solutions when the agency is written instead of a solution', () => {
    expect(lookupCommonSolution(register, 'Skatteetaten')).toEqual({
      owner: { name: 'Skatteetaten', solutions: ['A-meldingen', 'Folkeregisteret', 'SOFIE'] },
    });
    expect(lookupCommonSolution(register, 'Skattetaten')).toMatchObject({ owner: { name: 'Skatteetaten' } });
    expect(lookupCommonSolution(register, 'kartverket')).toMatchObject({ owner: { name: 'Kartverket' } });
    expect(lookupCommonSolution(register, 'Digdir')).toMatchObject({ owner: { name: 'Digdir' } });
    expect(lookupCommonSolution(register, 'Digdir')).not.toMatchObject({
      owner: { solutions: expect.arrayContaining(['EHF og Peppol (elektronisk handel)']) },
    });
    expect(lookupCommonSolution(register, 'DFØ')).toEqual({
      owner: { name: 'DFØ', solutions: ['Doffin', 'EHF og Peppol (elektronisk handel)'] },
    });
    // An agency with one solution: that solution is the suggestion, never taken without asking.
    expect(lookupCommonSolution(register, 'DiBK')).toMatchObject({ suggestion: 'Fellestjenester BYGG', owner: { name: 'DiBK' } });
  });

  it('splits owners into agencies without splitting one agency’s name', () => {
    expect(ownerNames('Skatteetaten, NAV og SSB')).toEqual(['Skatteetaten', 'NAV', 'SSB']);
    expect(ownerNames('Integrerings- og mangfoldsdirektoratet (IMDi)')).toEqual(['Integrerings- og mangfoldsdirektoratet', 'IMDi']);
    expect(ownerNames('Direktoratet for forvaltning og økonomistyring (DFØ)')).toContain('Direktoratet for forvaltning og økonomistyring');
    expect(ownerNames('Norsk helsenett SF')).toEqual(['Norsk helsenett']);
  });
});

describe('suggestCommonSolution', () => {
  const nameOf = (text: string) => suggestCommonSolution(register, text)?.name;

  it('suggests the closest name for a misspelling', () => {
    expect(nameOf('Altin')).toBe('Altinn');
    expect(nameOf('Altiin')).toBe('Altinn');
    expect(nameOf('Folkeregisterert')).toBe('Folkeregisteret');
    expect(nameOf('Maskinportn')).toBe('Maskinporten');
    expect(nameOf('ID-portal')).toBe('ID-porten');
    expect(nameOf('Kjernejurnal')).toBe('Kjernejournal');
    expect(nameOf('Matrikel')).toBe('Matrikkelen');
  });

  it('suggests a name the text contains, or that contains the text', () => {
    expect(nameOf('Altinn innsending')).toBe('Altinn');
    expect(nameOf('Folkereg')).toBe('Folkeregisteret');
  });

  it('suggests nothing for text that is near no name', () => {
    expect(nameOf('Kommunekart')).toBeUndefined();
    expect(nameOf('x')).toBeUndefined();
    expect(nameOf('')).toBeUndefined();
    expect(lookupCommonSolution(register, 'Visma Enterprise')).toEqual({});
  });

  it('suggests nothing when two solutions are equally near', () => {
    const two: CommonSolutionRegister = {
      version: '1.0.0',
      solutions: [solution({ id: 'abcd', name: 'Abcde' }), solution({ id: 'abce', name: 'Abcdf' })],
    };
    expect(suggestCommonSolution(two, 'Abcdx')).toBeUndefined();
  });
});
