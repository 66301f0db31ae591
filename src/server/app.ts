import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import helmet from 'helmet';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import fastifyCookie from '@fastify/cookie';
import type { AuthConfig, MailConfig } from './config.ts';
import type { DatabaseHandle } from './platform/db/client.ts';
import { randomToken } from './features/auth/auth.crypto.ts';
import { accessPlugin } from './platform/access/access.plugin.ts';
import { authRoutes } from './features/auth/auth.routes.ts';
import { ensureInitialAdministrator, needsSetup, resolveApiToken, resolveSession } from './features/auth/auth.service.ts';
import { createOidcClient } from './features/auth/oidc.ts';
import { auditRoutes } from './features/audit/audit.routes.ts';
import { keepReferenceNames, listHistory } from './features/audit/audit.service.ts';
import { useReferenceNames } from './platform/audit-trail/audit-trail.ts';
import { membersRoutes } from './features/members/members.routes.ts';
import { systemClock } from './platform/clock.ts';
import { registerErrorHandler, requestLanguage } from './platform/errors.ts';
import { textIn } from '#shared/localized.ts';
import { registerStorableTextGuard } from './platform/storable-text.ts';
import { catalogRoutes } from './features/catalog/catalog.routes.ts';
import { checklistRoutes } from './features/plan/plan.tasks.routes.ts';
import { contractDeadlinesRoutes } from './features/contract-deadlines/contract-deadlines.routes.ts';
import { benefitsRoutes } from './features/benefits/benefits.routes.ts';
import { opportunitiesRoutes } from './features/opportunities/opportunities.routes.ts';
import { dashboardRoutes } from './features/dashboard/dashboard.routes.ts';
import { decisionsRoutes } from './features/decisions/decisions.routes.ts';
import { demoRoutes } from './features/demo/demo.routes.ts';
import { risksRoutes } from './features/risks/risks.routes.ts';
import { commentsRoutes } from './features/comments/comments.routes.ts';
import { notificationsRoutes } from './features/notifications/notifications.routes.ts';
import { startDueTaskScan } from './features/notifications/notifications.events.service.ts';
import { reportsRoutes } from './features/reports/reports.routes.ts';
import { healthRoutes } from './platform/operations/health.routes.ts';
import { metricsPlugin } from './platform/operations/metrics.plugin.ts';
import { registerConnectionDraining } from './platform/operations/draining.ts';
import { registerRequestIdHeader, requestIdServerOptions } from './platform/operations/request-id.ts';
import { responseCachePlugin } from './platform/response-cache/response-cache.plugin.ts';
import { inventoryRoutes } from './features/inventory/inventory.routes.ts';
import { inventoryIoRoutes } from './features/inventory-io/inventory-io.routes.ts';
import { mergersRoutes } from './features/mergers/mergers.routes.ts';
import { myWorkRoutes } from './features/my-work/my-work.routes.ts';
import { municipalitiesRoutes } from './features/municipalities/municipalities.routes.ts';
import { scheduleRoutes } from './features/plan/plan.schedule.routes.ts';
import { usersRoutes } from './features/users/users.routes.ts';
import { mailRoutes } from './features/mail/mail.routes.ts';
import { startMailSender, type MailSender, type MailSenderOptions } from './features/mail/mail.sender.ts';
import { useMail } from './features/mail/mail.service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: DatabaseHandle;
    /** The outbox's sender on this node; null when no SMTP is configured. */
    mailSender: MailSender | null;
  }
}

export const defaultAuthConfig: AuthConfig = { sessionIdleMinutes: 480, secureCookies: false };

