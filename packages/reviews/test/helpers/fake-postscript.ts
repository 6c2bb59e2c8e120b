/**
 * A small fake of Postscript's API on a real HTTP server (127.0.0.1, ephemeral port), so the connector is
 * tested over the wire: it records every request, knows a few subscribers and keys, and can be told to
 * answer the next matching calls with 401/429/500… on demand.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface FakeSubscriber {
  id: string;
  phone_number: string;
  email: string | null;
  properties: Record<string, unknown>;
}

export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

interface Script {
  method: string;
  pathPrefix: string;
  responses: ScriptedResponse[];
}

export interface FakePostscript {
  url: string;
  /** Private keys it accepts (Bearer). */
  keys: Set<string>;
  subscribers: FakeSubscriber[];
  requests: RecordedRequest[];
  /** The next calls matching method + path prefix get these responses, in order, before normal handling resumes. */
  script(method: string, pathPrefix: string, ...responses: ScriptedResponse[]): void;
  calls(method: string, pathPrefix: string): RecordedRequest[];
  close(): Promise<void>;
}

export const FAKE_SHOP = { resource_id: 'shop_fake123', resource_name: 'Acme Postscript', resource_type: 'shop' };
export const GOOD_KEY = 'sk_test_good_0123456789abcdef';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startFakePostscript(): Promise<FakePostscript> {
  const keys = new Set<string>([GOOD_KEY]);
  const subscribers: FakeSubscriber[] = [];
  const requests: RecordedRequest[] = [];
  const scripts: Script[] = [];
  const triggers = new Map<string, { id: string; name: string; tags: string[] }>();
  let eventSeq = 0;

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const text = await readBody(req);
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = text;
      }
      const method = req.method ?? 'GET';
      const path = url.pathname;
      requests.push({ method, path, query: Object.fromEntries(url.searchParams), headers: req.headers, body });

      const script = scripts.find((s) => s.method === method && path.startsWith(s.pathPrefix) && s.responses.length > 0);
      if (script) {
        const r = script.responses.shift() as ScriptedResponse;
        return send(res, r.status, r.body ?? { errors: [{ loc: [], msg: `scripted ${r.status}`, type: 'scripted' }] }, r.headers);
      }

      const auth = req.headers.authorization ?? '';
      const key = auth.startsWith('Bearer ') ? auth.slice(7) : '';
      if (!keys.has(key))
        return send(res, 401, { errors: [{ loc: ['header', 'authorization'], msg: 'Invalid API key', type: 'v2.access_denied' }] });

      if (method === 'GET' && path === '/api/v2/me') return send(res, 200, FAKE_SHOP);
      if (method === 'GET' && path === '/api/v2/subscribers') {
        const phone = url.searchParams.get('phone_number__eq');
        const email = url.searchParams.get('email__eq');
        const found = subscribers.filter((s) => (phone !== null && s.phone_number === phone) || (email !== null && s.email === email));
        return send(res, 200, { page_info: { page: 1, total_pages: found.length > 0 ? 1 : 0 }, subscribers: found });
      }
      if (method === 'POST' && path === '/api/v2/subscribers') return send(res, 201, { id: 's_created_by_mistake' });
      const subMatch = /^\/api\/v2\/subscribers\/([^/]+)$/.exec(path);
      if (method === 'PATCH' && subMatch) {
        const sub = subscribers.find((s) => s.id === decodeURIComponent(subMatch[1] as string));
        if (!sub) return send(res, 404, { errors: [{ loc: ['path', 'id'], msg: 'Subscriber not found', type: 'not_found' }] });
        Object.assign(sub.properties, (body as { properties?: Record<string, unknown> }).properties ?? {});
        return send(res, 200, sub);
      }
      if (method === 'POST' && path === '/api/v2/events') {
        eventSeq += 1;
        return send(res, 202, { event_ids: [`ev_${eventSeq}`] });
      }
      if (method === 'POST' && path === '/v1/triggers') {
        const b = body as { name: string; tags: string[] };
        let t = triggers.get(b.name);
        if (!t) {
          t = { id: `trg_${triggers.size + 1}`, name: b.name, tags: b.tags };
          triggers.set(b.name, t);
        }
        return send(res, 200, { ...t, transactional_allowed: false, created_at: '2026-01-01T00:00:00Z' });
      }
      const fire = /^\/v1\/triggers\/([^/]+)\/subscribers\/([^/]+)$/.exec(path);
      if (method === 'POST' && fire) {
        const sub = subscribers.find((s) => s.id === decodeURIComponent(fire[2] as string));
        if (!sub) return send(res, 404, { error: 'Subscriber not found' });
        return send(res, 200, { success: true });
      }
      return send(res, 404, { error: `no route ${method} ${path}` });
    })().catch((err: unknown) => send(res, 500, { error: String(err) }));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    keys,
    subscribers,
    requests,
    script(method, pathPrefix, ...responses) {
      scripts.push({ method, pathPrefix, responses });
    },
    calls(method, pathPrefix) {
      return requests.filter((r) => r.method === method && r.path.startsWith(pathPrefix));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
