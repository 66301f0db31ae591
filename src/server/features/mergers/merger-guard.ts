import type { ServiceContext } from '#server/context.ts';
import { notFound } from '#server/errors.ts';
import { findMerger, type MergerRow } from './mergers.repo.ts';

/**
 * The one check other features call before touching a merger's content. The
 * access plugin has already checked the caller's role on this merger and put
 * it on the context; a service reached any other way finds no membership and
 * answers as if the merger did not exist.
 */
export async function requireMerger(ctx: ServiceContext, mergerId: string): Promise<MergerRow> {
  if (ctx.membership?.mergerId !== mergerId) throw notFound('MERGER_NOT_FOUND', 'Fant ikke sammenslåingen.');
  const merger = await findMerger(ctx.db, mergerId);
  if (!merger) throw notFound('MERGER_NOT_FOUND', 'Fant ikke sammenslåingen.');
  return merger;
}
