import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { openDatabase } from './db/client.ts';

// The only entry point of `npm start`: read config, open and migrate the
// database, listen, and close cleanly on SIGINT/SIGTERM so PGlite flushes.
async function main(): Promise<void> {
  const config = readConfig();
  const database = await openDatabase(config.database);
  const app = await buildApp({
    database,
    auth: config.auth,
    trustedProxyHops: config.trustedProxyHops,
    metricsToken: config.metricsToken,
    logger: config.prettyLogs
      ? { level: config.logLevel, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }
      : { level: config.logLevel },
  });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'stopper Samla');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const where = config.database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite i ${'dataDir' in config.database ? config.database.dataDir : 'minnet'}`;
  app.log.info(`Samla kjører på http://localhost:${config.port} med ${where}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
