import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Type } from '@fastify/type-provider-typebox';
import {
  bearerAuth,
  createHttpApp,
  DomainError,
  httpErrorOf,
  Invalid,
  LIMITS,
  silentLogger,
  unboundedParts,
  type HttpApp,
} from '../src/index.js';

const auth = bearerAuth<{ user: string }>({
  credential: 'tk_…',
  describe: 'a test key',
  refuse: (t) => (t.startsWith('pk_') ? 'a public key cannot authenticate' : null),
  verify: async (t) => (t === 'tk_good' ? { user: 'ada' } : null),
  invalid: 'Invalid key',
});

let app: HttpApp;
before(async () => {
  app = await createHttpApp({
    title: 'test',
    description: 'test',
    service: 'test',
    logger: silentLogger,
    publishedSchema: { path: '/api/catalog', summary: 'catalog', document: { $defs: { thing: { type: 'object' } }, title: 'Catalog' } },
    errorFamilies: [{ prefix: '/api/v2', family: 'postscript' }],
    mapError: (err) => (err instanceof DomainError ? httpErrorOf(err) : undefined),
  });
  app.post(
    '/things',
    {
      schema: {
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 50 }),
            tags: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 3 })),
            count: Type.Optional(Type.Integer()),
            meta: Type.Optional(Type.Record(Type.String({ maxLength: 20 }), Type.Unknown(), { maxProperties: 20 })),
          },
          { additionalProperties: false },
        ),
        querystring: Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1 })) }),
      },
    },
    async (request) => {
      if (request.body.name === 'taken') throw new Invalid('name is taken', ['body', 'name']);
      if (request.body.name === 'crash') throw new Error('database exploded');
      return { ok: true, page: request.query.page ?? null, tags: request.body.tags ?? null };
    },
  );
  app.post(
    '/api/v2/secret',
    { onRequest: auth.onRequest, bodyLimit: 64, schema: { body: Type.Object({ n: Type.Integer() }, { additionalProperties: false }) } },
    async (request) => ({ user: auth.principal(request).user, n: request.body.n }),
  );
  app.get('/api/v2/slow-down', async () => {
    throw Object.assign(new Error('Rate limit exceeded'), { statusCode: 429 });
  });
  await app.ready();
});
after(async () => app.close());

const post = (payload: string, url = '/things') =>
  app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload });

describe('HTTP boundary: every 4xx names the field, nothing leaks as a 500', () => {
  const cases: { name: string; body: string; status: number; loc: (string | number)[]; type: string }[] = [
    { name: 'malformed JSON', body: '{"name": ', status: 400, loc: ['body'], type: 'json_invalid' },
    { name: 'empty JSON body', body: '', status: 400, loc: ['body'], type: 'json_invalid' },
    { name: 'missing required field', body: '{}', status: 400, loc: ['body', 'name'], type: 'missing' },
    { name: 'unknown field', body: '{"name":"a","colour":"red"}', status: 400, loc: ['body', 'colour'], type: 'extra_forbidden' },
    { name: 'wrong type is not coerced', body: '{"name":"a","tags":"VIP"}', status: 400, loc: ['body', 'tags'], type: 'type' },
    { name: 'domain rule', body: '{"name":"taken"}', status: 400, loc: ['body', 'name'], type: 'value_error' },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const res = await post(c.body);
      assert.equal(res.statusCode, c.status);
      const error = res.json().errors[0];
      assert.deepEqual(error.loc, c.loc);
      assert.equal(error.type, c.type);
      assert.ok(error.msg.length > 0);
    });
  }

  test('query strings are converted (page=2 is the integer 2)', async () => {
    const res = await post('{"name":"a"}', '/things?page=2');
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().page, 2);
  });

  test('an unexpected error is a bare 500 without details', async () => {
    const res = await post('{"name":"crash"}');
    assert.equal(res.statusCode, 500);
    assert.doesNotMatch(res.body, /exploded/);
  });

  test('an unknown route is a 404 in the same shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/nope' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().errors[0].type, 'not_found');
  });

  test('the published schema is served and merged into the OpenAPI document at /docs', async () => {
    assert.equal((await app.inject('/api/catalog')).json().title, 'Catalog');
    const doc = (await app.inject('/docs/json')).json();
    assert.deepEqual(doc.components.schemas.thing, { type: 'object' });
    assert.ok(doc.paths['/things']);
  });
});

