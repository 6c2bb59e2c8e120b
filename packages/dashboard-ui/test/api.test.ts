import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiError } from '../src/api-error.js';
import { apiPath, createApi, requestHeaders, type Method } from '../src/api.js';

describe('requestHeaders: the CSRF token on every change, the tenant header where the product has one', () => {
  const cases: {
    name: string;
    method: Method;
    hasBody: boolean;
    csrf: string | null;
    tenant: string | null;
    header?: string;
    expected: Record<string, string>;
  }[] = [
    { name: 'a GET carries no token', method: 'GET', hasBody: false, csrf: 'tok', tenant: null, expected: { accept: 'application/json' } },
    {
      name: 'a POST with a body carries the token and the content type',
      method: 'POST',
      hasBody: true,
      csrf: 'tok',
      tenant: null,
      expected: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': 'tok' },
    },
    {
      name: 'a POST without a body has no content type (an empty JSON body is a 400)',
      method: 'POST',
      hasBody: false,
      csrf: 'tok',
      tenant: null,
      expected: { accept: 'application/json', 'x-csrf-token': 'tok' },
    },
    {
      name: 'a DELETE carries the token',
      method: 'DELETE',
      hasBody: false,
      csrf: 'tok',
      tenant: null,
      expected: { accept: 'application/json', 'x-csrf-token': 'tok' },
    },
    {
      name: 'logged out (login, a setup link): no token to send',
      method: 'POST',
      hasBody: true,
      csrf: null,
      tenant: null,
      expected: { accept: 'application/json', 'content-type': 'application/json' },
    },
    {
      name: 'the SMS dashboard names the selected shop on a GET too',
      method: 'GET',
      hasBody: false,
      csrf: 'tok',
      tenant: 'shp_1',
      header: 'X-Rapport-Shop',
      expected: { accept: 'application/json', 'x-rapport-shop': 'shp_1' },
    },
    {
      name: 'no tenant header without a selected tenant',
      method: 'POST',
      hasBody: false,
      csrf: 'tok',
      tenant: null,
      header: 'X-Rapport-Shop',
      expected: { accept: 'application/json', 'x-csrf-token': 'tok' },
    },
    {
      name: 'the reviews dashboard (no header configured) never sends one',
      method: 'POST',
      hasBody: false,
      csrf: 'tok',
      tenant: 'sto_1',
      expected: { accept: 'application/json', 'x-csrf-token': 'tok' },
    },
  ];
  for (const c of cases)
    test(c.name, () => {
      assert.deepEqual(requestHeaders(c.method, c.hasBody, { csrfToken: c.csrf, tenantId: c.tenant }, c.header), c.expected);
    });
});

test('apiPath percent-encodes what is interpolated, not the template', () => {
  assert.equal(apiPath`/api/dashboard/tokens/${'a/b?c'}`, '/api/dashboard/tokens/a%2Fb%3Fc');
  assert.equal(apiPath`/api/stores/${'sto_1'}/reviews`, '/api/stores/sto_1/reviews');
});

interface Call {
  url: string;
  init: RequestInit;
}
function fakeFetch(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fn = (async (input: string | URL | Request, init?: RequestInit) => {
    const call = { url: String(input), init: init ?? {} };
    calls.push(call);
    return respond(call);
  }) as typeof fetch;
  return { fn, calls };
}
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

describe('createApi', () => {
  test('sends same-origin credentials, JSON, the token and the tenant set by the session', async () => {
    const f = fakeFetch(() => json(201, { id: 'shp_1' }));
    const api = createApi({ tenantHeader: 'X-Rapport-Shop', fetch: f.fn });
    api.setCsrfToken('csrf_1');
    api.setTenant('shp_9');
    assert.deepEqual(await api.post('/api/dashboard/invitations', { email: 'a@example.com' }), { id: 'shp_1' });
    const [call] = f.calls;
    assert.equal(call?.url, '/api/dashboard/invitations');
    assert.equal(call?.init.method, 'POST');
    assert.equal(call?.init.credentials, 'same-origin');
    assert.equal(call?.init.body, '{"email":"a@example.com"}');
    assert.deepEqual(call?.init.headers, {
      accept: 'application/json',
      'content-type': 'application/json',
      'x-csrf-token': 'csrf_1',
      'x-rapport-shop': 'shp_9',
    });
  });

  test('a 204 answers undefined', async () => {
    const api = createApi({ fetch: fakeFetch(() => new Response(null, { status: 204 })).fn });
    assert.equal(await api.post('/api/dashboard/logout'), undefined);
  });

  test("a refusal becomes an ApiError with the status and the server's items", async () => {
    const items = [{ loc: ['body', 'password'], msg: 'Wrong email or password', type: 'invalid_credentials' }];
    const api = createApi({ fetch: fakeFetch(() => json(401, { errors: items })).fn });
    const error = await api.post('/api/dashboard/login', { email: 'a@example.com', password: 'x' }).catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 401);
    assert.deepEqual(error.items, items);
    assert.equal(error.message, 'Wrong email or password');
  });

  test('a failure that is not JSON (a proxy page) still names the status', async () => {
    const api = createApi({
      fetch: fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } })).fn,
    });
    const error = await api.get('/api/dashboard/session').catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 502);
    assert.match(error.message, /502/);
  });

  test('an unreachable server is status 0', async () => {
    const api = createApi({
      fetch: fakeFetch(() => {
        throw new TypeError('fetch failed');
      }).fn,
    });
    const error = await api.get('/api/dashboard/session').catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 0);
    assert.match(error.message, /Could not reach the server/);
  });

  test('a 401 tells the listeners (the session provider logs out), until they unsubscribe', async () => {
    const api = createApi({ fetch: fakeFetch(() => json(401, { errors: [{ loc: [], msg: 'Not logged in', type: 'unauthorized' }] })).fn });
    let told = 0;
    const stop = api.onUnauthorized(() => told++);
    await api.get('/api/dashboard/session').catch(() => undefined);
    stop();
    await api.get('/api/dashboard/session').catch(() => undefined);
    assert.equal(told, 1);
  });

  test('other refusals do not', async () => {
    const api = createApi({
      fetch: fakeFetch(() => json(403, { errors: [{ loc: ['header', 'x-csrf-token'], msg: 'CSRF', type: 'csrf' }] })).fn,
    });
    let told = 0;
    api.onUnauthorized(() => told++);
    await api.post('/api/dashboard/shops', {}).catch(() => undefined);
    assert.equal(told, 0);
  });
});