export interface BuildAppOptions {
  database: DatabaseHandle;
  logger?: FastifyServerOptions['logger'];
  /** The clock; tests set it to make «overdue» deterministic. */
  now?: () => Date;
  /** Waits for the sign-in throttle's delay; tests pass one that returns at once. */
  sleep?: (ms: number) => Promise<void>;
  /** Folder with the built web app; served when it exists. */
  webRoot?: string;
  auth?: AuthConfig;
  /** Proxy hops in front of Samla whose X-Forwarded-For is believed (0: none). */
  trustedProxyHops?: number;
  /** Bearer token for GET /metrics (none: open). */
  metricsToken?: string;
  /** Memory for cached merger reads (decision 019); 0 turns the cache off. Default 64 MiB. */
  responseCacheBytes?: number;
  /**
   * E-mail (SAMLA_SMTP_URL …): this node writes mail to the outbox and sends
   * from it. Tests tune the sender's timing; none: no e-mail.
   */
  mail?: MailConfig & Pick<MailSenderOptions, 'pollIntervalMs' | 'leaseMs' | 'retryBaseMs' | 'summaries' | 'nodeId'>;
  /**
   * How often to look for tasks due soon or overdue (issue 21), in ms; unset or 0: never
   * (tests call `scanDueTasks` themselves). server.ts sets it.
   */
  dueTaskScanEveryMs?: number;
}

