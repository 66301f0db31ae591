import type { FastifyInstance } from 'fastify';

/**
 * While the app closes (SIGTERM), every response still being made says
 * `Connection: close`. Without it a request that was in flight when the
 * shutdown began leaves its kept-alive connection open after the answer, and
 * Node's server.close() waits for that idle connection until the keep-alive
 * timeout (72 s in Fastify): longer than any deploy waits. Fastify already does
 * this for requests that arrive during the close (with a 503).
 */
export function registerConnectionDraining(app: FastifyInstance): void {
  let draining = false;
  app.addHook('preClose', async () => {
    draining = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('connection', 'close');
  });
}
