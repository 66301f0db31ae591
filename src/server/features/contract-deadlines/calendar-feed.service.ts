import { actorOf, type ServiceContext } from '#server/platform/context.ts';
import { notFound } from '#server/platform/errors.ts';
import { recordChange } from '#server/platform/audit-trail/audit-trail.ts';
import { randomToken, tokenHash } from '#server/features/auth/auth.crypto.ts';
import { roleAllows } from '#server/platform/access/roles.ts';
import { isMember } from '#server/features/members/members.service.ts';
import { requireMergerAccess } from '#server/platform/access/merger-guard.ts';
import type { CalendarFeed, CreatedCalendarFeed } from '#shared/contracts/contract-deadlines.ts';
import * as repo from './calendar-feed.repo.ts';
import { mergerCalendar } from './contract-deadlines.service.ts';

const feedPath = (token: string) => `/api/v1/calendar-feeds/${token}/frister.ics`;

/**
 * Whether the merger has an address (never the address). Owners and leads
 * also see whether its maker is still in the merger and when it was last
 * fetched: the address is bound to the merger, not to the person, so it
 * keeps working after they leave, and those who manage people must see it.
 */
export async function getFeed(ctx: ServiceContext, mergerId: string): Promise<CalendarFeed> {
  requireMergerAccess(ctx, mergerId);
  const row = await repo.findFeedOfMerger(ctx.db, mergerId);
  if (!row) return { exists: false, createdAt: null, createdBy: null, createdByIsMember: null, lastUsedAt: null };
  const managesPeople = ctx.membership !== undefined && roleAllows(ctx.membership.role, 'addMembers');
  return {
    exists: true,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdByName,
    createdByIsMember: managesPeople ? row.createdByUserId !== null && (await isMember(ctx.db, mergerId, row.createdByUserId)) : null,
    lastUsedAt: managesPeople ? (row.lastUsedAt?.toISOString() ?? null) : null,
  };
}

/** A new secret address; shown this once, since only its hash is kept. */
export async function createFeed(ctx: ServiceContext, mergerId: string): Promise<CreatedCalendarFeed> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  const token = randomToken(32);
  return ctx.db.transaction(async (tx) => {
    const replaced = await repo.findFeedOfMerger(tx, mergerId);
    const row = await repo.replaceFeed(tx, {
      mergerId,
      tokenHash: tokenHash(token),
      createdByName: actor.name,
      createdByUserId: actor.userId,
      createdAt: ctx.now(),
    });
    await recordChange(tx, actor, {
      mergerId,
      entity: 'calendarFeed',
      entityId: mergerId,
      entityLabel: 'Kalenderadresse for frister og milepæler',
      action: replaced ? 'update' : 'create',
      changes: [{ field: 'address', old: replaced ? 'tidligere adresse' : null, new: 'ny adresse' }],
    });
    return { path: feedPath(token), createdAt: row.createdAt.toISOString(), createdBy: row.createdByName };
  });
}

export async function deleteFeed(ctx: ServiceContext, mergerId: string): Promise<void> {
  requireMergerAccess(ctx, mergerId);
  const actor = actorOf(ctx);
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.deleteFeed(tx, mergerId)))
      throw notFound('CALENDAR_FEED_NOT_FOUND', {
        nb: 'Sammenslåingen har ingen kalenderadresse.',
        nn: 'Samanslåinga har inga kalenderadresse.',
        en: 'The merger has no calendar address.',
      });
    await recordChange(tx, actor, {
      mergerId,
      entity: 'calendarFeed',
      entityId: mergerId,
      entityLabel: 'Kalenderadresse for frister og milepæler',
      action: 'delete',
      changes: [{ field: 'address', old: 'adresse', new: null }],
    });
  });
}

/**
 * The calendar behind a secret address. The address is the credential: it
 * stands for read access to this one merger's deadlines and nothing else, so
 * the request gets a reader's membership of that merger and no actor.
 */
export async function feedCalendar(ctx: ServiceContext, token: string): Promise<string> {
  const hashed = tokenHash(token);
  const row = await repo.findFeedByTokenHash(ctx.db, hashed);
  if (!row) {
    throw notFound('CALENDAR_FEED_NOT_FOUND', {
      nb: 'Kalenderadressen finnes ikke eller er erstattet av en ny.',
      nn: 'Kalenderadressa finst ikkje eller er erstatta av ei ny.',
      en: 'The calendar address does not exist or has been replaced by a new one.',
    });
  }
  const now = ctx.now();
  // Once a minute is enough to say whether it is in use, and spares a write per fetch.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= feedTouchIntervalMs) await repo.touchFeed(ctx.db, hashed, now);
  return mergerCalendar({ ...ctx, actor: null, membership: { mergerId: row.mergerId, role: 'reader' } }, row.mergerId);
}

const feedTouchIntervalMs = 60_000;
