import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { openDatabase } from './db/client.ts';

// The only entry point of `npm start`: read config, open and migrate the
// database, listen, and stop gracefully on SIGTERM/SIGINT.
async function main(): Promise<void> {
  const config = readConfig();
  const database = await openDatabase(config.database);
  const app = await buildApp({
    database,
    auth: config.auth,
    trustedProxyHops: config.trustedProxyHops,
    metricsToken: config.metricsToken,
    responseCacheBytes: config.responseCacheBytes,
    logger: config.prettyLogs
      ? { level: config.logLevel, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }
      : { level: config.logLevel },
  });

  let closing = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    // A second signal changes nothing: `npm start` in a terminal passes Ctrl-C
    // on to us while the terminal sends it too, and the deadline below already
    // bounds the wait.
    if (closing) return;
    closing = true;
    const seconds = config.shutdownTimeoutMs / 1000;
    app.log.info({ signal }, `stopper Samla: tar ikke imot nye forespørsler, venter inntil ${seconds} s på dem som pågår`);
    // A stuck request must not hang a deploy: the orchestrator would kill us
    // anyway (Kubernetes after 30 s), better to say why and exit first.
    setTimeout(() => {
      app.log.error(`Samla rakk ikke å stoppe innen ${seconds} s (SAMLA_SHUTDOWN_TIMEOUT_SECONDS); avslutter med kode 1`);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    // Backstop for responses whose headers went out before the shutdown (so
    // they could not say Connection: close): close their connections as soon
    // as they fall idle instead of at the keep-alive timeout.
    setInterval(() => app.server.closeIdleConnections(), 250).unref();
    try {
      // Stops listening, answers requests that arrive meanwhile with 503, waits
      // for those in flight, closes idle keep-alive connections.
      await app.close();
      // Then the database, so PGlite writes everything and the data-dir lock goes.
      await database.close();
      app.log.info('Samla er stoppet');
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'feil under stopp av Samla');
      process.exit(1);
    }
  };
  process.on('SIGINT', (signal) => void shutdown(signal));
  process.on('SIGTERM', (signal) => void shutdown(signal));

  await app.listen({ port: config.port, host: config.host });
  const where = config.database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite i ${'dataDir' in config.database ? config.database.dataDir : 'minnet'}`;
  app.log.info(`Samla kjører på http://localhost:${config.port} med ${where}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
