import { describe, expect, it } from 'vitest';
import { loadCatalog } from '#catalog/catalog.ts';
import { taskTitleInContext } from '#shared/task-title.ts';
import { todayInOslo } from '#shared/calendar-dates.ts';
import { applyStatusRule, areaOfCatalogTask, filterTasks, isOverdue, progressOf } from './plan.tasks.domain.ts';

describe('todayInOslo', () => {
  it('uses the Norwegian calendar date, not UTC', () => {
    // 23:30 UTC on 31 December is already 1 January in Oslo (UTC+1 in winter).
    expect(todayInOslo(new Date('2027-12-31T23:30:00Z'))).toBe('2028-01-01');
    // 22:30 UTC in summer is 00:30 the next day in Oslo (UTC+2).
    expect(todayInOslo(new Date('2027-06-30T22:30:00Z'))).toBe('2027-07-01');
    expect(todayInOslo(new Date('2027-06-30T21:30:00Z'))).toBe('2027-06-30');
    // The minute before and the minute of midnight in Oslo, asked for in turn.
    expect(todayInOslo(new Date('2027-06-30T21:59:59.999Z'))).toBe('2027-06-30');
    expect(todayInOslo(new Date('2027-06-30T22:00:00Z'))).toBe('2027-07-01');
    expect(todayInOslo(new Date('2027-06-30T21:59:30Z'))).toBe('2027-06-30');
  });
});

describe('isOverdue', () => {
  const today = '2027-03-10';
  it('is overdue only after the due date has passed', () => {
    expect(isOverdue({ status: 'not_started', dueDate: '2027-03-09' }, today)).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueDate: '2027-03-09' }, today)).toBe(true);
    expect(isOverdue({ status: 'not_started', dueDate: '2027-03-10' }, today)).toBe(false);
    expect(isOverdue({ status: 'not_started', dueDate: '2027-03-11' }, today)).toBe(false);
  });
  it('never counts finished, irrelevant or undated tasks', () => {
    expect(isOverdue({ status: 'done', dueDate: '2020-01-01' }, today)).toBe(false);
    expect(isOverdue({ status: 'not_relevant', dueDate: '2020-01-01' }, today)).toBe(false);
    expect(isOverdue({ status: 'not_started', dueDate: null }, today)).toBe(false);
  });
});

describe('progressOf', () => {
  const today = '2027-03-10';
  it('counts done tasks against the relevant ones', () => {
    const result = progressOf(
      [
        { status: 'done', dueDate: null },
        { status: 'done', dueDate: null },
        { status: 'in_progress', dueDate: '2027-01-01' },
        { status: 'not_started', dueDate: null },
        { status: 'not_relevant', dueDate: null },
      ],
      today,
    );
    expect(result).toEqual({
      total: 5,
      relevant: 4,
      done: 2,
      inProgress: 1,
      notStarted: 1,
      notRelevant: 1,
      overdue: 1,
      percent: 50,
    });
  });
  it('rounds down, so 100 % means every relevant task is done', () => {
    const tasks = [...Array.from({ length: 199 }, () => ({ status: 'done' as const, dueDate: null })), { status: 'not_started' as const, dueDate: null }];
    expect(progressOf(tasks, today).percent).toBe(99);
  });
  it('has no percentage when nothing is relevant', () => {
    expect(progressOf([], today).percent).toBeNull();
    expect(progressOf([{ status: 'not_relevant', dueDate: null }], today).percent).toBeNull();
  });
  it('rolls up by tasks: a phase is the sum of its activities', () => {
    const activityA = [{ status: 'done' as const, dueDate: null }];
    const activityB = [
      { status: 'not_started' as const, dueDate: null },
      { status: 'not_started' as const, dueDate: null },
      { status: 'not_started' as const, dueDate: null },
    ];
    expect(progressOf(activityA, today).percent).toBe(100);
    expect(progressOf(activityB, today).percent).toBe(0);
    expect(progressOf([...activityA, ...activityB], today).percent).toBe(25);
  });
});

describe('applyStatusRule', () => {
  const fresh = { status: 'not_started' as const, notRelevantReason: null };
  it('refuses «ikke relevant» without a reason', () => {
    expect(applyStatusRule(fresh, { status: 'not_relevant' })).toEqual({ ok: false, code: 'NOT_RELEVANT_REASON_REQUIRED' });
    expect(applyStatusRule(fresh, { status: 'not_relevant', notRelevantReason: '   ' })).toEqual({
      ok: false,
      code: 'NOT_RELEVANT_REASON_REQUIRED',
    });
  });
  it('accepts «ikke relevant» with a reason, trimmed', () => {
    expect(applyStatusRule(fresh, { status: 'not_relevant', notRelevantReason: ' Har ikke legevakt ' })).toEqual({
      ok: true,
      value: { status: 'not_relevant', notRelevantReason: 'Har ikke legevakt' },
    });
  });
  it('keeps an existing reason, and refuses to clear it while the status stays', () => {
    const current = { status: 'not_relevant' as const, notRelevantReason: 'Dekkes av IKS' };
    expect(applyStatusRule(current, {})).toEqual({ ok: true, value: current });
    expect(applyStatusRule(current, { notRelevantReason: null }).ok).toBe(false);
  });
  it('clears the reason when the task leaves «ikke relevant»', () => {
    const current = { status: 'not_relevant' as const, notRelevantReason: 'Dekkes av IKS' };
    expect(applyStatusRule(current, { status: 'in_progress' })).toEqual({
      ok: true,
      value: { status: 'in_progress', notRelevantReason: null },
    });
  });
});

