import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerConnectionDraining, shuttingDownMessage } from './draining.ts';
import { registerRequestIdHeader, requestIdServerOptions } from './request-id.ts';

describe('while Samla stops', () => {
  it('finishes the request in flight and tells a new one, with its request id, to come back', async () => {
    const app = Fastify({ ...requestIdServerOptions, return503OnClosing: false });
    registerRequestIdHeader(app);
    // What the preClose hook does when app.close() begins (Fastify refuses inject once closing).
    const { startDraining } = registerConnectionDraining(app);
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let handled = 0;
    app.get('/slow', async () => {
      await released;
      return { done: true };
    });
    app.get('/other', async () => ({ other: ++handled }));
    await app.ready();

    const inFlight = app.inject({ url: '/slow' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    startDraining();
    const late = await app.inject({ url: '/other', headers: { 'x-request-id': 'sent-while-stopping' } });
    release();

    expect(late.statusCode).toBe(503);
    expect(late.headers['x-request-id']).toBe('sent-while-stopping');
    expect(late.headers.connection).toBe('close');
    expect(late.json()).toEqual({ error: { code: 'SHUTTING_DOWN', message: shuttingDownMessage } });
    expect(handled).toBe(0);
    const first = await inFlight;
    expect(first.statusCode).toBe(200);
    expect(first.headers.connection).toBe('close');
    await app.close();
  });
});
