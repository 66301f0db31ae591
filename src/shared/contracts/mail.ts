import { z } from 'zod';
import { notificationKind, type NotificationKind } from './notifications.ts';

// E-mail about notifications (issue 21, decision 037): each person chooses per kind.

/** «straks», «daglig sammendrag» or «av»; `weekly` is used only by the project leader's weekly summary. */
export const mailDelivery = z.enum(['immediate', 'daily', 'weekly', 'off']);
export type MailDelivery = z.infer<typeof mailDelivery>;

/** What a person can choose for one kind of notification. */
export const notificationMailDelivery = z.enum(['immediate', 'daily', 'off']);
export type NotificationMailDelivery = z.infer<typeof notificationMailDelivery>;

/** «straks» for what needs the person, «daglig sammendrag» for the rest. */
export const defaultMailDeliveries: Readonly<Record<NotificationKind, NotificationMailDelivery>> = {
  assigned: 'immediate',
  mentioned: 'immediate',
  due_soon: 'daily',
  overdue: 'daily',
  decision_adopted: 'daily',
  comment: 'daily',
};

const deliveries = z.object(
  Object.fromEntries(notificationKind.options.map((kind) => [kind, notificationMailDelivery])) as Record<NotificationKind, typeof notificationMailDelivery>,
);

/** GET and PUT /me/mail-preferences answer with every kind's choice, defaults filled in. */
export const mailPreferencesResponse = z
  .object({
    emailEnabled: z.boolean().describe('Usann når serveren ikke har SMTP satt opp (SAMLA_SMTP_URL): da sendes ingen e-post'),
    deliveries: deliveries.describe('Per varseltype: immediate = straks, daily = daglig sammendrag, off = av'),
    weeklyDigest: z.boolean().describe('Ukentlig oppsummering mandag morgen for sammenslåinger der jeg er prosjektleder eller eier'),
  })
  .meta({ id: 'MailPreferences' });
export type MailPreferences = z.infer<typeof mailPreferencesResponse>;

/** PUT /me/mail-preferences: the kinds given are changed, the others kept. */
export const updateMailPreferencesBody = z
  .object({
    deliveries: deliveries.partial().default({}),
    weeklyDigest: z.boolean().optional(),
  })
  .meta({ id: 'UpdateMailPreferencesBody' });
export type UpdateMailPreferencesBody = z.input<typeof updateMailPreferencesBody>;
