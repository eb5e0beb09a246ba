import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { registerSecret } from './core/secrets.js';

/** A configuration problem, named by variable; the value itself is never printed (it may be a secret). */
export class ConfigError extends Error {}

const optionalText = z.string().trim().min(1).optional();
// "10/60": at most 10 commands in any 60 seconds; both numbers positive, so a typo cannot lock everyone out.
const budget = z
  .string()
  .regex(/^[1-9]\d{0,5}\/[1-9]\d{0,6}$/, 'must look like 10/60 (commands per seconds, both above 0)')
  .optional();
const schema = z.object({
  BEATBOOK_DB: optionalText,
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: z
    .string()
    .regex(/^\d{5,25}$/, 'must be the numeric application id')
    .optional(),
  DISCORD_GUILD_ID: z
    .string()
    .regex(/^\d{5,25}$/, 'must be a numeric server (guild) id')
    .optional(),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-').optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-').optional(),
  SLACK_SIGNING_SECRET: optionalText,
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  BEATBOOK_ADMINS: optionalText,
  BEATBOOK_COOLDOWN: budget,
  BEATBOOK_CHANNEL_COOLDOWN: budget,
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).optional(),
});

type Budget = { limit: number; windowMs: number };
export type Config = z.infer<typeof schema> & { admins: string[]; cooldown: Budget; channelCooldown: Budget };

function parseBudget(text: string): Budget {
  const [limit, seconds] = text.split('/').map(Number) as [number, number];
  return { limit, windowMs: seconds * 1000 };
}

/** Reads .env (if present) and the environment, and validates every variable Beatbook uses. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, dotenvPath?: string): Config {
  if (env === process.env) loadDotenv({ path: dotenvPath, quiet: true });
  const present = Object.fromEntries(
    Object.keys(schema.shape)
      .filter((k) => env[k] !== undefined && env[k] !== '')
      .map((k) => [k, env[k]]),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    let problem = issue.message.replace(/^Invalid input: /, '');
    // The value may be a token pasted into the wrong variable: a message that would echo it says less instead.
    // (Shorter values are no secret, and may just be part of the message's own example, as "0/60" is of "10/60".)
    const value = String(present[name] ?? '');
    if (value.length >= 8 && problem.includes(value)) problem = 'has a value Beatbook cannot use';
    throw new ConfigError(`Configuration error: ${name} ${problem}.`);
  }
  const c = parsed.data;
  // From the moment they are read, these values are cut out of every log line, whichever adapter writes it.
  for (const secret of [c.DISCORD_TOKEN, c.SLACK_BOT_TOKEN, c.SLACK_APP_TOKEN, c.SLACK_SIGNING_SECRET])
    registerSecret(secret);
  if (c.DISCORD_TOKEN && !c.DISCORD_APPLICATION_ID)
    throw new ConfigError('Configuration error: DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set.');
  if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      'Configuration error: SLACK_BOT_TOKEN needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode).',
    );
  }
  return {
    ...c,
    admins: (c.BEATBOOK_ADMINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    cooldown: parseBudget(c.BEATBOOK_COOLDOWN ?? '10/60'),
    channelCooldown: parseBudget(c.BEATBOOK_CHANNEL_COOLDOWN ?? '30/60'),
  };
}
