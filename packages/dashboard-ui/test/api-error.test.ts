import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiError, apiErrorOf, formErrorsOf } from '../src/api-error.js';

describe('formErrorsOf: each message beside the field its loc names, the rest above the button', () => {
  const FIELDS = ['email', 'password'] as const;
  const cases: { name: string; error: unknown; expected: { fields: Record<string, string>; form: string[] } }[] = [
    {
      name: 'a field of the form',
      error: new ApiError(400, [
        { loc: ['body', 'password'], msg: 'password must have at least 10 characters', type: 'password_too_short' },
      ]),
      expected: { fields: { password: 'password must have at least 10 characters' }, form: [] },
    },
    {
      name: 'a nested loc still names its field',
      error: new ApiError(400, [{ loc: ['body', 'email', 0], msg: 'bad', type: 'value_error' }]),
      expected: { fields: { email: 'bad' }, form: [] },
    },
    {
      name: 'two messages for one field are both kept',
      error: new ApiError(400, [
        { loc: ['body', 'email'], msg: 'too long', type: 'a' },
        { loc: ['body', 'email'], msg: 'not an address', type: 'b' },
      ]),
      expected: { fields: { email: 'too long; not an address' }, form: [] },
    },
    {
      name: 'a field this form does not have goes to the form',
      error: new ApiError(400, [{ loc: ['body', 'store_id'], msg: 'store_id is required', type: 'missing' }]),
      expected: { fields: {}, form: ['store_id is required'] },
    },
    {
      name: 'a header fault goes to the form',
      error: new ApiError(403, [{ loc: ['header', 'x-csrf-token'], msg: 'CSRF token missing', type: 'csrf' }]),
      expected: { fields: {}, form: ['CSRF token missing'] },
    },
    {
      name: 'a lockout (no loc) goes to the form',
      error: new ApiError(429, [{ loc: [], msg: 'Too many failed logins; try again at 14:05', type: 'locked' }]),
      expected: { fields: {}, form: ['Too many failed logins; try again at 14:05'] },
    },
    {
      name: 'a bug in the page is shown, not swallowed',
      error: new Error('the session answer has no user'),
      expected: { fields: {}, form: ['the session answer has no user'] },
    },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(formErrorsOf(c.error, FIELDS), c.expected));
});

describe('apiErrorOf', () => {
  test('keeps the well-formed items and drops the rest', () => {
    const e = apiErrorOf(400, { errors: [{ loc: ['body', 'name'], msg: 'required', type: 'missing' }, { msg: 'no loc' }, 'text'] });
    assert.deepEqual(e.items, [{ loc: ['body', 'name'], msg: 'required', type: 'missing' }]);
  });
  const fallbacks = [
    { status: 0, pattern: /Could not reach the server/ },
    { status: 429, pattern: /Too many attempts/ },
    { status: 503, pattern: /\(503\)/ },
    { status: 418, pattern: /Request failed \(418\)/ },
  ];
  for (const f of fallbacks)
    test(`a ${f.status} without items still reads as a sentence`, () => {
      const e = apiErrorOf(f.status, undefined);
      assert.equal(e.status, f.status);
      assert.match(e.message, f.pattern);
      assert.deepEqual(e.items[0]?.loc, []);
    });
});
