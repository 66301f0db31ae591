import type { FastifyInstance } from 'fastify';
import { readConfig } from './config.ts';
import { openDatabase, type DatabaseHandle } from './platform/db/client.ts';

// The only entry point of `npm start`: read config, open and migrate the
// database, listen, and stop gracefully on SIGTERM/SIGINT — also when the
// signal comes while Samla is still starting.
async function main(): Promise<void> {
  const config = readConfig();
  let database: DatabaseHandle | undefined;
  let app: FastifyInstance | undefined;
  let listening = false;
  let closing = false;
  // Before the app exists there is no app.log; the few start-up lines go to stderr.
  const info = (message: string) => (app ? app.log.info(message) : console.error(message));

  const stop = async () => {
    // Backstop for responses whose headers went out before the shutdown (so
    // they could not say Connection: close): close their connections as soon
    // as they fall idle instead of at the keep-alive timeout.
    if (app) setInterval(() => app!.server.closeIdleConnections(), 250).unref();
    try {
      // Stops listening, answers requests that arrive meanwhile with 503, waits
      // for those in flight, closes idle keep-alive connections.
      await app?.close();
      // Then the database, so PGlite writes everything and the data-dir lock goes.
      await database?.close();
      info('Samla er stoppet');
      process.exit(0);
    } catch (error) {
      if (app) app.log.error({ err: error }, 'feil under stopp av Samla');
      else console.error('feil under stopp av Samla:', error);
      process.exit(1);
    }
  };

  // Installed before anything is opened: a signal during start-up (a deploy
  // that is rolled back, Ctrl-C while the database opens) must still close
  // the database and release its lock, not end the process half-way.
  const shutdown = (signal: NodeJS.Signals) => {
    // A second signal changes nothing: `npm start` in a terminal passes Ctrl-C
    // on to us while the terminal sends it too, and the deadline below already
    // bounds the wait.
    if (closing) return;
    closing = true;
    const seconds = config.shutdownTimeoutMs / 1000;
    if (app) app.log.info({ signal }, `stopper Samla: tar ikke imot nye forespørsler, venter inntil ${seconds} s på dem som pågår`);
    else console.error(`stopper Samla (${signal}) under oppstart: lukker det som er åpnet`);
    // A stuck request (or a database that never finishes opening) must not
    // hang a deploy: the orchestrator would kill us anyway (Kubernetes after
    // 30 s), better to say why and exit first.
    setTimeout(() => {
      const message = `Samla rakk ikke å stoppe innen ${seconds} s (SAMLA_SHUTDOWN_TIMEOUT_SECONDS); avslutter med kode 1`;
      if (app) app.log.error(message);
      else console.error(message);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    // While starting, the step under way finishes first (an opening database
    // cannot be abandoned half-way); the start-up sees `closing` and stops.
    if (listening) void stop();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  // Opening the database waits at times (on files, on WebAssembly compiling
  // off the main thread): the app's modules load in those gaps, not after.
  const opening = openDatabase(config.database);
  const loadingApp = import('./app.ts');
  // Awaited once the database is open; a failure meanwhile must not count as unhandled.
  loadingApp.catch(() => undefined);
  database = await opening;
  if (closing) return stop();
  let buildApp: (typeof import('./app.ts'))['buildApp'];
  try {
    ({ buildApp } = await loadingApp);
  } catch (error) {
    await database.close();
    throw error;
  }
  app = await buildApp({
    database,
    auth: config.auth,
    trustedProxyHops: config.trustedProxyHops,
    metricsToken: config.metricsToken,
    responseCacheBytes: config.responseCacheBytes,
    mail: config.mail,
    // Tasks due soon or overdue: looked for every hour, each told once (issue 21).
    dueTaskScanEveryMs: 60 * 60 * 1000,
    logger: config.prettyLogs
      ? { level: config.logLevel, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }
      : { level: config.logLevel },
  });
  if (closing) return stop();

  await app.listen({ port: config.port, host: config.host });
  listening = true;
  if (closing) return stop();
  const where =
    config.database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite i ${'dataDir' in config.database ? config.database.dataDir : 'minnet'}`;
  app.log.info(`Samla kjører på http://localhost:${config.port} med ${where}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
