import { z } from 'zod';
import { email } from './auth.ts';
import { uuidParam } from './common.ts';

export const mergerRole = z.enum(['owner', 'lead', 'member', 'reader']);
export type MergerRoleName = z.infer<typeof mergerRole>;
export const mergerPermission = z.enum(['read', 'edit', 'addMembers', 'manageMembers']);

export const member = z
  .object({ userId: z.uuid(), email: z.string(), name: z.string(), role: mergerRole, version: z.number().int() })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof member>;

export const memberParams = z.object({ mergerId: uuidParam, userId: uuidParam });
export const addMemberBody = z.object({ email, role: mergerRole });
export type AddMemberBody = z.input<typeof addMemberBody>;
export const changeMemberBody = z.object({ role: mergerRole });
export const listMembersResponse = z.object({ members: z.array(member) });
