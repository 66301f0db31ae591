import path from 'node:path';
import { z } from 'zod';

// The only file that reads process.env. A wrong setting stops the server at
// boot with a message that names the variable, instead of failing later.
const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  SAMLA_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL må begynne med postgres:// eller postgresql://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
  SAMLA_ADMIN_EMAIL: z.email({ error: 'SAMLA_ADMIN_EMAIL må være en e-postadresse' }).optional(),
  SAMLA_ADMIN_PASSWORD: z.string().min(12, { error: 'SAMLA_ADMIN_PASSWORD må ha minst 12 tegn' }).optional(),
  SAMLA_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(480),
  /** The address users reach Samla at; https here makes cookies Secure and turns on HSTS. */
  SAMLA_PUBLIC_URL: z.url().optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default('kommunens innlogging'),
  OIDC_TRUST_EMAIL: z.enum(['true', 'false']).default('false'),
  /**
   * Behind a reverse proxy: how many proxy hops to trust for the client's address
   * (X-Forwarded-For). Login throttling per address needs the real one.
   */
  SAMLA_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /** When set, GET /metrics answers only to `Authorization: Bearer <this>`. */
  SAMLA_METRICS_TOKEN: z.string().min(16, { error: 'SAMLA_METRICS_TOKEN må ha minst 16 tegn' }).optional(),
  /** How long SIGTERM waits for requests in flight before giving up and exiting with 1. */
  SAMLA_SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
  /** Memory for answers of merger reads kept between changes (decision 019); 0 turns it off. */
  SAMLA_RESPONSE_CACHE_MB: z.coerce.number().int().min(0).max(16_384).default(64),
  /**
   * Where e-mail goes out (decision 037): smtp://user:password@host:587 (STARTTLS when the server
   * offers it) or smtps://user:password@host:465. Unset: Samla sends no e-mail. Never logged.
   */
  SAMLA_SMTP_URL: z
    .string()
    .refine(isSmtpUrl, { error: 'SAMLA_SMTP_URL må ha formen smtp://bruker:passord@vert:port eller smtps://bruker:passord@vert:port' })
    .optional(),
  /** The sender of Samla's e-mails: «samla@kommune.no» or «Samla <samla@kommune.no>». */
  SAMLA_MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>\r\n]+<[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)$/, {
      error: 'SAMLA_MAIL_FROM må være en e-postadresse, gjerne med navn: Samla <samla@kommune.no>',
    })
    .optional(),
});

/** smtp:// or smtps:// with a host, and a user and a password together or neither (a relay that needs no sign-in). */
function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '' && Boolean(url.username) === Boolean(url.password);
  } catch {
    return false;
  }
}

export type DatabaseConfig = { kind: 'pglite'; dataDir: string } | { kind: 'pglite-memory' } | { kind: 'postgres'; url: string };

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the button: «Logg inn med …». */
  displayName: string;
  /**
   * Treat every e-mail from this provider as verified (OIDC_TRUST_EMAIL=true):
   * for a single-tenant provider that sends no `email_verified` and where users
   * cannot change their own address, such as a municipality's own Entra ID (decision 022).
   */
  trustEmail?: boolean;
}

export interface AuthConfig {
  initialAdministrator?: { email: string; password: string };
  sessionIdleMinutes: number;
  publicUrl?: string;
  secureCookies: boolean;
  oidc?: OidcConfig;
}

/** E-mail (decision 037); absent when SAMLA_SMTP_URL is not set. */
export interface MailConfig {
  /** With the password: never log it. */
  smtpUrl: string;
  from: string;
  publicUrl: string;
}

export interface AppConfig {
  auth: AuthConfig;
  mail?: MailConfig;
  trustedProxyHops: number;
  /** Bearer token for GET /metrics; none means /metrics is open (protect it at the proxy). */
  metricsToken?: string;
  shutdownTimeoutMs: number;
  responseCacheBytes: number;
  port: number;
  host: string;
  database: DatabaseConfig;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  prettyLogs: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Ugyldig konfigurasjon:\n${problems.join('\n')}`);
  }
  const value = parsed.data;
  if (Boolean(value.SAMLA_ADMIN_EMAIL) !== Boolean(value.SAMLA_ADMIN_PASSWORD)) {
    throw new Error('Ugyldig konfigurasjon:\n  SAMLA_ADMIN_EMAIL og SAMLA_ADMIN_PASSWORD må settes sammen.');
  }
  const oidcParts = [value.OIDC_ISSUER, value.OIDC_CLIENT_ID, value.OIDC_CLIENT_SECRET];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    throw new Error('Ugyldig konfigurasjon:\n  OIDC_ISSUER, OIDC_CLIENT_ID og OIDC_CLIENT_SECRET må settes sammen.');
  }
  if (value.OIDC_ISSUER && !value.SAMLA_PUBLIC_URL) {
    throw new Error('Ugyldig konfigurasjon:\n  SAMLA_PUBLIC_URL må settes når innlogging med OpenID Connect er slått på.');
  }
  if (Boolean(value.SAMLA_SMTP_URL) !== Boolean(value.SAMLA_MAIL_FROM)) {
    throw new Error('Ugyldig konfigurasjon:\n  SAMLA_SMTP_URL og SAMLA_MAIL_FROM må settes sammen.');
  }
  if (value.SAMLA_SMTP_URL && !value.SAMLA_PUBLIC_URL) {
    throw new Error('Ugyldig konfigurasjon:\n  SAMLA_PUBLIC_URL må settes når e-post er slått på (lenkene i e-postene bruker den).');
  }
  return {
    mail:
      value.SAMLA_SMTP_URL && value.SAMLA_MAIL_FROM && value.SAMLA_PUBLIC_URL
        ? { smtpUrl: value.SAMLA_SMTP_URL, from: value.SAMLA_MAIL_FROM, publicUrl: value.SAMLA_PUBLIC_URL }
        : undefined,
    trustedProxyHops: value.SAMLA_TRUSTED_PROXIES,
    metricsToken: value.SAMLA_METRICS_TOKEN,
    shutdownTimeoutMs: value.SAMLA_SHUTDOWN_TIMEOUT_SECONDS * 1000,
    responseCacheBytes: value.SAMLA_RESPONSE_CACHE_MB * 1024 * 1024,
    auth: {
      initialAdministrator:
        value.SAMLA_ADMIN_EMAIL && value.SAMLA_ADMIN_PASSWORD ? { email: value.SAMLA_ADMIN_EMAIL, password: value.SAMLA_ADMIN_PASSWORD } : undefined,
      sessionIdleMinutes: value.SAMLA_SESSION_IDLE_MINUTES,
      publicUrl: value.SAMLA_PUBLIC_URL,
      secureCookies: value.SAMLA_PUBLIC_URL?.startsWith('https://') ?? false,
      oidc:
        value.OIDC_ISSUER && value.OIDC_CLIENT_ID && value.OIDC_CLIENT_SECRET
          ? {
              issuer: value.OIDC_ISSUER,
              clientId: value.OIDC_CLIENT_ID,
              clientSecret: value.OIDC_CLIENT_SECRET,
              displayName: value.OIDC_NAME,
              trustEmail: value.OIDC_TRUST_EMAIL === 'true',
            }
          : undefined,
    },
    port: value.PORT,
    host: value.HOST,
    database: value.DATABASE_URL ? { kind: 'postgres', url: value.DATABASE_URL } : { kind: 'pglite', dataDir: path.resolve(value.SAMLA_DATA_DIR) },
    logLevel: value.LOG_LEVEL,
    prettyLogs: value.NODE_ENV !== 'production' && Boolean(process.stdout.isTTY),
  };
}
