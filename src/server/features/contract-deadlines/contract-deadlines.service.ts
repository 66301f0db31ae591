import type { ServiceContext } from '#server/platform/context.ts';
import { systemFateResolver } from '#server/features/decisions/decisions.service.ts';
import { contractsWithSystems, type ContractWithSystems } from '#server/features/inventory/inventory.service.ts';
import { requireMergerAccess } from '#server/platform/access/merger-guard.ts';
import { mergerBasics, mergerDateOf, municipalitiesOfMerger } from '#server/features/mergers/mergers.service.ts';
import { icalendar, type CalendarEvent } from '#server/platform/formats/icalendar.ts';
import type { ContractDeadlines } from '#shared/contracts/contract-deadlines.ts';
import type { ChangeClause } from '#shared/contracts/inventory.ts';
import { getSchedule, lastDayOfTransition } from '#server/features/plan/plan.schedule.service.ts';
import { translatedCatalog } from '#catalog/catalog-translations.ts';
import type { Language } from '#shared/language.ts';
import type { Localized } from '#shared/localized.ts';
import { contractActionText, documentDate, vocabularyIn } from './contract-deadline-text.ts';
import { taskTitleInContext } from '#shared/task-title.ts';
import { addDays, contractDeadline, deadlineCandidates, sortByDeadline, type DateRange, type DeadlineContext } from './contract-deadlines.domain.ts';
import { todayOf } from '#server/platform/clock.ts';

/** Every contract with what must happen to it and by when, the earliest deadline first. */
export async function listContractDeadlines(ctx: ServiceContext, mergerId: string): Promise<ContractDeadlines> {
  requireMergerAccess(ctx, mergerId);
  const [mergerDate, contracts, fateOf] = await Promise.all([
    mergerDateOf(ctx.db, mergerId),
    contractsWithSystems(ctx.db, mergerId),
    systemFateResolver(ctx.db, mergerId),
  ]);
  // The first day after the transition phase, as the schedule has it (a year by default).
  const transitionEnd = addDays(await lastDayOfTransition(ctx.db, mergerId), 1);
  const rows = deadlinesOf(contracts, fateOf, { mergerDate, transitionEnd, today: todayOf(ctx) });
  return {
    mergerDate,
    transitionEnd,
    contracts: sortByDeadline(rows),
  };
}

/**
 * The contracts whose deadline falls in a date range (a view of the next
 * days), by the same rules as the full list, from the merger's dates and
 * the fates the caller has already read. Reads only the contracts whose
 * deadline can fall in the range, so its cost follows the range, not the
 * size of the inventory.
 */
export async function contractDeadlinesBetween(
  ctx: ServiceContext,
  mergerId: string,
  input: { mergerDate: string; lastDayOfTransition: string; fateOf: FateResolver; range: DateRange },
): Promise<ContractDeadlines['contracts']> {
  requireMergerAccess(ctx, mergerId);
  const context = { mergerDate: input.mergerDate, transitionEnd: addDays(input.lastDayOfTransition, 1), today: todayOf(ctx) };
  const candidates = deadlineCandidates(context, input.range);
  const contracts = await contractsWithSystems(
    ctx.db,
    mergerId,
    candidates.everyContract
      ? undefined
      : { endDateFrom: candidates.endDates.from, endDateTo: candidates.endDates.to, noticePeriodMonths: candidates.noticePeriodMonths },
  );
  return sortByDeadline(deadlinesOf(contracts, input.fateOf, context)).filter(
    (row) => row.deadline !== null && row.deadline >= input.range.from && row.deadline <= input.range.to,
  );
}

type FateResolver = Awaited<ReturnType<typeof systemFateResolver>>;

function deadlinesOf(contracts: readonly ContractWithSystems[], fateOf: FateResolver, context: DeadlineContext) {
  return contracts.map((contract) => {
    const covered = contract.systems.map((system) => ({ id: system.id, name: system.name, ...fateOf(system.id, system.solutionAreaId) }));
    const result = contractDeadline(
      {
        id: contract.id,
        endDate: contract.endDate,
        noticePeriodMonths: contract.noticePeriodMonths,
        changeClause: contract.changeClause as ChangeClause | null,
        // Only an adopted decision sets a deadline: a proposal may still change.
        systems: covered.map((system) =>
          system.state === 'adopted' ? { fate: system.fate, timing: system.timing } : { fate: 'undecided' as const, timing: null },
        ),
      },
      context,
    );
    return {
      ...result,
      municipalityNumber: contract.municipalityNumber,
      vendor: contract.vendor,
      subject: contract.subject,
      endDate: contract.endDate,
      noticePeriodMonths: contract.noticePeriodMonths,
      systems: covered.map(({ id, name, fate }) => ({ id, name, fate })),
    };
  });
}

