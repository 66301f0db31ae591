import type { ServiceContext } from '#server/platform/context.ts';
import { notFound } from '#server/platform/errors.ts';
import type { Localized } from '#shared/localized.ts';

/** What a merger that is not there, or not the caller's, is called wherever it is looked up. */
export const mergerNotFoundMessage: Localized = {
  nb: 'Fant ikke sammenslåingen.',
  nn: 'Fann ikkje samanslåinga.',
  en: 'The merger was not found.',
};

/**
 * The one check other features call before touching a merger's content. The
 * access plugin has already checked the caller's role on this merger (a
 * membership implies the merger exists) and put it on the context; a service
 * reached any other way finds no membership and answers as if the merger did
 * not exist. No query: the plugin's check was the query.
 */
export function requireMergerAccess(ctx: ServiceContext, mergerId: string): void {
  if (ctx.membership?.mergerId !== mergerId) throw notFound('MERGER_NOT_FOUND', mergerNotFoundMessage);
}