export const defaultWebRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // A merger's notes can be long, an import later much longer; 1 MiB for JSON.
    bodyLimit: 1024 * 1024,
    // Believe X-Forwarded-For only from as many hops as there are proxies.
    trustProxy: (_address: string, hop: number) => hop < (options.trustedProxyHops ?? 0),
    // Zod validates and serialises every route: handing Fastify the compilers
    // here keeps it from loading ajv and fast-json-stringify, which nothing
    // uses (a tenth of a second of every start). Fastify types these factories
    // for ajv's compilers only, hence the casts.
    schemaController: {
      compilersFactory: { buildValidator: (() => validatorCompiler) as never, buildSerializer: (() => serializerCompiler) as never },
    },
    ...requestIdServerOptions,
    // Answered by registerConnectionDraining instead, with a request id and a message.
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const auth = options.auth ?? defaultAuthConfig;
  const now = options.now ?? systemClock;
  app.decorate('database', options.database);
  // History keeps the names of what a change points at; the audit feature knows them.
  useReferenceNames(keepReferenceNames);
  registerErrorHandler(app);
  registerStorableTextGuard(app);
  registerRequestIdHeader(app);
  registerConnectionDraining(app);
  app.addHook('onClose', async () => (await import('./platform/workers/worker-pool.ts')).closeWorkerPool());
  await app.register(metricsPlugin, { database: options.database, token: options.metricsToken });

  // First start: an administrator from configuration, or a one-time setup code
  // in the log for the «Opprett administrator» page, so no stranger on the
  // network can claim a fresh instance.
  let setupCode: string | null = null;
  if (auth.initialAdministrator) {
    const created = await ensureInitialAdministrator(options.database.db, auth.initialAdministrator);
    if (created) app.log.info({ email: created.email }, 'opprettet administrator fra SAMLA_ADMIN_EMAIL');
  } else if (await needsSetup(options.database.db)) {
    setupCode = randomToken(9);
    app.log.warn(`Samla er ikke satt opp ennå. Oppsettkode for «Opprett administrator»: ${setupCode}`);
  }

  await app.register(fastifyCookie);
  // Made once: @fastify/helmet made this middleware anew, parsing the policy,
  // for every request (a few per cent of a cached read's time).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // React and Designsystemet set style attributes; no inline scripts anywhere.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: auth.secureCookies ? [] : null,
      },
    },
    hsts: auth.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)));
  await app.register(accessPlugin, {
    database: options.database,
    credentials: {
      resolveApiToken,
      resolveSession: (db, sessionToken, at, mergerId) => resolveSession(db, sessionToken, at, auth, mergerId),
    },
    now,
    sleep: options.sleep,
    apiPrefix: '/api/v1',
  });
  await app.register(responseCachePlugin, { maxBytes: options.responseCacheBytes ?? 64 * 1024 * 1024 });

  const oidc = auth.oidc && auth.publicUrl ? createOidcClient(auth.oidc, new URL('/api/v1/auth/oidc/callback', auth.publicUrl).href) : null;

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Samla API',
        description:
          'Samla gjør KS’ «Sjekkliste for digital sammenslåing» til et arbeidsverktøy for kommunesammenslåinger. ' +
          'Feil har formen { "error": { "code", "message", "details" } }. ' +
          'JSON-svar på lesing i en sammenslåing har ETag (Cache-Control: private, no-cache): send den tilbake i ' +
          'If-None-Match, så svarer Samla 304 uten innhold så lenge ingenting er endret. De sendes gzip-komprimert ' +
          'når Accept-Encoding tar gzip. Mens Samla stopper, svarer nye forespørsler 503 med koden SHUTTING_DOWN og Retry-After.',
        version: '1',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(authRoutes, {
        auth,
        oidc,
        // Valid only until the first administrator exists.
        setupCode: () => setupCode,
      });
      await api.register(usersRoutes, { auth, singleSignOn: oidc !== null });
      await api.register(membersRoutes);
      await api.register(auditRoutes);
      await api.register(catalogRoutes);
      await api.register(municipalitiesRoutes);
      await api.register(mergersRoutes);
      await api.register(demoRoutes);
      await api.register(checklistRoutes);
      await api.register(inventoryRoutes);
      await api.register(inventoryIoRoutes);
      await api.register(decisionsRoutes);
      await api.register(risksRoutes);
      await api.register(contractDeadlinesRoutes);
      await api.register(benefitsRoutes);
      await api.register(opportunitiesRoutes);
      await api.register(scheduleRoutes);
      await api.register(reportsRoutes);
      await api.register(dashboardRoutes);
      await api.register(mailRoutes, { emailEnabled: Boolean(options.mail) });
      await api.register(commentsRoutes);
      await api.register(notificationsRoutes);
      await api.register(myWorkRoutes);
      api.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api/v1' },
  );

  if (options.dueTaskScanEveryMs) {
    const stopScan = startDueTaskScan(options.database.db, {
      now,
      everyMs: options.dueTaskScanEveryMs,
      onError: (error) => app.log.error({ err: error }, 'fristvarsler: gjennomgangen feilet'),
    });
    // Before the database closes (server.ts closes it after the app).
    app.addHook('onClose', stopScan);
  }

  const webRoot = options.webRoot ?? defaultWebRoot;
  const servesWeb = fs.existsSync(`${webRoot}/index.html`);
  if (servesWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      // The build writes .br/.gz beside each asset (vite.config.ts).
      preCompressed: true,
      // …which are sent in place of the asset, not asked for by name: a route
      // for each would add hundreds of routes to every start.
      globIgnore: ['**/*.br', '**/*.gz'],
      // File names under assets/ carry a content hash (a changed file gets a new
      // name), so browsers may keep them; everything else is checked each time.
      cacheControl: false,
      setHeaders: (response, filePath) => {
        const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
        response.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=0');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes: every non-API GET that is not a file gets the app shell,
    // and HEAD its headers (uptime monitors and link checkers ask with HEAD). A
    // missing file (no client route has a dot in its last segment) is a 404: a tab
    // opened before an upgrade asks for the old build's chunks, and the shell in
    // their place would fail as a script with a confusing MIME type error.
    const pathname = request.url.split('?', 1)[0] ?? '';
    const asksForFile = /\.[^/]*$/.test(pathname);
    if (servesWeb && (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/') && !asksForFile) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    const language = requestLanguage(request);
    const route = `${request.method} ${request.url}`;
    return reply
      .status(404)
      .header('content-language', language)
      .send({
        error: {
          code: 'ROUTE_NOT_FOUND',
          message: textIn({ nb: `Fant ikke ${route}.`, nn: `Fann ikkje ${route}.`, en: `${route} was not found.` }, language),
        },
      });
  });

  // Last, so that a failure above leaves no loop running. Stopped before the
  // database closes (server.ts closes the app first).
  app.decorate('mailSender', null);
  if (options.mail) {
    const stopUsingMail = useMail(options.mail);
    app.mailSender = startMailSender({
      ...options.mail,
      db: options.database.db,
      now,
      log: app.log,
      readHistory: (db, mergerId, { from, to }, language) => listHistory({ db, now, actor: null }, mergerId, { from, to, limit: 500 }, language),
    });
    app.addHook('onClose', async () => {
      stopUsingMail();
      await app.mailSender?.stop();
    });
    // The host only: the URL carries the password.
    app.log.info({ from: options.mail.from, smtp: new URL(options.mail.smtpUrl).host }, 'e-post er slått på');
  }

  return app;
}