describe('the solution area of a task a veivalg placed', () => {
  const areas = areaOfCatalogTask(loadCatalog());
  it('is known from the library task id, for every area task', () => {
    const catalog = loadCatalog();
    for (const area of catalog.sectors.flatMap((sector) => sector.solutionAreas)) {
      for (const task of area.tasks) expect(areas.get(task.id)).toEqual({ id: area.id, name: area.name });
    }
  });
  it('tells the areas’ «Videreføre pågående saker» apart (three areas; the checklist has its own under «Digitale arkiv»)', () => {
    const names = loadCatalog()
      .sectors.flatMap((sector) => sector.solutionAreas)
      .flatMap((area) => area.tasks.filter((task) => task.title === 'Videreføre pågående saker').map((task) => areas.get(task.id)!.name));
    expect(names).toHaveLength(3);
    expect(new Set(names).size).toBe(3);
  });
  it('is absent for the checklist’s own tasks', () => {
    expect(areas.get('fase-4-akt-4-opp-6')).toBeUndefined();
  });
});

describe('a task title in context', () => {
  it.each([
    [
      'a placed task: with its area',
      { title: 'Videreføre pågående saker', area: { name: 'Pasientjournalsystemer' }, group: null },
      'Videreføre pågående saker (Pasientjournalsystemer)',
    ],
    [
      'a library task under a sub-heading: with it',
      { title: 'Inngå nye kontrakter med leverandører etter behov', area: null, group: 'Systemer' },
      'Inngå nye kontrakter med leverandører etter behov (Systemer)',
    ],
    ['any other task: its title', { title: 'Egen oppgave', area: null, group: null }, 'Egen oppgave'],
  ])('%s', (_, task, expected) => {
    expect(taskTitleInContext(task)).toBe(expected);
  });
});

describe('filterTasks (search and filters of the checklist)', () => {
  const task = (
    title: string,
    more: Partial<{
      notes: string | null;
      area: { id: string } | null;
      municipalityNumber: string | null;
      responsibleName: string | null;
      responsibleUserId: string | null;
    }> = {},
  ) => ({
    title,
    notes: null,
    area: null,
    municipalityNumber: null,
    responsibleName: null,
    responsibleUserId: null,
    ...more,
  });
  const list = [
    task('Kartlegge IKT-systemer', { responsibleName: 'Øystein Ås, IKT-leder' }),
    task('Avklare ØKONOMISYSTEM', { area: { id: 'okonomi' }, municipalityNumber: '4601' }),
    task('Felles arkivplan', { notes: 'Møte med byarkivet i mai', municipalityNumber: '4626' }),
  ];
  const titles = (search: Parameters<typeof filterTasks>[1]) => filterTasks(list, search).map((found) => found.title);

  it('finds every word in the title or the notes, whatever the case, also æøå', () => {
    expect(titles({ q: 'økonomisystem' })).toEqual(['Avklare ØKONOMISYSTEM']);
    expect(titles({ q: '  MØTE   byarkivet ' })).toEqual(['Felles arkivplan']);
    expect(titles({ q: 'arkiv mai' })).toEqual(['Felles arkivplan']);
    expect(titles({ q: 'arkiv juni' })).toEqual([]);
  });

  it('keeps every task, in order, when nothing narrows', () => {
    expect(titles({})).toEqual(list.map((found) => found.title));
    expect(titles({ q: '   ' })).toEqual(list.map((found) => found.title));
  });

  it('filters by solution area and by municipality, together with the text', () => {
    expect(titles({ areaId: 'okonomi' })).toEqual(['Avklare ØKONOMISYSTEM']);
    expect(titles({ municipalityNumber: '4626' })).toEqual(['Felles arkivplan']);
    expect(titles({ municipalityNumber: '4626', q: 'økonomi' })).toEqual([]);
    expect(titles({ areaId: 'okonomi', municipalityNumber: '4601', q: 'avklare' })).toEqual(['Avklare ØKONOMISYSTEM']);
  });

  it('filters by the text of «Ansvarlig», in any case', () => {
    expect(titles({ responsible: 'øystein' })).toEqual(['Kartlegge IKT-systemer']);
    expect(titles({ responsible: 'ikt-LEDER' })).toEqual(['Kartlegge IKT-systemer']);
    expect(titles({ responsible: 'Kari' })).toEqual([]);
  });

  it('filters by the responsible member, whatever their name reads', () => {
    const mona = '00000000-0000-4000-8000-00000000000a';
    const members = [
      task('Oppgave for Mona', { responsibleName: 'Mona Medlem', responsibleUserId: mona }),
      task('Mona som fritekst', { responsibleName: 'Mona Medlem' }),
    ];
    expect(filterTasks(members, { responsibleUserId: mona }).map((found) => found.title)).toEqual(['Oppgave for Mona']);
    expect(filterTasks(members, { responsible: 'mona' })).toHaveLength(2);
  });

  it('reads composed and decomposed letters as the same', () => {
    expect(filterTasks([task('Gå gjennom avtaler'.normalize('NFD'))], { q: 'gå' })).toHaveLength(1);
  });
});
