import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

/** A configuration problem, named by variable; the value itself is never printed (it may be a secret). */
export class ConfigError extends Error {}

const optionalText = z.string().trim().min(1).optional();
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
  BEATBOOK_COOLDOWN: z
    .string()
    .regex(/^\d+\/\d+$/, 'must look like 10/60 (commands per seconds)')
    .optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).optional(),
});

export type Config = z.infer<typeof schema> & { admins: string[]; cooldown: { limit: number; windowMs: number } };

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
    throw new ConfigError(
      `Configuration error: ${String(issue.path[0])} ${issue.message.replace(/^Invalid input: /, '')}.`,
    );
  }
  const c = parsed.data;
  if (c.DISCORD_TOKEN && !c.DISCORD_APPLICATION_ID)
    throw new ConfigError('Configuration error: DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set.');
  if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      'Configuration error: SLACK_BOT_TOKEN needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode).',
    );
  }
  const [limit, seconds] = (c.BEATBOOK_COOLDOWN ?? '10/60').split('/').map(Number) as [number, number];
  return {
    ...c,
    admins: (c.BEATBOOK_ADMINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    cooldown: { limit, windowMs: seconds * 1000 },
  };
}
