import { describe, expect, it } from 'vitest';
import { presentEntry, presentLabel, presentValue, withNames, fieldSpec, type NameLookup } from './audit.presentation.ts';

const systemA = '11111111-1111-4111-8111-111111111111';
const systemB = '22222222-2222-4222-8222-222222222222';
const now: NameLookup = (target, id) =>
  (
    ({ system: { [systemA]: 'Visma Profil', [systemB]: 'Gerica' }, municipality: { '3101': 'Halden' }, solutionArea: { 'omrade-x': 'Økonomi' } }) as Record<
      string,
      Record<string, string>
    >
  )[target]?.[id];
const nothing: NameLookup = () => undefined;
const show = (entity: string, field: string, value: unknown, lookup: NameLookup = now) =>
  presentValue(fieldSpec(entity, field)?.value, value, undefined, lookup, 'nb');

describe('history in words', () => {
  it('says entities, fields and actions in Norwegian', () => {
    const display = presentEntry(
      {
        entity: 'integration',
        entityLabel: 'Visma Profil → Gerica',
        action: 'create',
        changes: [
          { field: 'fromSystemId', old: null, new: systemA },
          { field: 'direction', old: null, new: 'outbound' },
        ],
      },
      now,
      'nb',
    );
    expect(display).toEqual({
      entity: 'Integrasjon',
      label: 'Visma Profil → Gerica',
      action: 'Opprettet',
      changes: [
        { field: 'Fra system', old: null, new: 'Visma Profil' },
        { field: 'Retning', old: null, new: 'Ut' },
      ],
    });
  });

  it('names fixed values as the app does', () => {
    expect(show('task', 'status', 'not_started')).toBe('Ikke startet');
    expect(show('task', 'status', 'done')).toBe('Ferdig');
    expect(show('mitigation', 'status', 'planned')).toBe('Planlagt');
    expect(show('benefit', 'status', 'planned')).toBe('Planlagt');
    expect(show('milestone', 'kind', 'joint_committee_meeting')).toBe('Fellesnemnda-møte');
    expect(show('decision', 'outcome', 'procure')).toBe('Anskaffe nytt');
    expect(show('decision', 'timing', 'transition')).toBe('I overgangsfasen');
    expect(show('member', 'role', 'lead')).toBe('Prosjektleder');
    expect(show('contract', 'changeClause', 'does_not_transfer')).toBe('Avtalen går ikke over');
    expect(show('indicator', 'direction', 'lower')).toBe('Lavere er bedre');
  });

  it('writes dates as dd.mm.åååå, flags as Ja/Nei and numbers the Norwegian way', () => {
    expect(show('task', 'dueDate', '2028-03-01')).toBe('01.03.2028');
    expect(show('system', 'archiveWorthy', true)).toBe('Ja');
    expect(show('system', 'archiveWorthy', false)).toBe('Nei');
    expect(show('contract', 'annualCost', 1250000.5)).toBe('1\u00a0250\u00a0000,5');
    expect(show('task', 'phase', 4)).toBe('Fase 4');
    expect(show('task', 'responsible', null)).toBeNull();
  });

  it('reads structured values as text', () => {
    expect(show('risk', 'consequences', { economy: 3, reputation: 2, lifeHealth: null })).toBe('Økonomi 3, Omdømme 2');
    expect(
      show('riskMatrix', 'matrix', {
        likelihood: [{ name: 'Lav' }, { name: 'Høy' }],
        consequence: [{ name: 'Liten' }, { name: 'Stor' }],
        classes: [
          { key: 'low', name: 'Grønn' },
          { key: 'high', name: 'Rød' },
        ],
        grid: [['low']],
      }),
    ).toBe('Sannsynlighet: Lav og Høy; Konsekvens: Liten og Stor; Risikoklasser: Grønn og Rød');
    expect(show('task', 'dependsOn', ['Kartlegge', 'Anskaffe'])).toBe('Kartlegge og Anskaffe');
  });

  it('names other rows: the name kept with the change first, then today’s name, else «(slettet)»', () => {
    const spec = fieldSpec('integration', 'fromSystemId')!.value;
    expect(presentValue(spec, systemA, 'Gammelt navn', now, 'nb')).toBe('Gammelt navn');
    expect(presentValue(spec, systemA, undefined, now, 'nb')).toBe('Visma Profil');
    expect(presentValue(spec, systemA, undefined, nothing, 'nb')).toBe('(slettet)');
    const many = fieldSpec('contract', 'systemIds')!.value;
    expect(presentValue(many, [systemA, systemB], ['Visma Profil', null], nothing, 'nb')).toBe('Visma Profil og (slettet)');
    expect(show('merger', 'municipalities', ['3101'])).toBe('Halden (3101)');
    expect(show('system', 'solutionAreaId', 'omrade-x')).toBe('Økonomi');
  });

  it('keeps the names of a change’s references with it', () => {
    expect(withNames('integration', { field: 'fromSystemId', old: null, new: systemA }, now)).toEqual({
      field: 'fromSystemId',
      old: null,
      new: systemA,
      newLabel: 'Visma Profil',
    });
    expect(withNames('contract', { field: 'systemIds', old: [systemA], new: [systemA, systemB] }, now)).toEqual({
      field: 'systemIds',
      old: [systemA],
      new: [systemA, systemB],
      oldLabel: ['Visma Profil'],
      newLabel: ['Visma Profil', 'Gerica'],
    });
    // Not a reference: stored as it is.
    expect(withNames('task', { field: 'title', old: 'a', new: 'b' }, now)).toEqual({ field: 'title', old: 'a', new: 'b' });
  });

  it('keeps an unknown entity’s or field’s own word, and never shows JSON', () => {
    const display = presentEntry(
      { entity: 'widget', entityLabel: null, action: 'update', changes: [{ field: 'shape', old: { a: 1 }, new: ['x', 'y'] }] },
      now,
      'nb',
    );
    expect(display).toEqual({ entity: 'widget', label: null, action: 'Endret', changes: [{ field: 'shape', old: 'a 1', new: 'x og y' }] });
  });
});

