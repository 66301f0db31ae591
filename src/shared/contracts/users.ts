import { z } from 'zod';
import { says } from '#shared/validation/messages.ts';
import { invalidId, requiredText } from './common.ts';
import { email, newPassword, user, userLanguage } from './auth.ts';

// Managing users (administrator) and oneself (everyone): decision 023.
// One schema per endpoint; the server validates with these and the web types its calls with them.

/** A user as the administrator's list shows them. */
export const managedUser = user
  .extend({
    version: z.int().describe('Send med ved endring; en utdatert versjon gir 409 VERSION_CONFLICT'),
    createdAt: z.string(),
    deactivatedAt: z.string().nullable().describe('Satt når brukeren er deaktivert: kan ikke logge inn, historikken beholder navnet'),
    hasPassword: z.boolean().describe('Usann: brukeren logger inn bare med identitetstilbyderen'),
  })
  .meta({ id: 'ManagedUser' });
export type ManagedUser = z.infer<typeof managedUser>;

/**
 * GET /users. Whether a user may be deleted (made no change that history
 * holds) is not listed: finding out reads history, which has no index by
 * person. DELETE answers 409 USER_HAS_HISTORY, suggesting deactivation.
 */
export const listUsersResponse = z.object({ users: z.array(managedUser) });
export type ListUsersResponse = z.infer<typeof listUsersResponse>;

/** :userId in /users/:userId… */
export const userParams = z.object({ userId: z.uuid({ error: invalidId }) });

/** PATCH /users/:userId — name and e-mail, checked against the version the form started from. */
export const updateUserBody = z
  .object({
    version: z.int().min(1),
    name: requiredText(200).optional(),
    email: email.optional(),
  })
  .meta({ id: 'UpdateUserBody' });
export type UpdateUserBody = z.input<typeof updateUserBody>;

/** POST /users/:userId/deactivate and /reactivate answer with the user as it now is (managedUser); no body. */
export const userResponse = managedUser;

/** POST /users/:userId/password-reset — the one-time code, shown only in this answer. */
export const createdPasswordReset = z
  .object({
    code: z.string().describe('Vises bare denne ene gangen; brukeren skriver den inn på «Nytt passord»'),
    path: z.string().describe('Lenken i Samla uten adresse, med koden i fragmentet (#kode=…) så den ikke havner i serverlogger'),
    link: z.string().nullable().describe('Hele lenken når SAMLA_PUBLIC_URL er satt'),
    expiresAt: z.string(),
  })
  .meta({ id: 'CreatedPasswordReset' });
export type CreatedPasswordReset = z.infer<typeof createdPasswordReset>;

/** POST /auth/password-reset (public): set a new password with the one-time code; answers 204. */
export const usePasswordResetBody = z.object({
  code: requiredText(200),
  newPassword,
});
export type UsePasswordResetBody = z.input<typeof usePasswordResetBody>;

/** POST /me/password: answers 204; the caller's other sessions end, this one stays. */
export const changePasswordBody = z.object({
  currentPassword: z
    .string()
    .min(1, { error: says({ nb: 'Skriv det nåværende passordet.', nn: 'Skriv det noverande passordet.', en: 'Enter your current password.' }) })
    .max(200),
  newPassword,
});
export type ChangePasswordBody = z.input<typeof changePasswordBody>;

/** One of my signed-in browsers («Mine økter»). */
export const mySession = z
  .object({
    id: z.string().describe('En ugjennomsiktig id for økten (avledet av nøkkelens hash, ikke hashen selv)'),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    userAgent: z.string().nullable().describe('Nettleseren, slik den oppga seg ved innlogging'),
    current: z.boolean().describe('Økten denne forespørselen kommer fra'),
  })
  .meta({ id: 'MySession' });
export type MySession = z.infer<typeof mySession>;

/** GET /me/sessions */
export const mySessionsResponse = z.object({ sessions: z.array(mySession) });
export type MySessionsResponse = z.infer<typeof mySessionsResponse>;

/** DELETE /me/sessions/:sessionId answers 204. */
export const sessionParams = z.object({ sessionId: z.string().regex(/^[0-9a-f]{32}$/, { error: invalidId }) });

/** POST /me/sessions/end-others: ends every session of mine but this one. */
export const endOtherSessionsResponse = z.object({ ended: z.int().describe('Hvor mange økter som ble avsluttet') });
export type EndOtherSessionsResponse = z.infer<typeof endOtherSessionsResponse>;

/** PUT /me/language: the language Samla speaks to me, in the app and the API; null: follow the browser. Answers with me (user). */
export const setMyLanguageBody = z.object({ language: userLanguage.nullable() }).meta({ id: 'SetMyLanguageBody' });
export type SetMyLanguageBody = z.input<typeof setMyLanguageBody>;
