/**
 * A small client for the Postscript API calls the connector makes, over plain `fetch` so it works against
 * real Postscript or the local SMS platform alike. Every failure is one of two typed errors: the API
 * answered with an error status (`PostscriptApiError`, with `Retry-After` when given), or it could not be
 * reached at all (`PostscriptUnreachableError`, naming the URL).
 */
import { MeResponse, type CustomEventBody, type FireTriggerBody } from '@rapport/contract';
import { Value } from 'typebox/value';

export class PostscriptApiError extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly url: string,
    readonly body: string,
    readonly retryAfter: string | null,
  ) {
    super(`Postscript answered ${status} to ${method} ${url}${body ? `: ${body.slice(0, 300)}` : ''}`);
  }
}

export class PostscriptUnreachableError extends Error {
  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(`Could not reach the Postscript API at ${url}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

export interface PostscriptResponse {
  status: number;
  body: string;
  /** The `Rapport-Service` header, when the API is Rapport's. */
  rapportService: string | null;
}

const TIMEOUT_MS = 15_000;

export class PostscriptClient {
  readonly #base: string;
  readonly #key: string;
  readonly #fetch: typeof fetch;

  constructor(opts: { apiUrl: string; privateKey: string; fetch?: typeof fetch }) {
    this.#base = opts.apiUrl.replace(/\/+$/, '');
    this.#key = opts.privateKey;
    this.#fetch = opts.fetch ?? fetch;
  }

  get baseUrl(): string {
    return this.#base;
  }

  async #call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<PostscriptResponse> {
    const url = `${this.#base}${path}`;
    let res: Response;
    try {
      res = await this.#fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${this.#key}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw new PostscriptUnreachableError(this.#base, err);
    }
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      throw new PostscriptUnreachableError(this.#base, err);
    }
    if (!res.ok) throw new PostscriptApiError(res.status, method, url, text, res.headers.get('retry-after'));
    return { status: res.status, body: text, rapportService: res.headers.get('rapport-service') };
  }

  async #json(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await this.#call(method, path, body);
    try {
      return res.body === '' ? null : JSON.parse(res.body);
    } catch {
      throw new PostscriptApiError(res.status, method, `${this.#base}${path}`, `response is not JSON: ${res.body.slice(0, 200)}`, null);
    }
  }

  /**
   * GET /api/v2/me: which shop the key belongs to, and whether the API is Rapport's SMS platform (it says
   * so in a `Rapport-Service` response header; real Postscript does not).
   */
  async whoAmI(): Promise<{ shop: MeResponse; rapport: boolean }> {
    const res = await this.#call('GET', '/api/v2/me');
    let body: unknown;
    try {
      body = res.body === '' ? null : JSON.parse(res.body);
    } catch {
      throw new PostscriptApiError(res.status, 'GET', `${this.#base}/api/v2/me`, `response is not JSON: ${res.body.slice(0, 200)}`, null);
    }
    if (!Value.Check(MeResponse, body)) {
      throw new PostscriptApiError(
        200,
        'GET',
        `${this.#base}/api/v2/me`,
        `unexpected response: ${JSON.stringify(body).slice(0, 200)}`,
        null,
      );
    }
    return { shop: body, rapport: res.rapportService !== null };
  }

  /** POST /v1/triggers: registers a legacy partner trigger with its merge tags; returns its id. */
  async createTrigger(name: string, tags: string[]): Promise<string> {
    const body = (await this.#json('POST', '/v1/triggers', { name, tags })) as Record<string, unknown> | null;
    const nested = body?.['trigger'] as Record<string, unknown> | undefined;
    const id = body?.['id'] ?? nested?.['id'];
    if (typeof id !== 'string' && typeof id !== 'number') {
      throw new PostscriptApiError(
        200,
        'POST',
        `${this.#base}/v1/triggers`,
        `response has no trigger id: ${JSON.stringify(body).slice(0, 200)}`,
        null,
      );
    }
    return String(id);
  }

  /** GET /api/v2/subscribers?{field}__eq=…: the first matching subscriber's id, or null. */
  async findSubscriberId(field: 'phone_number' | 'email', value: string): Promise<string | null> {
    const body = (await this.#json('GET', `/api/v2/subscribers?${field}__eq=${encodeURIComponent(value)}`)) as {
      subscribers?: { id?: unknown }[];
    } | null;
    const id = body?.subscribers?.[0]?.id;
    return typeof id === 'string' ? id : null;
  }

  /** POST /api/v2/events (202 Accepted). */
  sendEvent(body: CustomEventBody): Promise<PostscriptResponse> {
    return this.#call('POST', '/api/v2/events', body);
  }

  /** POST /v1/triggers/{trigger}/subscribers/{subscriber} with the merge-tag values. */
  fireTrigger(triggerId: string, subscriberId: string, tags: FireTriggerBody, idempotencyKey: string): Promise<PostscriptResponse> {
    return this.#call('POST', `/v1/triggers/${encodeURIComponent(triggerId)}/subscribers/${encodeURIComponent(subscriberId)}`, tags, {
      'idempotency-key': idempotencyKey,
    });
  }

  /**
   * GET /api/automations (Rapport's SMS platform only: Postscript has no public automation API): each legacy
   * automation's trigger and the delay before its first message. Null when the API has no such route.
   */
  async listAutomationDelays(): Promise<{ name: string; trigger: string; enabled: boolean; firstDelayMinutes: number }[] | null> {
    let body: unknown;
    try {
      body = await this.#json('GET', '/api/automations');
    } catch (err) {
      if (err instanceof PostscriptApiError && (err.status === 404 || err.status === 405)) return null;
      throw err;
    }
    const list = (body as { automations?: unknown } | null)?.automations;
    if (!Array.isArray(list)) return null;
    return list.flatMap((a: unknown) => {
      const r = a as { name?: unknown; enabled?: unknown; trigger?: { name?: unknown }; messages?: { delay_minutes?: unknown }[] };
      const delay = r.messages?.[0]?.delay_minutes;
      if (typeof r.name !== 'string' || typeof r.trigger?.name !== 'string' || typeof delay !== 'number') return [];
      return [{ name: r.name, trigger: r.trigger.name, enabled: r.enabled === true, firstDelayMinutes: delay }];
    });
  }

  /** PATCH /api/v2/subscribers/{id} {properties}: merges the properties per key. */
  updateSubscriberProperties(subscriberId: string, properties: Record<string, unknown>): Promise<PostscriptResponse> {
    return this.#call('PATCH', `/api/v2/subscribers/${encodeURIComponent(subscriberId)}`, { properties });
  }
}
