import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, onUnauthenticated, setCsrfToken } from './api-client.ts';

interface Call {
  url: string;
  method: string;
  csrf: string | undefined;
}

/** A stand-in server: answers in order, and records what the client sent. */
function fakeServer(answers: Array<{ status: number; body?: unknown }>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    calls.push({ url, method: init.method ?? 'GET', csrf: headers['x-csrf-token'] });
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected call to ${url}`);
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status });
  });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('the API client and the session', () => {
  it('sends the CSRF token on changes, never on reads', async () => {
    setCsrfToken('token-1', 'user-1');
    const calls = fakeServer([
      { status: 200, body: { ok: true } },
      { status: 200, body: { ok: true } },
    ]);
    await apiRequest('/mergers');
    await apiRequest('/mergers', { method: 'POST', body: {} });
    expect(calls).toEqual([
      { url: '/api/v1/mergers', method: 'GET', csrf: undefined },
      { url: '/api/v1/mergers', method: 'POST', csrf: 'token-1' },
    ]);
  });

  it('tells the app when the session has ended', async () => {
    setCsrfToken('token-1', 'user-1');
    fakeServer([{ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'Du må logge inn.' } } }]);
    const listener = vi.fn();
    const stop = onUnauthenticated(listener);
    await expect(apiRequest('/mergers')).rejects.toBeInstanceOf(ApiError);
    stop();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('does not treat a wrong password as an ended session', async () => {
    fakeServer([{ status: 401, body: { error: { code: 'INVALID_CREDENTIALS', message: 'Feil e-post eller passord.' } } }]);
    const listener = vi.fn();
    const stop = onUnauthenticated(listener);
    await expect(apiRequest('/auth/login', { method: 'POST', body: {} })).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    stop();
    expect(listener).not.toHaveBeenCalled();
  });

  it('fetches a fresh CSRF token once for the same person, and sends the change again', async () => {
    setCsrfToken('old', 'user-1');
    const calls = fakeServer([
      { status: 403, body: { error: { code: 'CSRF_TOKEN_INVALID', message: 'Last siden på nytt.' } } },
      { status: 200, body: { session: { csrfToken: 'new', user: { id: 'user-1' } } } },
      { status: 200, body: { saved: true } },
    ]);
    expect(await apiRequest('/mergers', { method: 'POST', body: {} })).toEqual({ saved: true });
    expect(calls.map((call) => `${call.method} ${call.url} ${call.csrf ?? '-'}`)).toEqual([
      'POST /api/v1/mergers old',
      'GET /api/v1/auth/session -',
      'POST /api/v1/mergers new',
    ]);
  });
});
