import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Type } from '@fastify/type-provider-typebox';
import { createHttpApp, badRequest, silentLogger, type HttpApp } from '../src/index.js';

let app: HttpApp;
before(async () => {
  app = await createHttpApp({
    title: 'test',
    description: 'test',
    logger: silentLogger,
    publishedSchema: { path: '/api/catalog', summary: 'catalog', document: { $defs: { thing: { type: 'object' } }, title: 'Catalog' } },
  });
  app.post(
    '/things',
    {
      schema: {
        body: Type.Object(
          { name: Type.String({ minLength: 1 }), tags: Type.Optional(Type.Array(Type.String())), count: Type.Optional(Type.Integer()) },
          { additionalProperties: false },
        ),
        querystring: Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1 })) }),
      },
    },
    async (request) => {
      if (request.body.name === 'taken') throw badRequest('name is taken', ['body', 'name']);
      if (request.body.name === 'crash') throw new Error('database exploded');
      return { ok: true, page: request.query.page ?? null, tags: request.body.tags ?? null };
    },
  );
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
