import { z } from 'zod';
import { languages } from '#shared/language.ts';
import { says } from '#shared/validation/messages.ts';
import { isoDate, requiredText } from './common.ts';

/** How Samla compares e-mail addresses: the server stores and looks them up in this form, as `email` parses them. */
export function normalizeEmail(address: string): string {
  return address.trim().toLowerCase();
}

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: says({ nb: 'Skriv en gyldig e-postadresse.', nn: 'Skriv ei gyldig e-postadresse.', en: 'Enter a valid e-mail address.' }) }).max(254));

export const newPassword = z
  .string()
  .min(12, {
    error: says({ nb: 'Passordet må ha minst 12 tegn.', nn: 'Passordet må ha minst 12 teikn.', en: 'The password must have at least 12 characters.' }),
  })
  .max(200, {
    error: says({
      nb: 'Passordet kan ikke ha mer enn 200 tegn.',
      nn: 'Passordet kan ikkje ha meir enn 200 teikn.',
      en: 'The password cannot have more than 200 characters.',
    }),
  });

/** A language Samla speaks: bokmål, nynorsk or English (decision 039). */
export const userLanguage = z.enum(languages).meta({ id: 'Language' });

export const user = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    isAdministrator: z.boolean(),
    hasPassword: z.boolean().describe('false for a user who signs in only through the identity provider'),
    language: userLanguage.nullable().describe('Språket brukeren har valgt for Samla; null: det nettleseren ber om (Accept-Language)'),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof user>;

export const loginBody = z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(200) });
export type LoginBody = z.input<typeof loginBody>;

export const sessionResponse = z
  .object({
    user,
    csrfToken: z.string().describe('Send som X-CSRF-Token på alle endrende forespørsler med sesjonscookie'),
  })
  .meta({ id: 'Session' });
export type SessionResponse = z.infer<typeof sessionResponse>;

export const authStatus = z
  .object({
    signedIn: z.boolean(),
    session: sessionResponse.nullable(),
    setupRequired: z.boolean().describe('Ingen bruker finnes ennå: «Opprett administrator» med oppsettkoden fra serverloggen'),
    singleSignOn: z.object({ name: z.string() }).nullable().describe('Innlogging via kommunens identitetstilbyder, når den er satt opp'),
  })
  .meta({ id: 'AuthStatus' });
export type AuthStatus = z.infer<typeof authStatus>;

export const setupBody = z.object({
  code: requiredText(100),
  email,
  name: requiredText(200),
  password: newPassword,
});
export type SetupBody = z.input<typeof setupBody>;

export const createUserBody = z.object({ email, name: requiredText(200), password: newPassword.optional() });
export type CreateUserBody = z.input<typeof createUserBody>;

export const apiToken = z
  .object({
    id: z.uuid(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    expiresAt: z.string().nullable().describe('Nøkkelen virker til dette tidspunktet; null: til den trekkes tilbake'),
    status: z.enum(['active', 'expired', 'revoked']),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof apiToken>;

export const createApiTokenBody = z.object({
  name: requiredText(100),
  expiresOn: isoDate.nullable().optional().describe('Siste dag nøkkelen virker (norsk tid), høyst ett år fram; uten: til den trekkes tilbake'),
});
export type CreateApiTokenBody = z.input<typeof createApiTokenBody>;
export const createdApiToken = apiToken
  .extend({ token: z.string().describe('Vises bare denne ene gangen; send som Authorization: Bearer …') })
  .meta({ id: 'CreatedApiToken' });
export type CreatedApiToken = z.infer<typeof createdApiToken>;
