import pino from 'pino';
import type { Logger } from './core/platform.js';

// Anything shaped like a Discord or Slack credential is cut from a log line, whoever wrote it.
const SECRET = /\b(xox[abpr]-[\w-]+|xapp-[\w-]+|[MN][\w-]{23,25}\.[\w-]{6}\.[\w-]{27,38})\b/g;

export function scrub(text: string): string {
  return text.replace(SECRET, '[redacted]');
}

/**
 * Structured JSON logs (pino) on stderr — stdout stays for answers. Every entry carries its level and message;
 * adapters add a request id or reference so an apology in chat can be matched to its line here.
 */
export function createLogger(
  level: 'debug' | 'info' | 'warn' | 'error' = 'info',
  stream = pino.destination(2),
): Logger {
  const p = pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, stream);
  return (entry) => {
    const { level: l, msg, ...rest } = entry;
    const fields = JSON.parse(scrub(JSON.stringify(rest))) as Record<string, unknown>;
    if (!process.env.DEBUG) delete fields.stack;
    p[l](fields, scrub(msg));
  };
}
