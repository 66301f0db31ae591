import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { ServiceContext } from './context.ts';
import type { DatabaseHandle } from './db/client.ts';
import { registerErrorHandler } from './errors.ts';
import { catalogRoutes } from './features/catalog/catalog.routes.ts';
import { checklistRoutes } from './features/checklist/checklist.routes.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { mergersRoutes } from './features/mergers/mergers.routes.ts';
import { municipalitiesRoutes } from './features/municipalities/municipalities.routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: DatabaseHandle;
    services: ServiceContext;
  }
}

export interface BuildAppOptions {
  database: DatabaseHandle;
  logger?: FastifyServerOptions['logger'];
  /** The clock; tests set it to make «overdue» deterministic. */
  now?: () => Date;
  /** Folder with the built web app; served when it exists. */
  webRoot?: string;
}

export const defaultWebRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // A merger's notes can be long, an import later much longer; 1 MiB for JSON.
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', options.database);
  app.decorate('services', { db: options.database.db, now: options.now ?? (() => new Date()) });
  registerErrorHandler(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Samla API',
        description:
          'Samla gjør KS’ «Sjekkliste for digital sammenslåing» til et arbeidsverktøy for kommunesammenslåinger. ' +
          'Feil har formen { "error": { "code", "message", "details" } }.',
        version: '1',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(catalogRoutes);
      await api.register(municipalitiesRoutes);
      await api.register(mergersRoutes);
      await api.register(checklistRoutes);
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api/v1' },
  );

  const webRoot = options.webRoot ?? defaultWebRoot;
  const servesWeb = fs.existsSync(`${webRoot}/index.html`);
  if (servesWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes: every non-API GET that is not a file gets the app shell.
    if (servesWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).send({
      error: { code: 'ROUTE_NOT_FOUND', message: `Fant ikke ${request.method} ${request.url}.` },
    });
  });

  return app;
}
