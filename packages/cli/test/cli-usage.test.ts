// `rapport` as people use CLIs, through the real binary: --help and --version that change nothing,
// suggestions for typos, exit 2 for usage mistakes naming the flag, errors as one JSON object on stderr
// with --json, and a DATABASE_URL that cannot work named as such. No test here needs a database but the
// operation failure, which runs on SQLite in a fresh data directory.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { buildProgram, commandPath, commandTree } from '../src/program.js';
import { rapport } from './helpers/cli.js';

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A fresh temp dir and, inside it, a data directory that does not exist yet. */
function scratch(): { root: string; dataDir: string; env: Record<string, string> } {
  const root = mkdtempSync(join(tmpdir(), 'rapport-usage-'));
  roots.push(root);
  const dataDir = join(root, 'data');
  return { root, dataDir, env: { RAPPORT_DATA_DIR: dataDir, DATABASE_URL: '', RAPPORT_PG_SCHEMA_PREFIX: '' } };
}

function assertUntouched(s: { root: string; dataDir: string }): void {
  assert.equal(existsSync(s.dataDir), false, `${s.dataDir} was created`);
  assert.deepEqual(readdirSync(s.root), []);
}

/** stderr holds exactly one line, a JSON object `{ error: { type, message, … } }`. */
function jsonError(stderr: string): { type: string; message: string; code?: string } {
  const lines = stderr.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, `expected one line on stderr, got: ${stderr}`);
  const parsed = JSON.parse(lines[0]!) as { error: { type: string; message: string; code?: string } };
  assert.equal(typeof parsed.error.message, 'string');
  return parsed.error;
}

// Every command and group of the real program definition: a command added later gets these tests too.
const program = buildProgram(async () => {
  throw new Error('only walked, never run');
});
const commandLines = commandTree(program).map((c) => commandPath(c).split(' ').slice(1));

describe('rapport --help and --version change nothing', () => {
  test('the program declares the commands the README documents', () => {
    assert.deepEqual(
      commandLines.map((args) => args.join(' ')),
      [
        '',
        'start',
        'worker',
        'migrate',
        'demo',
        'sms',
        'sms create-shop',
        'sms create-automation',
        'sms export-flow',
        'sms import-flow',
        'sms messages',
        'sms create-user',
        'sms reset-password',
        'reviews',
        'reviews create-store',
        'reviews connect-postscript',
        'reviews profile-backfill',
        'reviews create-sequence',
        'reviews create-user',
        'reviews reset-password',
      ],
    );
  });

  for (const args of commandLines) {
    test(`rapport ${[...args, '--help'].join(' ')}`, { timeout: 20_000 }, async () => {
      const s = scratch();
      // A config that cannot load (SMS_PORT) proves --help never reads it.
      const r = await rapport([...args, '--help'], { ...s.env, SMS_PORT: 'not-a-port' });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Usage:/);
      assert.ok(r.stdout.includes(`Usage: ${['rapport', ...args].join(' ')} `), r.stdout);
      const command = commandTree(program).find((c) => commandPath(c) === ['rapport', ...args].join(' '))!;
      if (command.commands.length === 0) assert.match(r.stdout, /--json/);
      for (const sub of command.commands) assert.match(r.stdout, new RegExp(`^  ${sub.name()} `, 'm'));
      assert.equal(r.stderr, '');
      assertUntouched(s);
    });
  }

  test('rapport alone, rapport help and rapport help <command> print usage too', async () => {
    const s = scratch();
    for (const args of [[], ['help'], ['help', 'sms'], ['reviews', 'help', 'create-sequence'], ['sms', 'create-shop', '-h']]) {
      const r = await rapport(args, { ...s.env, SMS_PORT: 'not-a-port' });
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stdout, /Usage: rapport/);
    }
    assertUntouched(s);
  });

  test('rapport --version prints the version of packages/cli/package.json', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    const s = scratch();
    const r = await rapport(['--version'], s.env);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), version);
    assertUntouched(s);
  });
});

