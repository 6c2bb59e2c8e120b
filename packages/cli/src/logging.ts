import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

/**
 * The logger of `rapport start` and `rapport worker`: always on stderr, so stdout carries only what the
 * command prints (the banner, or its --json object). On a terminal the lines are pretty-printed and
 * coloured; otherwise (a pipe, a file, a log collector) they stay JSON lines. Both streams are synchronous,
 * so nothing is lost when the process exits. LOG_LEVEL sets the level (default info).
 */
export function cliLogger(name: string, level = process.env['LOG_LEVEL'] || 'info'): Logger {
  const destination = process.stderr.isTTY
    ? pretty({ destination: 2, sync: true, colorize: !process.env['NO_COLOR'], translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' })
    : pino.destination({ dest: 2, sync: true });
  return pino({ name, level }, destination);
}
