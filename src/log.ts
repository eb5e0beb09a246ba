import pino from 'pino';
import type { Logger } from './core/platform.js';
import { scrub } from './core/secrets.js';

/**
 * Structured JSON logs (pino) on stderr — stdout stays for answers. Every entry carries its level and message;
 * adapters add a request id or reference so an apology in chat can be matched to its line here.
 */
export function createLogger(
  level: 'debug' | 'info' | 'warn' | 'error' = 'info',
  stream: pino.DestinationStream = pino.destination(2),
): Logger {
  const p = pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, stream);
  return (entry) => {
    const { level: l, msg, ...rest } = entry;
    const fields = JSON.parse(scrub(JSON.stringify(rest))) as Record<string, unknown>;
    if (!process.env.DEBUG) delete fields.stack;
    p[l](fields, scrub(msg));
  };
}
