import { describe, expect, it } from 'vitest';
import { acceptsGzip, ResponseStore, responseKey } from './response-cache.ts';

const response = (revision: string, body = '{"a":1}') => ({ revision, body: Buffer.from(body), gzip: null, contentType: 'application/json; charset=utf-8' });

describe('the response store', () => {
  it('serves an entry only for the revision it was made from, and forgets a stale one', () => {
    const store = new ResponseStore(1_000_000);
    store.set('k', response('5.1'));
    expect(store.get('k', '5.1')?.body.toString()).toBe('{"a":1}');
    expect(store.get('k', '6.1')).toBeUndefined();
    expect(store.get('k', '5.1')).toBeUndefined();
    expect(store.size).toBe(0);
    expect(store.bytes).toBe(0);
  });

  it('stays within its byte budget by dropping the least recently used', () => {
    const body = 'x'.repeat(100);
    const entryBytes = body.length + 1 * 2;
    const store = new ResponseStore(entryBytes * 4);
    for (const key of ['a', 'b', 'c', 'd']) store.set(key, response('1', body));
    store.get('a', '1'); // a is now the most recently used
    store.set('e', response('1', body));
    expect(store.get('b', '1')).toBeUndefined();
    for (const key of ['a', 'c', 'd', 'e']) expect(store.get(key, '1'), key).toBeDefined();
    expect(store.bytes).toBeLessThanOrEqual(store.maxBytes);
  });

  it('replaces an entry for the same key without counting it twice', () => {
    const store = new ResponseStore(1_000_000);
    store.set('k', response('1', 'x'.repeat(10)));
    store.set('k', response('2', 'y'.repeat(10)));
    expect(store.size).toBe(1);
    expect(store.bytes).toBe(10 + 1 * 2);
    expect(store.get('k', '2')?.body.toString()).toBe('y'.repeat(10));
  });

  it('does not keep an answer larger than a quarter of the budget', () => {
    const store = new ResponseStore(400);
    store.set('small', response('1', 'x'.repeat(10)));
    store.set('huge', response('1', 'x'.repeat(150)));
    expect(store.get('huge', '1')).toBeUndefined();
    expect(store.get('small', '1')).toBeDefined();
  });
});

describe('what an Accept-Encoding header accepts', () => {
  it('gzip when named or covered by *, unless its weight is 0', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('x-gzip')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip(['deflate', 'gzip'])).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('*, gzip;q=0')).toBe(false);
    expect(acceptsGzip('br, deflate')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe('the response key', () => {
  it('differs by person, role, day, address and language', () => {
    const base = { userId: 'u1', role: 'owner', today: '2026-11-27', url: '/api/v1/mergers/m/dashboard', language: 'nb' as const };
    const keys = new Set([
      responseKey(base),
      responseKey({ ...base, userId: 'u2' }),
      responseKey({ ...base, role: 'reader' }),
      responseKey({ ...base, today: '2026-11-28' }),
      responseKey({ ...base, url: '/api/v1/mergers/m/dashboard?x=1' }),
      // An answer with words in it (the history's `display`) is the reader's language's (decision 039).
      responseKey({ ...base, language: 'nn' }),
      responseKey({ ...base, language: 'en' }),
    ]);
    expect(keys.size).toBe(7);
  });
});