/** The calendar's own words, in every language a merger may write (decision 040). */
const calendarText = {
  municipality: { nb: 'Kommune', nn: 'Kommune', en: 'Municipality' },
  systems: { nb: 'Systemer', nn: 'System', en: 'Systems' },
  contractExpires: { nb: 'Avtalen utløper', nn: 'Avtalen går ut', en: 'The contract expires' },
  systemNeededUntil: { nb: 'Systemet trengs til', nn: 'Systemet trengst til', en: 'The system is needed until' },
  legalReview: {
    nb: 'Juridisk vurdering: avtalen har ikke en endringsklausul som sikrer overføring.',
    nn: 'Juridisk vurdering: avtalen har ikkje ein endringsklausul som sikrar overføring.',
    en: 'Legal review: the contract has no change clause that secures a transfer.',
  },
  contractDeadline: { nb: 'Avtalefrist', nn: 'Avtalefrist', en: 'Contract deadline' },
  contractDeadlines: { nb: 'Avtalefrister', nn: 'Avtalefristar', en: 'Contract deadlines' },
  milestone: { nb: 'Milepæl', nn: 'Milepæl', en: 'Milestone' },
  deadline: { nb: 'Frist', nn: 'Frist', en: 'Due' },
  task: { nb: 'Oppgave', nn: 'Oppgåve', en: 'Task' },
  phase: { nb: 'Fase', nn: 'Fase', en: 'Phase' },
  deadlinesAndMilestones: { nb: 'Frister og milepæler', nn: 'Fristar og milepælar', en: 'Deadlines and milestones' },
  merger_date: { nb: 'Sammenslåingsdato', nn: 'Samanslåingsdato', en: 'Merger date' },
  transition_end: { nb: 'Overgangsfasen slutter', nn: 'Overgangsfasen sluttar', en: 'The transition phase ends' },
} as const satisfies Record<string, Localized>;

/**
 * One all-day event per contract with a deadline; the UID is the contract and the action, so a
 * changed decision moves the event. People read these in their calendar: in the merger's
 * målform, the municipality by its name and dates as the language writes them.
 */
async function contractEvents(ctx: ServiceContext, mergerId: string, language: Language): Promise<CalendarEvent[]> {
  const [{ contracts }, municipalities] = await Promise.all([listContractDeadlines(ctx, mergerId), municipalitiesOfMerger(ctx.db, mergerId)]);
  const names = new Map(municipalities.map((municipality) => [municipality.number, municipality.name]));
  const text = (key: keyof typeof calendarText) => calendarText[key][language];
  return contracts
    .filter((contract) => contract.deadline !== null)
    .map((contract) => ({
      uid: `${contract.contractId}-${contract.action}@samla`,
      date: contract.deadline!,
      summary: `${vocabularyIn[language].contractDeadlineTitle[contract.action]}: ${contract.vendor}${contract.subject ? ` – ${contract.subject}` : ''}`,
      description: [
        `${text('municipality')}: ${names.get(contract.municipalityNumber) ?? contract.municipalityNumber}`,
        contractActionText(contract, language),
        contract.systems.length > 0 ? `${text('systems')}: ${contract.systems.map((system) => system.name).join(', ')}` : null,
        contract.endDate ? `${text('contractExpires')} ${documentDate(contract.endDate, language)}` : null,
        contract.neededUntil && contract.action === 'extend_until_retired'
          ? `${text('systemNeededUntil')} ${documentDate(contract.neededUntil, language)}`
          : null,
        contract.legalReview ? text('legalReview') : null,
      ]
        .filter(Boolean)
        .join('\n'),
      categories: ['Samla', text('contractDeadline')],
    }));
}

/** The contract deadlines as an iCalendar file, in the merger's målform. */
export async function contractDeadlinesCalendar(ctx: ServiceContext, mergerId: string): Promise<string> {
  const { name: mergerName, documentLanguage: language } = await mergerBasics(ctx.db, mergerId);
  const events = await contractEvents(ctx, mergerId, language);
  return icalendar({ name: `${calendarText.contractDeadlines[language]} – ${mergerName}`, events, now: ctx.now() });
}

/**
 * The merger's whole calendar: milestones (the merger date and the end of the
 * transition included), the due dates of open tasks, and the contract deadlines.
 */
export async function mergerCalendar(ctx: ServiceContext, mergerId: string): Promise<string> {
  const { name: mergerName, documentLanguage: language } = await mergerBasics(ctx.db, mergerId);
  const [schedule, contracts] = await Promise.all([getSchedule(ctx, mergerId), contractEvents(ctx, mergerId, language)]);
  const text = (key: keyof typeof calendarText) => calendarText[key][language];
  // A veivalg's tasks are titled with their solution area: its name in the målform too.
  const areaNames = new Map(translatedCatalog(language).sectors.flatMap((sector) => sector.solutionAreas.map((area) => [area.id, area.name] as const)));
  const milestones: CalendarEvent[] = schedule.milestones.map((milestone) => ({
    uid: `${mergerId}-milestone-${milestone.id}@samla`,
    date: milestone.date,
    // The milestones Samla derives (merger date, end of transition) in the målform; the team's own as they wrote them.
    summary: `${text('milestone')}: ${milestone.derived && (milestone.id === 'merger_date' || milestone.id === 'transition_end') ? text(milestone.id) : milestone.title}`,
    categories: ['Samla', text('milestone')],
  }));
  const tasks: CalendarEvent[] = schedule.tasks
    .filter((task) => task.dueDate !== null && task.status !== 'done' && task.status !== 'not_relevant')
    .map((task) => ({
      uid: `${task.id}-due@samla`,
      date: task.dueDate!,
      summary: `${text('deadline')}: ${taskTitleInContext({ ...task, area: task.area && { name: areaNames.get(task.area.id) ?? task.area.name } })}`,
      description: `${text('phase')} ${task.phase}`,
      categories: ['Samla', text('task')],
    }));
  return icalendar({ name: `${text('deadlinesAndMilestones')} – ${mergerName}`, events: [...milestones, ...tasks, ...contracts], now: ctx.now() });
}
