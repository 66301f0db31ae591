import type { FastifyInstance } from 'fastify';

/** What a request that arrives while Samla stops is told (and a load balancer reads from the 503). */
export const shuttingDownMessage = 'Samla starter på nytt. Prøv igjen om litt.';

/**
 * While the app closes (SIGTERM):
 * - every response still being made says `Connection: close`. Without it a
 *   request that was in flight when the shutdown began leaves its kept-alive
 *   connection open after the answer, and Node's server.close() waits for that
 *   idle connection until the keep-alive timeout (72 s in Fastify): longer than
 *   any deploy waits;
 * - a new request on a kept-alive connection gets a 503 with a request id and a
 *   Norwegian message, before anything reads the database that is closing.
 *   (Fastify's own 503 for these has neither.)
 * Registered after the request-id hook and before the access check.
 */
export function registerConnectionDraining(app: FastifyInstance): { startDraining: () => void } {
  let draining = false;
  const startDraining = () => {
    draining = true;
  };
  app.addHook('preClose', async () => startDraining());
  app.addHook('onRequest', async (_request, reply) => {
    if (!draining) return;
    return reply
      .code(503)
      .header('retry-after', '5')
      .send({ error: { code: 'SHUTTING_DOWN', message: shuttingDownMessage } });
  });
  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('connection', 'close');
  });
  return { startDraining };
}
