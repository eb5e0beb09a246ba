import type { Logger } from './platform.js';

// The one place that knows what a credential looks like. Every log line (pino, Bolt's logger, Discord's REST
// errors) passes through scrub(), so no code path can write a token by mistake.
const SECRETS: [RegExp, string][] = [
  // Interaction and webhook tokens ride in Discord REST URLs.
  [/((?:interactions|webhooks)\/\d+\/)[^/?\s]+/g, '$1[redacted]'],
  // Slack bot, user and app-level tokens.
  [/\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+/g, '[redacted]'],
  // Discord bot tokens: three dot-separated base64url parts.
  [/[\w-]{20,}\.[\w-]{5,}\.[\w-]{20,}/g, '[redacted]'],
];

/**
 * The configured secrets themselves. Shapes miss what they do not know — a signing secret is any string, a
 * Discord token format can change — so the adapters register the values they were started with and those
 * are cut out verbatim too.
 */
const known = new Set<string>();

/** Shorter values would cut ordinary words out of log lines; no real credential is that short. */
const MIN_SECRET = 8;

export function registerSecret(value: string | undefined): void {
  if (value && value.length >= MIN_SECRET) known.add(value);
}

export function scrub(text: string): string {
  // Known values first: a shape rule could otherwise redact part of one and leave the rest readable.
  let out = text;
  for (const secret of known) if (out.includes(secret)) out = out.split(secret).join('[redacted]');
  return SECRETS.reduce((t, [re, by]) => t.replace(re, by), out);
}

/**
 * A logger whose every string, however deeply nested, has been through scrub(). Adapters wrap the logger
 * they are given in this, so a token is cut out before any sink — pino, a test's recorder — sees the line.
 */
export function scrubbing(log: Logger): Logger {
  return (entry) => log(scrubValue(entry) as Parameters<Logger>[0]);
}

function scrubValue(v: unknown, depth = 0): unknown {
  if (typeof v === 'string') return scrub(v);
  if (depth > 8 || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => scrubValue(x, depth + 1));
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scrubValue(x, depth + 1)]));
}
