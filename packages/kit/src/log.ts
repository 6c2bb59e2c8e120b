import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/** One structured logger shape for HTTP (Fastify uses pino too), workers and the CLI. */
export function createLogger(name: string, level = process.env['LOG_LEVEL'] ?? 'info'): Logger {
  return pino({ name, level });
}

export const silentLogger: Logger = pino({ level: 'silent' });
