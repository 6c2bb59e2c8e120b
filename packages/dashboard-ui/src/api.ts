import { apiErrorOf } from './api-error.js';

/**
 * The dashboards' one way of calling their service's API: same-origin cookies (the session cookie is
 * HttpOnly; this code never sees it), JSON both ways, the session's CSRF token on every request that
 * changes something, and, where the service takes it as a header, the selected tenant.
 */
export interface ApiOptions {
  /**
   * The header that names the selected tenant on every request (the SMS platform's `X-Rapport-Shop`).
   * Omitted where the tenant is part of the path or body instead (the reviews platform's store id).
   */
  tenantHeader?: string;
  /** For tests; the browser's fetch otherwise. */
  fetch?: typeof fetch;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  request<T>(method: Method, path: string, body?: unknown): Promise<T>;
  /** Set by the session provider from each session it receives; null when logged out. */
  setCsrfToken(token: string | null): void;
  setTenant(id: string | null): void;
  /** Called on any 401 (an expired or revoked session); returns the unsubscribe function. */
  onUnauthorized(listener: () => void): () => void;
}

export interface RequestState {
  csrfToken: string | null;
  tenantId: string | null;
}

/** The headers of one request: pure, so the CSRF and tenant rules are tested without a browser. */
export function requestHeaders(method: Method, hasBody: boolean, state: RequestState, tenantHeader?: string): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // No content-type without a body: the services answer an empty application/json body with a 400.
  if (hasBody) headers['content-type'] = 'application/json';
  if (method !== 'GET' && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;
  if (tenantHeader && state.tenantId) headers[tenantHeader.toLowerCase()] = state.tenantId;
  return headers;
}

/** A path with each interpolated value percent-encoded: apiPath`/api/dashboard/tokens/${token}`. */
export function apiPath(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? encodeURIComponent(String(values[i])) : ''), '');
}

export function createApi(options: ApiOptions = {}): Api {
  const state: RequestState = { csrfToken: null, tenantId: null };
  const listeners = new Set<() => void>();
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const hasBody = body !== undefined;
    let response: Response;
    try {
      response = await doFetch(path, {
        method,
        credentials: 'same-origin',
        headers: requestHeaders(method, hasBody, state, options.tenantHeader),
        body: hasBody ? JSON.stringify(body) : undefined,
      });
    } catch {
      throw apiErrorOf(0, undefined);
    }
    const text = await response.text();
    let parsed: unknown = undefined;
    if (text !== '' && (response.headers.get('content-type') ?? '').includes('json')) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    if (!response.ok) {
      const error = apiErrorOf(response.status, parsed);
      if (response.status === 401) for (const l of listeners) l();
      throw error;
    }
    return parsed as T;
  }

  return {
    request,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    setCsrfToken: (token) => {
      state.csrfToken = token;
    },
    setTenant: (id) => {
      state.tenantId = id;
    },
    onUnauthorized: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
