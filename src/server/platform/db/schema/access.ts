import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { MergerRoleName } from '../../../../shared/contracts/members.ts';
import type { Language } from '../../../../shared/language.ts';
import { mergers } from './mergers.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    // Stored lower-cased: e-mail is how people and identity providers are matched.
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    isAdministrator: boolean('is_administrator').notNull().default(false),
    // The language the person chose for Samla (decision 039); null: follow the browser.
    language: text('language').$type<Language>(),
    // Set when an administrator deactivates the user: sessions and API tokens stop working, history keeps the name.
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [uniqueIndex('users_email_idx').on(table.email), check('users_language_check', sql`${table.language} in ('nb', 'nn', 'en')`)],
);

export const sessions = pgTable(
  'sessions',
  {
    // SHA-256 of the cookie's random value: a leaked database gives no live session.
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    // What «Mine økter» shows so a user can tell sessions apart (the browser, as it said at sign-in).
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('api_tokens_hash_idx').on(table.tokenHash), index('api_tokens_user_idx').on(table.userId)],
);

export const mergerMembers = pgTable(
  'merger_members',
  {
    mergerId: uuid('merger_id')
      .notNull()
      .references(() => mergers.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<MergerRoleName>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    primaryKey({ columns: [table.mergerId, table.userId] }),
    index('merger_members_user_idx').on(table.userId),
    check('merger_members_role_check', sql`${table.role} in ('owner', 'lead', 'member', 'reader')`),
  ],
);

/**
 * A single sign-on identity: the identity provider (issuer) and its subject
 * (`sub`), never the e-mail, which a provider may let its users change.
 * Linked to an existing account only on a verified e-mail (decision 022).
 */
export const userIdentities = pgTable(
  'user_identities',
  {
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // The e-mail the provider gave when the link was made: for the administrator's eyes only.
    emailAtLink: text('email_at_link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.issuer, table.subject] }), index('user_identities_user_idx').on(table.userId)],
);

/** A one-time password reset an administrator made for a user: shown once, expires, used once. */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('password_resets_hash_idx').on(table.tokenHash), index('password_resets_user_idx').on(table.userId)],
);

/**
 * An address invited to a merger that is not (yet) known to be a user: who
 * adds a member learns nothing about which addresses have accounts. It becomes
 * a membership when a user with that e-mail signs in.
 */
export const mergerInvitations = pgTable(
  'merger_invitations',
  {
    mergerId: uuid('merger_id')
      .notNull()
      .references(() => mergers.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role').$type<MergerRoleName>().notNull(),
    invitedByUserId: uuid('invited_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    invitedByName: text('invited_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.mergerId, table.email] }),
    index('merger_invitations_email_idx').on(table.email),
    check('merger_invitations_role_check', sql`${table.role} in ('owner', 'lead', 'member', 'reader')`),
  ],
);

export const loginAttempts = pgTable('login_attempts', {
  // 'email:<address>' or 'ip:<address>': one row per thing being throttled.
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  firstFailureAt: timestamp('first_failure_at', { withTimezone: true }).notNull().defaultNow(),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull().defaultNow(),
});

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    // No foreign key: history outlives nothing but the merger itself, and is
    // removed with it by the merger's own delete (kept as long as it exists).
    mergerId: uuid('merger_id').notNull(),
    actorUserId: uuid('actor_user_id'),
    // The actor's name and e-mail at the time: history must read the same
    // even after a user is renamed or removed.
    actorName: text('actor_name').notNull(),
    actorEmail: text('actor_email'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    entityLabel: text('entity_label'),
    action: text('action').$type<'create' | 'update' | 'delete'>().notNull(),
    changes: jsonb('changes').notNull().$type<Array<{ field: string; old: unknown; new: unknown }>>(),
  },
  (table) => [
    index('audit_events_merger_at_idx').on(table.mergerId, table.at),
    index('audit_events_entity_idx').on(table.mergerId, table.entity, table.entityId),
    check('audit_events_action_check', sql`${table.action} in ('create', 'update', 'delete')`),
  ],
);
