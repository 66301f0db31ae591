import type { ServiceContext } from '#server/context.ts';
import type { Database } from '#server/db/client.ts';
import { notFound } from '#server/errors.ts';
import { findMerger, type MergerRow } from './mergers.repo.ts';

/**
 * The one check other features call before touching a merger's content. Access
 * control per merger (issue 3) belongs here, so every feature gets it at once.
 */
export async function requireMerger(ctx: ServiceContext | { db: Database }, mergerId: string): Promise<MergerRow> {
  const merger = await findMerger(ctx.db, mergerId);
  if (!merger) throw notFound('MERGER_NOT_FOUND', 'Fant ikke sammenslåingen.');
  return merger;
}