describe('usage mistakes exit 2 and say what to do', () => {
  test('a mistyped command suggests the nearest one', async () => {
    const s = scratch();
    const top = await rapport(['strat'], s.env);
    assert.equal(top.code, 2);
    assert.match(top.stderr, /^rapport: unknown command 'strat'.*Did you mean start\?/);
    const sub = await rapport(['sms', 'create-shp', '--name', 'x'], s.env);
    assert.equal(sub.code, 2);
    assert.match(sub.stderr, /Did you mean create-shop\?/);
    const reviews = await rapport(['reviews', 'create-sequense'], s.env);
    assert.equal(reviews.code, 2);
    assert.match(reviews.stderr, /Did you mean create-sequence\?/);
    assertUntouched(s);
  });

  test('without --json a mistake is one line naming the flag; nothing is opened', async () => {
    const s = scratch();
    const cases: [string[], RegExp][] = [
      [['sms', 'create-shop'], /missing required option --name/],
      [['sms', 'create-shop', '--name', ''], /--name/],
      [['sms', 'create-shop', '--name', 'x', '--lable', 'y'], /unknown option '--lable'.*--label/],
      [['reviews', 'create-sequence', '--store', 'x', '--wait-days', '-1', '--after', 'delivery'], /--wait-days must be a whole number/],
      [['reviews', 'create-sequence', '--store', 'x', '--wait-days', '2.5', '--after', 'delivery'], /--wait-days/],
      [['reviews', 'create-sequence', '--store', 'x', '--wait-days', '2', '--after', 'shipping'], /--after/],
      [['sms', 'create-automation', '--shop', 's', '--trigger', 't', '--message', 'm', '--delay-minutes', 'soon'], /--delay-minutes/],
      [['start', 'now'], /too many arguments/],
    ];
    for (const [args, message] of cases) {
      const r = await rapport(args, s.env);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /^rapport: [^\n]*\n$/, `${args.join(' ')}: one line`);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    }
    assertUntouched(s);
  });

  test('a group without its command shows the group usage and exits 2', async () => {
    const s = scratch();
    const r = await rapport(['sms'], s.env);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Usage: rapport sms/);
    assert.match(r.stderr, /create-shop/);
    assertUntouched(s);
  });
});

describe('with --json, every error is one JSON object on stderr', () => {
  test('a usage mistake: type usage, names the flag, exit 2, stdout empty', async () => {
    const s = scratch();
    const missing = await rapport(['sms', 'create-shop', '--json'], s.env);
    assert.equal(missing.code, 2);
    assert.equal(missing.stdout, '');
    const e = jsonError(missing.stderr);
    assert.equal(e.type, 'usage');
    assert.match(e.message, /--name/);

    // Caught by commander itself (unknown option, bad choice), or by our own value check.
    for (const [args, flag] of [
      [['sms', 'create-shop', '--name', 'x', '--lable', 'y', '--json'], /--lable/],
      [['reviews', 'create-sequence', '--store', 'x', '--wait-days', '2', '--after', 'shipping', '--json'], /--after/],
      [['reviews', 'create-sequence', '--json', '--store', 'x', '--wait-days', '-1', '--after', 'delivery'], /--wait-days/],
      [['strat', '--json'], /start/],
    ] as [string[], RegExp][]) {
      const r = await rapport(args, s.env);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stdout, '');
      const err = jsonError(r.stderr);
      assert.equal(err.type, 'usage');
      assert.match(err.message, flag);
    }
    assertUntouched(s);
  });

  test('a config error: type config, names the variable, nothing created', async () => {
    const s = scratch();
    const r = await rapport(['migrate', '--json'], { ...s.env, SMS_PORT: 'not-a-port' });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    const e = jsonError(r.stderr);
    assert.equal(e.type, 'config');
    assert.match(e.message, /SMS_PORT/);
    assertUntouched(s);
  });

  test('an operation that failed: type failed, exit 1', async () => {
    const s = scratch();
    const r = await rapport(['sms', 'create-automation', '--shop', 'shop_missing', '--trigger', 'X', '--message', 'x', '--json'], s.env);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, '');
    const e = jsonError(r.stderr);
    assert.equal(e.type, 'failed');
    assert.match(e.message, /shop/i);
  });
});

describe('a DATABASE_URL that cannot work is named', () => {
  test('not a PostgreSQL URL', async () => {
    const s = scratch();
    const r = await rapport(['migrate'], { ...s.env, DATABASE_URL: 'mysql://x' });
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /DATABASE_URL/);
  });

  test('nothing listening: "cannot connect to PostgreSQL at DATABASE_URL", password redacted, exit 1', async () => {
    const s = scratch();
    const url = 'postgres://postgres:hunter2@127.0.0.1:1/none';
    const r = await rapport(['migrate'], { ...s.env, DATABASE_URL: url });
    assert.equal(r.code, 1, r.stderr);
    assert.match(
      r.stderr,
      /^rapport: cannot connect to PostgreSQL at DATABASE_URL \(postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/none\): /,
    );
    assert.match(r.stderr, /ECONNREFUSED/);
    assert.doesNotMatch(r.stderr, /hunter2/);

    const j = await rapport(['migrate', '--json'], { ...s.env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
    assert.equal(j.code, 1);
    const e = jsonError(j.stderr);
    assert.equal(e.type, 'failed');
    assert.match(e.message, /cannot connect to PostgreSQL at DATABASE_URL/);
  });
});
