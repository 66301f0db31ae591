import { translatedCatalog } from '#catalog/catalog-translations.ts';
import { actorOf, type ServiceContext } from '#server/platform/context.ts';
import { todayOf } from '#server/platform/clock.ts';
import { notFound } from '#server/platform/errors.ts';
import { icalendar, type CalendarEvent } from '#server/platform/formats/icalendar.ts';
import { randomToken, tokenHash } from '#server/features/auth/auth.crypto.ts';
import { solutionAreaNames } from '#server/features/inventory/inventory.service.ts';
import { taskLabel } from '#server/features/plan/plan.tasks.service.ts';
import type { CreatedMyCalendarFeed, MyCalendarFeed, MyWork, MyWorkItem, myWorkQuery } from '#shared/contracts/my-work.ts';
import { itemLinks } from '#shared/item-links.ts';
import type { Language } from '#shared/language.ts';
import type { Localized } from '#shared/localized.ts';
import type { z } from 'zod';
import { isOverdueItem, orderMyWork, stateOf } from './my-work.domain.ts';
import * as repo from './my-work.repo.ts';

/**
 * Everything `userId` is responsible for as a member, in the mergers they are in, in «Mine oppgaver»
 * order. The library's names (a veivalg's area, a library task's area) in `language`, the reader's:
 * one list spans mergers of different målformer. Titles the team wrote, and task titles as stored,
 * stay as they are.
 */
async function readMyWork(ctx: ServiceContext, userId: string, language: Language): Promise<{ items: MyWorkItem[]; mergers: MyWork['mergers'] }> {
  const [mergers, taskRows, mitigationRows, benefitRows, decisionRows] = await Promise.all([
    repo.listMyMergers(ctx.db, userId),
    repo.listMyTasks(ctx.db, userId),
    repo.listMyMitigations(ctx.db, userId),
    repo.listMyBenefits(ctx.db, userId),
    repo.listMyDecisions(ctx.db, userId),
  ]);
  const today = todayOf(ctx);
  const catalog = translatedCatalog(language);
  const areaNames = solutionAreaNames(language);
  const item = (fields: Omit<MyWorkItem, 'state' | 'overdue'>): MyWorkItem => {
    const state = stateOf(fields.kind, fields.status);
    return { ...fields, state, overdue: isOverdueItem({ dueDate: fields.dueDate, state }, today) };
  };
  const items = [
    ...taskRows.map((row) =>
      item({
        kind: 'task',
        id: row.id,
        mergerId: row.mergerId,
        mergerName: row.mergerName,
        title: taskLabel(row, catalog),
        status: row.status,
        dueDate: row.dueDate,
        link: itemLinks.task(row.mergerId, row.id),
      }),
    ),
    ...mitigationRows.map((row) =>
      item({
        kind: 'mitigation',
        id: row.id,
        mergerId: row.mergerId,
        mergerName: row.mergerName,
        title: `${row.title} (${row.riskTitle})`,
        status: row.status,
        dueDate: row.dueDate,
        link: itemLinks.mitigation(row.mergerId, row.riskId),
      }),
    ),
    ...benefitRows.map((row) =>
      item({
        kind: 'benefit',
        id: row.id,
        mergerId: row.mergerId,
        mergerName: row.mergerName,
        title: row.title,
        status: row.status,
        dueDate: row.dueDate,
        link: itemLinks.benefit(row.mergerId, row.id),
      }),
    ),
    ...decisionRows.map((row) =>
      item({
        kind: 'decision',
        id: row.id,
        mergerId: row.mergerId,
        mergerName: row.mergerName,
        title: areaNames.get(row.solutionAreaId) ?? row.solutionAreaId,
        status: row.status,
        dueDate: null,
        link: itemLinks.decision(row.mergerId, row.solutionAreaId),
      }),
    ),
  ];
  return { items: orderMyWork(items), mergers };
}

export async function myWork(ctx: ServiceContext, query: z.output<typeof myWorkQuery>): Promise<MyWork> {
  const actor = actorOf(ctx);
  const { items, mergers } = await readMyWork(ctx, actor.userId, ctx.language ?? 'nb');
  return {
    items: items.filter(
      (item) =>
        (query.mergerId === undefined || item.mergerId === query.mergerId) &&
        (query.status === 'all' || item.state === query.status) &&
        (query.kind === undefined || item.kind === query.kind),
    ),
    mergers,
  };
}

