import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '#server/platform/db/migration-journal.ts';
import { defaultPhaseDates, defaultTaskDates, effectivePhaseDates } from './plan.schedule.domain.ts';

// Migration 0012 dates the tasks veivalg placed before Samla gave them dates. It is SQL,
// so it must give exactly what the TypeScript rules give (plan.schedule.domain.ts) — month
// ends and leap days included — and leave alone what a person dated.
const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
const sqlOf = (tag: string) => fs.readFileSync(path.join(migrationsFolder, `${tag}.sql`), 'utf8');

let client: PGlite;
const mergerDates = ['2028-01-01', '2027-11-30', '2028-02-29', '2027-05-31', '2030-08-31'];
const ids = new Map<string, string>();

beforeAll(async () => {
  client = new PGlite();
  const before = journal.entries.slice(
    0,
    journal.entries.findIndex((entry) => entry.tag === '0012_steering_statuses'),
  );
  for (const entry of before) await client.exec(sqlOf(entry.tag));
  for (const date of mergerDates) {
    const { rows } = await client.query<{ id: string }>(
      `insert into mergers (name, new_municipality_name, merger_date, catalog_id, catalog_version) values ($1, 'Ny', $2, 'k', '1') returning id`,
      [`M ${date}`, date],
    );
    ids.set(date, rows[0]!.id);
    const task = (phase: number, item: string, title: string, due: string | null = null) =>
      client.query(
        `insert into tasks (merger_id, phase_id, activity_id, catalog_item_id, title, activity_position, position, due_date)
         values ($1, $2, $3, $4, $5, 1, 1000, $6)`,
        [rows[0]!.id, `fase-${phase}`, `fase-${phase}-akt-x`, item, title, due],
      );
    await task(4, 'omrade-pasientjournalsystemer-opp-5', 'Videreføre pågående saker');
    await task(5, 'omrade-sosialsystem-opp-1', 'Etablere et sosialsystem for den nye kommunen');
    await task(4, 'omrade-ppt-system-opp-1', 'Etablere et PPT-system', '2027-06-15');
    await task(4, 'fase-4-akt-4-opp-6', 'Videreføre pågående saker');
  }
  // One merger moved its transition by hand: its phase-5 task takes those dates.
  await client.query(`insert into phase_dates (merger_id, phase_number, start_date, end_date) values ($1, 5, '2028-03-01', '2029-06-30')`, [
    ids.get('2028-01-01'),
  ]);
  await client.exec(sqlOf('0012_steering_statuses'));
}, 60_000);
afterAll(async () => {
  await client.close();
});

async function tasksOf(date: string) {
  const { rows } = await client.query<{ catalog_item_id: string; planned_start: string | null; due_date: string | null; dates_follow_phase: boolean }>(
    `select catalog_item_id, to_char(planned_start, 'YYYY-MM-DD') as planned_start, to_char(due_date, 'YYYY-MM-DD') as due_date, dates_follow_phase
     from tasks where merger_id = $1 order by catalog_item_id`,
    [ids.get(date)],
  );
  return new Map(rows.map((row) => [row.catalog_item_id, row]));
}

describe('migration 0012: dates for tasks veivalg placed earlier', () => {
  it.each(mergerDates.slice(1))('gives a phase-4 and a phase-5 task the phase dates the app computes (merger date %s)', async (date) => {
    const phases = defaultPhaseDates(date);
    const tasks = await tasksOf(date);
    const expected = (phase: number) => ({ ...defaultTaskDates(phases.find((p) => p.number === phase)!), datesFollowPhase: true });
    const row = (item: string) => {
      const t = tasks.get(item)!;
      return { plannedStart: t.planned_start, dueDate: t.due_date, datesFollowPhase: t.dates_follow_phase };
    };
    expect(row('omrade-pasientjournalsystemer-opp-5')).toEqual(expected(4));
    expect(row('omrade-sosialsystem-opp-1')).toEqual(expected(5));
  });

  it("uses the project's own phase dates where it set them", async () => {
    const phases = effectivePhaseDates('2028-01-01', [{ number: 5, start: '2028-03-01', end: '2029-06-30' }]);
    const task = (await tasksOf('2028-01-01')).get('omrade-sosialsystem-opp-1')!;
    expect([task.planned_start, task.due_date]).toEqual([phases[4]!.start, phases[4]!.end]);
    expect([task.planned_start, task.due_date]).toEqual(['2028-03-01', '2029-06-30']);
  });

  it('leaves a task a person dated, and the checklist’s own tasks, as they were', async () => {
    const tasks = await tasksOf('2028-01-01');
    expect(tasks.get('omrade-ppt-system-opp-1')).toMatchObject({ planned_start: null, due_date: '2027-06-15', dates_follow_phase: false });
    expect(tasks.get('fase-4-akt-4-opp-6')).toMatchObject({ planned_start: null, due_date: null, dates_follow_phase: false });
  });

  it('says in history that Samla dated them', async () => {
    const { rows } = await client.query<{ actor_name: string; entity_label: string; changes: Array<{ field: string; old: unknown; new: unknown }> }>(
      `select actor_name, entity_label, changes from audit_events where merger_id = $1 and entity = 'task' order by entity_label`,
      [ids.get('2028-01-01')],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ actor_name: 'Samla', entity_label: 'Etablere et sosialsystem for den nye kommunen' });
    expect(rows[0]!.changes).toEqual([
      { field: 'plannedStart', old: null, new: '2028-03-01' },
      { field: 'dueDate', old: null, new: '2029-06-30' },
    ]);
  });
});
