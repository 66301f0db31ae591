import { z } from 'zod';
import { email } from './auth.ts';
import { uuidParam } from './common.ts';

export const mergerRole = z.enum(['owner', 'lead', 'member', 'reader']);
export type MergerRoleName = z.infer<typeof mergerRole>;
export const mergerPermission = z.enum(['read', 'edit', 'decide', 'addMembers', 'manageMembers', 'administer', 'delete']);

export const member = z.object({ userId: z.uuid(), email: z.string(), name: z.string(), role: mergerRole, version: z.number().int() }).meta({ id: 'Member' });
export type Member = z.infer<typeof member>;

/**
 * An address invited to the merger: it becomes a member when a user with
 * that e-mail signs in (or an administrator creates one). Whether the
 * address has an account is not said: only administrators may learn that.
 */
export const invitation = z
  .object({
    email: z.string(),
    role: mergerRole,
    invitedBy: z.string().describe('The name of who invited, as it was then'),
    invitedAt: z.string(),
  })
  .meta({ id: 'MemberInvitation' });
export type Invitation = z.infer<typeof invitation>;

/** The answer to «add member» for everyone but an administrator adding an existing user: the same whether or not the address has an account. */
export const invited = z.object({ status: z.literal('invited'), email: z.string(), role: mergerRole }).meta({ id: 'MemberInvited' });
export type Invited = z.infer<typeof invited>;

export const memberParams = z.object({ mergerId: uuidParam, userId: uuidParam });
// Any text: an address that was never invited is a 404 like any other, not a validation error.
export const invitationParams = z.object({ mergerId: uuidParam, email: z.string().trim().toLowerCase().min(1).max(254) });
export const addMemberBody = z.object({ email, role: mergerRole });
export type AddMemberBody = z.input<typeof addMemberBody>;
export const changeMemberBody = z.object({ role: mergerRole });
export const listMembersResponse = z.object({ members: z.array(member), invitations: z.array(invitation) });
export type MembersList = z.infer<typeof listMembersResponse>;
