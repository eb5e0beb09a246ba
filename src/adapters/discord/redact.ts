import { DiscordAPIError, HTTPError } from 'discord.js';

/**
 * Interaction and webhook tokens ride in REST URLs, and a bot token could end up in an error message: neither
 * may reach a log line.
 */
export function redact(text: string): string {
  return text
    .replace(/((?:interactions|webhooks)\/\d+\/)[^/?\s]+/g, '$1<token>')
    .replace(/[\w-]{20,}\.[\w-]{5,}\.[\w-]{20,}/g, '<token>');
}

/** The parts of an error worth logging, with every token removed. */
export function describeError(e: unknown): Record<string, unknown> {
  if (e instanceof DiscordAPIError)
    return { error: redact(e.message), status: e.status, code: e.code, method: e.method, url: redact(e.url) };
  if (e instanceof HTTPError)
    return { error: redact(e.message), status: e.status, method: e.method, url: redact(e.url) };
  if (e instanceof Error) return { error: redact(e.message) };
  return { error: redact(String(e)) };
}