describe('history in nynorsk and English', () => {
  const said = (entity: string, field: string, value: unknown, language: 'nn' | 'en', lookup: NameLookup = now) =>
    presentValue(fieldSpec(entity, field)?.value, value, undefined, lookup, language);

  it('names entities, fields and actions in nynorsk', () => {
    const display = presentEntry(
      {
        entity: 'task',
        entityLabel: 'Kartlegge fagsystema',
        action: 'update',
        changes: [
          { field: 'status', old: 'not_started', new: 'in_progress' },
          { field: 'responsible', old: null, new: 'Kari Nordmann' },
          { field: 'dueDate', old: null, new: '2028-03-01' },
        ],
      },
      now,
      'nn',
    );
    expect(display).toEqual({
      entity: 'Oppgåve',
      // The task's title is the team's (or the library's as stored): never translated here.
      label: 'Kartlegge fagsystema',
      action: 'Endra',
      changes: [
        { field: 'Status', old: 'Ikkje starta', new: 'Pågår' },
        { field: 'Ansvarleg', old: null, new: 'Kari Nordmann' },
        { field: 'Frist', old: null, new: '01.03.2028' },
      ],
    });
    expect(fieldSpec('risk', 'likelihood')!.label.nn).toBe('Sannsyn');
    expect(fieldSpec('integration', 'fromSystemId')!.label.nn).toBe('Frå system');
    expect(said('decision', 'outcome', 'procure', 'nn')).toBe('Skaffe nytt');
    expect(said('member', 'role', 'lead', 'nn')).toBe('Prosjektleiar');
    expect(said('system', 'archiveWorthy', true, 'nn')).toBe('Ja');
    expect(said('integration', 'fromSystemId', systemA, 'nn', nothing)).toBe('(sletta)');
  });

  it('names entities, fields, values and dates in English', () => {
    const display = presentEntry(
      {
        entity: 'integration',
        entityLabel: 'Visma Profil → Gerica',
        action: 'create',
        changes: [
          { field: 'fromSystemId', old: null, new: systemA },
          { field: 'direction', old: null, new: 'outbound' },
        ],
      },
      now,
      'en',
    );
    expect(display).toEqual({
      entity: 'Integration',
      label: 'Visma Profil → Gerica',
      action: 'Created',
      changes: [
        { field: 'From system', old: null, new: 'Visma Profil' },
        { field: 'Direction', old: null, new: 'Out' },
      ],
    });
    expect(said('task', 'status', 'not_started', 'en')).toBe('Not started');
    expect(said('task', 'dueDate', '2028-03-01', 'en')).toBe('1 Mar 2028');
    expect(said('task', 'phase', 4, 'en')).toBe('Phase 4');
    expect(said('system', 'archiveWorthy', false, 'en')).toBe('No');
    expect(said('contract', 'annualCost', 1250000.5, 'en')).toBe('1,250,000.5');
    expect(said('contract', 'systemIds', [systemA, systemB], 'en')).toBe('Visma Profil and Gerica');
    expect(said('risk', 'consequences', { economy: 3, reputation: 2 }, 'en')).toBe('Finances 3, Reputation 2');
    expect(said('integration', 'fromSystemId', systemA, 'en', nothing)).toBe('(deleted)');
    // Register names the lookup gives are data: not translated.
    expect(said('merger', 'municipalities', ['3101'], 'en')).toBe('Halden (3101)');
  });
});

