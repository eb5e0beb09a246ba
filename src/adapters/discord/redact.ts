import { DiscordAPIError, HTTPError } from 'discord.js';
import { scrub } from '../../core/secrets.js';

/** Interaction, webhook and bot tokens never reach a log line (src/core/secrets.ts knows their shapes). */
export const redact = scrub;

/** The parts of an error worth logging, with every token removed. */
export function describeError(e: unknown): Record<string, unknown> {
  if (e instanceof DiscordAPIError)
    return { error: redact(e.message), status: e.status, code: e.code, method: e.method, url: redact(e.url) };
  if (e instanceof HTTPError)
    return { error: redact(e.message), status: e.status, method: e.method, url: redact(e.url) };
  if (e instanceof Error) return { error: redact(e.message) };
  return { error: redact(String(e)) };
}