describe('request limits and API families', () => {
  test('a body larger than the route accepts is a 413 naming the limit', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v2/secret',
      headers: { 'content-type': 'application/json', authorization: 'Bearer tk_good' },
      payload: JSON.stringify({ n: 1, pad: 'x'.repeat(100) }),
    });
    assert.equal(res.statusCode, 413);
    assert.deepEqual(res.json().errors[0].loc, ['body']);
    assert.match(res.json().errors[0].msg, /64 bytes/);
  });

  test(`a body nesting deeper than ${LIMITS.nestingDepth} levels is refused before validation`, async () => {
    let deep: unknown = 1;
    for (let i = 0; i < LIMITS.nestingDepth + 1; i++) deep = { a: deep };
    const res = await post(JSON.stringify({ name: 'a', meta: { deep } }));
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().errors[0].type, 'too_deep');
  });

  test('arrays longer than maxItems are a 400 naming the field', async () => {
    const res = await post(JSON.stringify({ name: 'a', tags: ['1', '2', '3', '4'] }));
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json().errors[0].loc, ['body', 'tags']);
  });

  test('a route with an unbounded field cannot be registered', async () => {
    const loose = await createHttpApp({ title: 't', description: 't', service: 't', logger: silentLogger });
    assert.throws(
      () => loose.post('/loose', { schema: { body: Type.Object({ tags: Type.Array(Type.String()) }) } }, async () => ({})),
      /body\.tags \(array without maxItems\).*body\.tags\[\] \(string without maxLength\)/,
    );
    await loose.close();
  });

  test('unboundedParts finds loose strings, arrays and maps, through unions', () => {
    const schema = Type.Object({
      a: Type.String(),
      b: Type.Union([Type.String({ maxLength: 3 }), Type.Array(Type.Integer())]),
      c: Type.Record(Type.String({ maxLength: 9 }), Type.String({ maxLength: 9 })),
      d: Type.Literal('x'),
    });
    assert.deepEqual(unboundedParts(schema, 'body'), [
      'body.a (string without maxLength)',
      'body.b (array without maxItems)',
      'body.c (map without maxProperties)',
    ]);
  });

  test('authentication runs before the body is read: no key and a bad body is a 401, not a 400', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v2/secret',
      headers: { 'content-type': 'application/json' },
      payload: '{"n":"x"',
    });
    assert.equal(res.statusCode, 401);
    assert.deepEqual(res.json().errors[0].loc, ['header', 'authorization']);
    assert.equal(res.headers['www-authenticate'], 'Bearer');
  });

  const authCases: { name: string; header?: string; status: number; msg: RegExp }[] = [
    { name: 'missing header', status: 401, msg: /Missing Authorization header/ },
    { name: 'not a bearer header', header: 'Token tk_good', status: 401, msg: /must be "Bearer/ },
    { name: 'refused kind of key', header: 'Bearer pk_abc', status: 401, msg: /public key/ },
    { name: 'unknown key', header: 'Bearer tk_bad', status: 401, msg: /Invalid key/ },
    { name: 'good key', header: 'Bearer tk_good', status: 200, msg: /ada/ },
  ];
  for (const c of authCases) {
    test(`bearer auth: ${c.name}`, async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v2/secret',
        headers: { 'content-type': 'application/json', ...(c.header ? { authorization: c.header } : {}) },
        payload: '{"n":1}',
      });
      assert.equal(res.statusCode, c.status);
      const body = res.json();
      assert.match(c.status === 200 ? body.user : body.errors[0].msg, c.msg);
    });
  }

  test("a Postscript-family 429 answers in Postscript's coded shape; other errors in the v2 shape", async () => {
    const limited = await app.inject('/api/v2/slow-down');
    assert.equal(limited.statusCode, 429);
    assert.deepEqual(limited.json(), { error_code: 3002, error_message: 'Rate limit exceeded', success: false });
    const missing = await app.inject('/api/v2/nothing-here');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().errors[0].type, 'not_found');
  });
});