// ---------------------------------------------------------------- personal calendar feed

const feedPath = (token: string) => `/api/v1/calendar-feeds/${token}/mine-oppgaver.ics`;

export async function getMyFeed(ctx: ServiceContext): Promise<MyCalendarFeed> {
  const row = await repo.findFeedOfUser(ctx.db, actorOf(ctx).userId);
  if (!row) return { exists: false, createdAt: null, lastUsedAt: null };
  return { exists: true, createdAt: row.createdAt.toISOString(), lastUsedAt: row.lastUsedAt?.toISOString() ?? null };
}

/** A new secret address; shown this once, since only its hash is kept. A previous one stops working. */
export async function createMyFeed(ctx: ServiceContext): Promise<CreatedMyCalendarFeed> {
  const actor = actorOf(ctx);
  const token = randomToken(32);
  const row = await repo.replaceFeed(ctx.db, { userId: actor.userId, tokenHash: tokenHash(token), createdAt: ctx.now() });
  return { path: feedPath(token), createdAt: row.createdAt.toISOString() };
}

export async function deleteMyFeed(ctx: ServiceContext): Promise<void> {
  if (!(await repo.deleteFeed(ctx.db, actorOf(ctx).userId)))
    throw notFound('CALENDAR_FEED_NOT_FOUND', {
      nb: 'Du har ingen kalenderadresse.',
      nn: 'Du har inga kalenderadresse.',
      en: 'You have no calendar address.',
    });
}

const feedTouchIntervalMs = 60_000;
const feedGone: Localized = {
  nb: 'Kalenderadressen finnes ikke eller er erstattet av en ny.',
  nn: 'Kalenderadressa finst ikkje eller er erstatta av ei ny.',
  en: 'The calendar address does not exist or has been replaced by a new one.',
};

/**
 * My calendar behind a secret address: the dates of what I am responsible for and have not
 * finished. The address is the credential (calendar programs send no cookie); it stops
 * working when the account is deactivated, and shows only mergers the person is still in.
 */
export async function myFeedCalendar(ctx: ServiceContext, token: string): Promise<string> {
  const hashed = tokenHash(token);
  const found = await repo.findFeedByTokenHash(ctx.db, hashed);
  if (!found || found.user.deactivatedAt !== null) {
    throw notFound('CALENDAR_FEED_NOT_FOUND', feedGone);
  }
  const now = ctx.now();
  if (!found.feed.lastUsedAt || now.getTime() - found.feed.lastUsedAt.getTime() >= feedTouchIntervalMs) await repo.touchFeed(ctx.db, hashed, now);
  // One reader across several mergers: the calendar's own words in the person's language (else
  // bokmål); the items keep the words they have, a library task's in its merger's målform.
  const language = found.user.language ?? 'nb';
  const { items } = await readMyWork(ctx, found.feed.userId, language);
  const events: CalendarEvent[] = items
    .filter((item) => item.state === 'open' && item.dueDate !== null)
    .map((item) => ({
      uid: `${item.id}-mine@samla`,
      date: item.dueDate!,
      summary: `${feedText.prefix[item.kind][language]}: ${item.title}`,
      description: item.mergerName,
      categories: ['Samla', feedText.myTasks[language]],
    }));
  return icalendar({ name: `${feedText.myTasksInSamla[language]} – ${found.user.name}`, events, now });
}

/** The personal calendar's own words (decision 040). */
const feedText = {
  prefix: {
    task: { nb: 'Frist', nn: 'Frist', en: 'Due' },
    mitigation: { nb: 'Tiltak', nn: 'Tiltak', en: 'Mitigation' },
    benefit: { nb: 'Gevinst', nn: 'Gevinst', en: 'Benefit' },
    decision: { nb: 'Veivalg', nn: 'Vegval', en: 'Decision' },
  } satisfies Record<MyWorkItem['kind'], Localized>,
  myTasks: { nb: 'Mine oppgaver', nn: 'Mine oppgåver', en: 'My tasks' } satisfies Localized,
  myTasksInSamla: { nb: 'Mine oppgaver i Samla', nn: 'Mine oppgåver i Samla', en: 'My tasks in Samla' } satisfies Localized,
};
