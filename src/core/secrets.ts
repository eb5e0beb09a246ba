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

export function scrub(text: string): string {
  return SECRETS.reduce((t, [re, by]) => t.replace(re, by), text);
}
