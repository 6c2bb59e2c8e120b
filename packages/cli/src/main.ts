import { CommanderError, type Command } from 'commander';
import type { RapportConfig } from '@rapport/kit';
import { UsageError } from './output.js';
import { buildProgram, commandPath, commandTree } from './program.js';

// The `rapport` binary: parse, run one action, and report any error here, in one place — exit 2 for a
// usage or configuration mistake, 1 for an operation that failed; with --json as one JSON object on
// stderr, otherwise as one line `rapport: …`.

interface Failure {
  type: 'usage' | 'config' | 'failed';
  message: string;
  code?: string;
  name?: string;
  /** Every field at fault, when the error lists them (an imported flow file). */
  problems?: unknown[];
}

const argv = process.argv.slice(2);
const json = argv.includes('--json');
let config: RapportConfig | undefined;
// Kit (and with it the database drivers) loads only when an action asks for the config.
const program = buildProgram(async () => (config ??= (await import('@rapport/kit')).loadConfig()));
for (const command of commandTree(program)) {
  command.exitOverride().configureOutput({
    outputError: () => undefined, // reported below instead
    writeErr: (text) => (json ? undefined : process.stderr.write(text)), // the help commander shows after a missing subcommand
  });
}

/** Node's errors for a server that cannot be reached (the `pg` driver passes them on). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

try {
  if (argv.length === 0) program.outputHelp();
  else await program.parseAsync(argv, { from: 'user' });
  process.exit(0);
} catch (err) {
  if (err instanceof CommanderError && err.exitCode === 0) process.exit(0); // --help, --version
  const failure = await failureOf(err);
  if (json) {
    process.stderr.write(`${JSON.stringify({ error: failure })}\n`);
  } else {
    const hint = failure.type === 'usage' && !isMissingCommand(err);
    const line = hint ? `${failure.message.replace(/\.?$/, '.')} See '${commandPath(commandOf(argv))} --help'.` : failure.message;
    process.stderr.write(`rapport: ${line}\n`);
    if (failure.type === 'failed' && process.env['RAPPORT_DEBUG'] && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  }
  process.exit(failure.type === 'failed' ? 1 : 2);
}

async function failureOf(err: unknown): Promise<Failure> {
  if (err instanceof CommanderError) return { type: 'usage', message: commanderMessage(err), code: err.code.replace(/^commander\./, '') };
  if (err instanceof UsageError) return { type: 'usage', message: err.message };
  const { ConfigError } = await import('@rapport/kit');
  if (err instanceof ConfigError) return { type: 'config', message: err.message };
  if (!(err instanceof Error)) return { type: 'failed', message: String(err) };
  const failure: Failure = { type: 'failed', message: err.message || String(err) };
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') failure.code = code;
  if (err.name !== 'Error') failure.name = err.name;
  const problems = (err as { problems?: unknown }).problems;
  if (Array.isArray(problems)) failure.problems = problems;
  return (await connectionFailure(err, failure)) ?? failure;
}

function commanderMessage(err: CommanderError): string {
  if (isMissingCommand(err)) {
    const command = commandOf(argv);
    return `missing command: ${commandPath(command)} <command>, one of ${command.commands.map((c) => c.name()).join(', ')}`;
  }
  return err.message
    .replace(/^error: /, '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/^required option '(--[\w-]+)[^']*' not specified$/, 'missing required option $1');
}

/** `rapport sms` alone: commander has printed the group's help (on stderr, in human mode). */
function isMissingCommand(err: unknown): boolean {
  return err instanceof CommanderError && err.code === 'commander.help';
}

/** The deepest command `argv` names, as far as it names one (for the "see … --help" hint). */
function commandOf(args: string[]): Command {
  let command = program;
  for (const arg of args) {
    const sub = command.commands.find((c) => c.name() === arg);
    if (sub) command = sub;
    else if (!arg.startsWith('-')) break;
  }
  return command;
}

/**
 * PostgreSQL unreachable or refusing us: a network error, or a SQLSTATE of class 08 (connection
 * exception), 28 (authentication) or 3D (no such database) — then the message names DATABASE_URL.
 */
async function connectionFailure(err: Error, failure: Failure): Promise<Failure | undefined> {
  if (!config?.databaseUrl) return undefined;
  const causes: unknown[] = err instanceof AggregateError && err.errors.length > 0 ? err.errors : [err];
  const connect = causes.some((cause) => {
    const code = (cause as { code?: unknown }).code;
    const message = cause instanceof Error ? cause.message : '';
    return typeof code === 'string' ? NETWORK_CODES.has(code) || /^(08|28|3D)/.test(code) : /^SASL: |^Connection terminated/.test(message);
  });
  if (!connect) return undefined;
  const detail = err.message || causes.map((c) => (c instanceof Error ? c.message : String(c))).join('; ');
  const { redactUrl } = await import('@rapport/kit');
  return { ...failure, message: `cannot connect to PostgreSQL at DATABASE_URL (${redactUrl(config.databaseUrl)}): ${detail}` };
}
