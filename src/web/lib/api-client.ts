import type { FieldProblem } from '#shared/contracts/common.ts';

/**
 * A failed call to the Samla API, parsed from `{ error: { code, message, details } }`.
 * `status` is 0 when the server could not be reached at all.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The field problems in `details`, when the API sent a list of them (400s). */
  get problems(): FieldProblem[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(isFieldProblem);
  }
}

export const NETWORK_ERROR = 'NETWORK_ERROR';
export const UNREADABLE_RESPONSE = 'UNREADABLE_RESPONSE';

function isFieldProblem(value: unknown): value is FieldProblem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.path === 'string' && typeof candidate.message === 'string';
}

function isErrorBody(value: unknown): value is { error: { code: string; message: string; details?: unknown } } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as Record<string, unknown>).code === 'string' &&
    typeof (error as Record<string, unknown>).message === 'string'
  );
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** A file sent as is (an upload), with its content type, instead of a JSON body. */
  rawBody?: { data: Blob; contentType: string };
  signal?: AbortSignal;
}

// The session lives in an HttpOnly cookie the page cannot read; the CSRF token that must
// ride along on every state-changing request lives here, in memory only. It comes from
// GET /auth/session at start and from the login and setup answers.
let csrfToken: string | null = null;
/** Whose session the token belongs to, to notice when another tab signed in as someone else. */
let csrfUserId: string | null = null;

export function setCsrfToken(token: string | null, userId: string | null = null): void {
  csrfToken = token;
  csrfUserId = token ? userId : null;
}

type UnauthenticatedListener = () => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/**
 * Called when any API call answers 401 UNAUTHENTICATED: the session has expired or was
 * ended elsewhere. The app then sends the person to sign in, keeping where they were.
 */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

// The language the page is shown in, sent as Accept-Language: the server answers in it
// when the person has stored no choice of their own, and the browser's cache keeps one
// copy of a translated answer per language (the library varies by Accept-Language).
let requestLanguage: string | null = null;

export function setRequestLanguage(language: string | null): void {
  requestLanguage = language;
}

/** The URL of an API path, for links the browser follows itself (downloads, single sign-on). */
export function apiUrl(path: string): string {
  return `/api/v1${path}`;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (requestLanguage) headers['accept-language'] = requestLanguage;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.rawBody !== undefined) headers['content-type'] = options.rawBody.contentType;
  if (!safeMethods.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  const init: RequestInit = {
    method,
    headers,
    credentials: 'same-origin',
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    ...(options.rawBody !== undefined ? { body: options.rawBody.data } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  try {
    return await fetch(apiUrl(path), init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, NETWORK_ERROR, cause instanceof Error ? cause.message : String(cause));
  }
}

async function parse<T>(response: Response): Promise<T> {
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text !== '') {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ApiError(response.status, UNREADABLE_RESPONSE, text.slice(0, 200));
    }
  }
  if (!response.ok) {
    if (isErrorBody(parsed)) {
      throw new ApiError(response.status, parsed.error.code, parsed.error.message, parsed.error.details);
    }
    throw new ApiError(response.status, UNREADABLE_RESPONSE, text.slice(0, 200));
  }
  return parsed as T;
}

/**
 * Asks the server for the session's CSRF token again: another tab may have signed in anew,
 * which replaced the cookie. Same person: carry on with the new token. Nobody: sign in.
 * Someone else: everything on this page belongs to another person, so it starts over.
 */
async function refreshCsrfToken(): Promise<boolean> {
  let status: { session: { csrfToken: string; user: { id: string } } | null };
  try {
    status = await parse(await send('/auth/session', {}));
  } catch {
    return false;
  }
  if (!status.session) {
    setCsrfToken(null);
    for (const listener of unauthenticatedListeners) listener();
    return false;
  }
  if (csrfUserId !== null && status.session.user.id !== csrfUserId) {
    window.location.reload();
    return false;
  }
  setCsrfToken(status.session.csrfToken, status.session.user.id);
  return true;
}

/** Calls `/api/v1{path}` and returns the parsed JSON, or throws an {@link ApiError}. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await parse<T>(await send(path, options));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 401 && error.code === 'UNAUTHENTICATED') {
      setCsrfToken(null);
      for (const listener of unauthenticatedListeners) listener();
    } else if (error.status === 403 && error.code === 'CSRF_TOKEN_INVALID' && (await refreshCsrfToken())) {
      // Once: the token was stale, the session is not.
      return parse<T>(await send(path, options));
    }
    throw error;
  }
}