describe('the labels Samla writes itself, per language (issue 22)', () => {
  it('says an issued status report, the risk matrix, the calendar address and a phase in the language; bokmål as stored', () => {
    const report = 'Statusrapport 01.03.2027–14.03.2027';
    expect(presentLabel('statusReport', report, 'nb')).toBe(report);
    expect(presentLabel('statusReport', report, 'nn')).toBe('Statusrapport 01.03.2027–14.03.2027');
    expect(presentLabel('statusReport', report, 'en')).toBe('Status report 1 Mar 2027–14 Mar 2027');
    expect(presentLabel('riskMatrix', 'Risikomatrise', 'en')).toBe('Risk matrix');
    expect(presentLabel('calendarFeed', 'Kalenderadresse for frister og milepæler', 'nn')).toBe('Kalenderadresse for fristar og milepælar');
    expect(presentLabel('phase', 'Fase 2: Kartlegging og målbilde', 'nn')).toBe('Fase 2: Kartlegging og målbilete');
    expect(presentLabel('phase', 'Fase 2: Kartlegging og målbilde', 'en')).toBe('Phase 2: Mapping and target state');
  });

  it('keeps the team’s labels as written, in every language', () => {
    expect(presentLabel('risk', 'Statusrapport 01.03.2027–14.03.2027', 'en')).toBe('Statusrapport 01.03.2027–14.03.2027');
    expect(presentLabel('statusReport', 'Noe annet', 'en')).toBe('Noe annet');
    expect(presentLabel('riskMatrix', 'Vår matrise', 'en')).toBe('Vår matrise');
    expect(presentLabel('task', 'Kartlegge fagsystema', 'en')).toBe('Kartlegge fagsystema');
    expect(presentLabel('task', null, 'en')).toBeNull();
  });

  it('says the calendar address history’s own words in the language', () => {
    const display = presentEntry(
      {
        entity: 'calendarFeed',
        entityLabel: 'Kalenderadresse for frister og milepæler',
        action: 'update',
        changes: [{ field: 'address', old: 'tidligere adresse', new: 'ny adresse' }],
      },
      nothing,
      'en',
    );
    expect(display).toMatchObject({ label: 'Calendar address for deadlines and milestones', changes: [{ old: 'previous address', new: 'new address' }] });
  });
});
