/**
 * The in-memory store behind the response cache (decision 019): serialized
 * JSON responses keyed by who asked what on which day, each stamped with the
 * data revision it was made from. An entry is only ever served for the same
 * revision, so the store itself never decides freshness; it only bounds memory,
 * dropping the least recently used entries first.
 */
import type { Language } from '#shared/language.ts';

export interface CachedResponse {
  revision: string;
  /** The JSON as UTF-8, ready for the socket. */
  body: Buffer;
  /** The same gzipped, for the browsers (all of them) that accept it; null when too small to gain. */
  gzip: Buffer | null;
  contentType: string;
}

export class ResponseStore {
  readonly #entries = new Map<string, CachedResponse & { bytes: number }>();
  #bytes = 0;

  constructor(readonly maxBytes: number) {}

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** The entry for key if it was made from this revision; a stale one is dropped. */
  get(key: string, revision: string): CachedResponse | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.revision !== revision) {
      this.#bytes -= entry.bytes;
      return undefined;
    }
    // Re-inserted: a Map iterates in insertion order, so the front is least recently used.
    this.#entries.set(key, entry);
    return entry;
  }

  set(key: string, response: CachedResponse): void {
    const bytes = response.body.length + (response.gzip?.length ?? 0) + key.length * 2;
    if (bytes > this.maxBytes / 4) return; // one huge answer must not flush everything else
    const previous = this.#entries.get(key);
    if (previous) {
      this.#entries.delete(key);
      this.#bytes -= previous.bytes;
    }
    this.#entries.set(key, { ...response, bytes });
    this.#bytes += bytes;
    for (const [oldestKey, oldest] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldestKey);
      this.#bytes -= oldest.bytes;
    }
  }
}

/** Everything a merger's JSON read may depend on besides the data: who, in which role, what, the day (overdue, days left) and the reader's language. */
export function responseKey(parts: { userId: string; role: string; today: string; url: string; language: Language }): string {
  return `${parts.userId}\n${parts.role}\n${parts.today}\n${parts.language}\n${parts.url}`;
}

/** Below this a gzipped answer saves less than its headers and the work cost. */
export const minBytesToCompress = 1024;

/**
 * Whether an Accept-Encoding header accepts gzip: named (or `*`) without `q=0`.
 * Every browser sends it; a script may not, and then gets plain JSON.
 */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return false;
  let any = false;
  for (const part of value.split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    const accepted = !q || Number(q.slice(2)) > 0;
    const name = coding.trim();
    if (name === 'gzip' || name === 'x-gzip') return accepted;
    if (name === '*') any = accepted;
  }
  return any;
}
