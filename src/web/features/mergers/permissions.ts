import type { MergerDetail } from '#shared/contracts/mergers.ts';

export type MergerPermission = MergerDetail['myPermissions'][number];

/**
 * Whether the signed-in user's role in the merger allows something. The web hides what the
 * role may not do; the API refuses it regardless.
 */
export function can(merger: Pick<MergerDetail, 'myPermissions'> | undefined, permission: MergerPermission): boolean {
  return merger?.myPermissions.includes(permission) ?? false;
}
