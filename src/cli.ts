import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { registry } from '../commands/index.js';
import { startConsole } from './adapters/console/repl.js';
import { cooldowns } from './core/guards.js';
import type { RunningAdapter } from './core/platform.js';
import { scrub } from './core/secrets.js';
import { createLogger } from './log.js';
import { storeNameIndex } from './core/name-index.js';
import { renderText } from './adapters/console/render.js';
import { type Context } from './core/command.js';
import { dispatchLine } from './core/dispatch.js';
import { errorReply } from './core/errors.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { ArticleFileError, readArticleFile } from './ingest/article-file.js';
import { CuratedError } from './ingest/curated.js';
import { ensureSeeded, seed } from './ingest/pipeline.js';
import { ingestArticles } from './ingest/batch.js';
import { BackupError, backupDatabase } from './store/backup.js';
import { DEFAULT_DB_PATH, type DB, openDb } from './store/db.js';
import { Store } from './store/queries.js';
import { describeOpenError, isStorageError, openStoreSafely } from './store/safe-open.js';
import { storeStats } from './store/stats.js';
import { verifyStore } from './store/verify.js';

/** Exit codes: 0 answered · 1 the user's input was wrong · 2 configuration or internal error. */
export const EXIT = { ok: 0, user: 1, internal: 2 } as const;

export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const args = argv.filter((a) => a !== '--json');
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      return EXIT.internal;
    }
    throw e;
  }
  const dbPath = config.BEATBOOK_DB ?? DEFAULT_DB_PATH;
  const verb = args[0];
  // A backup only reads the live store, whoever else has it open: it never migrates or seeds it.
  if (verb === 'backup') return await backup(dbPath, args.slice(1), json);
  let db: DB;
  let readOnly = false;
  try {
    ({ db, readOnly } = openStoreSafely(dbPath, { write: WRITING_VERBS.has(verb ?? '') }));
  } catch (e) {
    return storageFailure(dbPath, e);
  }
  try {
    if (verb === 'seed') {
      const r = seed(db);
      process.stdout.write(
        `Seeded ${r.documents} documents, ${r.actors} actors, ${r.events} events, ${r.policies} policies, ${r.facts} facts; extracted ${r.quotes} quotes.\n`,
      );
      return EXIT.ok;
    }
    // A write-protected store is answered from as it is; building it is for whoever may write it.
    if (!readOnly) ensureSeeded(db);
    const ctx: Context = {
      store: new Store(db),
      user: { id: 'local', name: 'console', admin: true },
      platform: 'cli',
      now: new Date(),
    };
    switch (verb) {
      case 'stats': {
        const s = storeStats(db);
        process.stdout.write(
          json
            ? `${JSON.stringify(s)}\n`
            : `${Object.entries(s)
                .map(([k, v]) => `${k.padEnd(18)} ${v}`)
                .join('\n')}\n`,
        );
        return EXIT.ok;
      }
      case 'verify': {
        const r = verifyStore(db);
        if (r.failures.length === 0) {
          process.stdout.write(`verify: ok — ${r.checked} items checked against their documents.\n`);
          return EXIT.ok;
        }
        process.stdout.write(
          `verify: ${r.failures.length} failure(s) in ${r.checked} items:\n${r.failures.map((f) => `  - ${f}`).join('\n')}\n`,
        );
        return EXIT.user;
      }
      case 'ingest':
        return ingestFiles(db, args.slice(1));
      case 'batch':
        return await batch(ctx);
      case 'serve':
      case 'start':
      case 'console':
      case undefined: {
        if (verb !== 'console' && verb !== undefined && (config.DISCORD_TOKEN || config.SLACK_BOT_TOKEN)) {
          return await serve(db, config);
        }
        if (verb === 'serve') {
          process.stderr.write(
            'Nothing to serve: set DISCORD_TOKEN + DISCORD_APPLICATION_ID and/or SLACK_BOT_TOKEN + SLACK_APP_TOKEN in .env (see README). Opening the console instead.\n',
          );
        }
        if (!process.stdin.isTTY && (verb === 'start' || verb === 'serve')) {
          process.stdout.write(
            `${JSON.stringify(storeStats(db))}\nRun "node bin/beatbook.js help" to query, or start it in a terminal for the console chat.\n`,
          );
          return EXIT.ok;
        }
        await startConsole(registry, { ...ctx, platform: 'console' });
        return EXIT.ok;
      }
      case 'register':
        return await register(config, args.includes('--global'));
      default: {
        // The CLI form `digest preview --date 2026-09-26` is the command line `digest preview date:2026-09-26`.
        const line = args.join(' ').replace(/(^|\s)--date[= ](\S+)/, '$1date:$2');
        const reply = dispatchLine(registry, ctx, line);
        const text = renderText(reply);
        process.stdout.write(json ? `${JSON.stringify({ ok: reply.ok, text, reply })}\n` : `${text}\n`);
        if (reply.ok) return EXIT.ok;
        return reply.error?.code === 'internal' ? EXIT.internal : EXIT.user;
      }
    }
  } catch (e) {
    if (e instanceof CuratedError) {
      process.stderr.write(`${e.message}\n`);
      return EXIT.user;
    }
    if (isStorageError(e)) return storageFailure(dbPath, e);
    process.stderr.write(
      `Beatbook failed: ${(e as Error).message}\n${process.env.DEBUG ? `${(e as Error).stack}\n` : ''}`,
    );
    return EXIT.internal;
  } finally {
    if (db.open) db.close();
  }
}

/**
 * Runs the chat adapters .env configures and the digest scheduler in one process, until SIGINT or SIGTERM:
 * then the scheduler finishes its run, the clients disconnect, and the database closes.
 */
async function serve(db: DB, config: Config): Promise<number> {
  // Loaded here, not at the top: one-shot commands should not pay for discord.js and Bolt at start-up.
  const [{ startDiscord }, { startSlack }, { startDigestScheduler }] = await Promise.all([
    import('./adapters/discord/start.js'),
    import('./adapters/slack/start.js'),
    import('./digest/schedule.js'),
  ]);
  const log = createLogger(config.LOG_LEVEL ?? 'info');
  // Chat commands read through a read-only connection: no query can write, and an `ingest` running in another
  // process never blocks a reader (WAL). Button state and the digest ledger write through `db`.
  const reader = openDb(db.name, { readonly: true });
  const store = new Store(reader, { writer: db });
  const guards = [cooldowns({ user: config.cooldown, channel: config.channelCooldown })];
  const adapters: RunningAdapter[] = [];
  const stopAll = async () => {
    for (const a of adapters) await a.stop().catch(() => undefined);
  };
  // A library that loses its socket must not take the bot down with an unhandled rejection.
  process.on('unhandledRejection', (e) =>
    log({ level: 'error', msg: 'unhandled rejection', error: e instanceof Error ? e.message : String(e) }),
  );
  try {
    if (config.DISCORD_TOKEN && config.DISCORD_APPLICATION_ID) {
      adapters.push(
        await startDiscord({
          token: config.DISCORD_TOKEN,
          applicationId: config.DISCORD_APPLICATION_ID,
          store,
          registry,
          config,
          log,
          guards,
          // A hung request is retried within 5 s rather than discord.js's 15: a deferred answer's follow-up
          // still lands while the reporter waits.
          rest: { timeout: 5000 },
        }),
      );
      log({ level: 'info', msg: 'discord ready' });
    }
    if (config.SLACK_BOT_TOKEN) {
      adapters.push(
        await startSlack({
          botToken: config.SLACK_BOT_TOKEN,
          appToken: config.SLACK_APP_TOKEN,
          signingSecret: config.SLACK_SIGNING_SECRET,
          port: config.PORT ?? 3000,
          store,
          registry,
          config,
          log,
          guards,
        }),
      );
      log({
        level: 'info',
        msg: `slack ready (${config.SLACK_APP_TOKEN ? 'socket mode' : `http on port ${config.PORT ?? 3000}`})`,
      });
    }
  } catch (e) {
    await stopAll();
    process.stderr.write(`Could not start: ${scrub((e as Error).message)}\n`);
    return EXIT.internal;
  }
  // A long-running bot builds the name index now, not on the first user's fuzzy lookup.
  storeNameIndex(store);
  const digest = startDigestScheduler({ store, adapters, log });
  process.stderr.write(`Beatbook is serving ${adapters.map((a) => a.platform).join(' and ')}; Ctrl-C stops it.\n`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log({ level: 'info', msg: `${signal}: shutting down` });
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  await digest.stop();
  await stopAll();
  reader.close();
  return EXIT.ok;
}

/** Publishes the slash commands (to DISCORD_GUILD_ID, instantly, or globally) and prints the invite URL. */
async function register(config: Config, global: boolean): Promise<number> {
  const { inviteUrl, registerCommands } = await import('./adapters/discord/register.js');
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    process.stderr.write('register needs DISCORD_TOKEN and DISCORD_APPLICATION_ID in .env (see README).\n');
    return EXIT.internal;
  }
  const guildId = global ? undefined : config.DISCORD_GUILD_ID;
  try {
    const r = await registerCommands({
      token: config.DISCORD_TOKEN,
      applicationId: config.DISCORD_APPLICATION_ID,
      ...(guildId ? { guildId } : {}),
      registry,
    });
    process.stdout.write(
      `Registered ${r.count} commands ${r.scope === 'guild' ? `in server ${guildId} (available now)` : 'globally (may take up to an hour to appear)'}.\nInvite the bot: ${inviteUrl(config.DISCORD_APPLICATION_ID)}\n`,
    );
    return EXIT.ok;
  } catch (e) {
    process.stderr.write(`register failed: ${scrub((e as Error).message)}\n`);
    return EXIT.internal;
  }
}

/** One JSON object per input line, in order, for every line — empty and hostile ones included. */
async function batch(ctx: Context): Promise<number> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) {
    let reply;
    try {
      reply = line.trim()
        ? dispatchLine(registry, { ...ctx, now: new Date() }, line)
        : errorReply('bad_input', 'Empty line: type a command, for example "help".');
    } catch (e) {
      reply = errorReply(
        'internal',
        `Sorry — Beatbook hit a problem answering that (${(e as Error).message.slice(0, 80)}).`,
      );
    }
    process.stdout.write(`${JSON.stringify({ ok: reply.ok, text: renderText(reply), reply })}\n`);
  }
  return EXIT.ok;
}

/**
 * Adds newsroom articles in batched transactions, a savepoint each: a bad file is named and skipped with the
 * store untouched by it, and each line is printed once its batch is committed.
 */
function ingestFiles(db: DB, files: string[]): number {
  if (files.length === 0) {
    process.stderr.write('Usage: beatbook ingest <file…> (plain text, or Markdown with YAML front-matter)\n');
    return EXIT.user;
  }
  const summary = ingestArticles(
    db,
    files.map((file) => ({ name: file, read: () => readArticleFile(file) })),
    {
      onOutcome: (o) => {
        if (o.status === 'added') process.stdout.write(`added ${o.name}: ${o.passages} passages, ${o.quotes} quotes\n`);
        else if (o.status === 'unchanged') process.stdout.write(`unchanged ${o.name}: already in the store\n`);
        else
          process.stderr.write(
            `${o.error instanceof ArticleFileError ? o.error.message : `${o.name}: ${(o.error as Error).message}`}\n`,
          );
      },
    },
  );
  return summary.failed > 0 ? EXIT.user : EXIT.ok;
}

/** Verbs that change the store: a write-protected database file is refused for them, not opened read-only. */
const WRITING_VERBS = new Set(['seed', 'ingest', 'serve', 'start']);

/** The database file cannot be used: one sentence naming it and what to do, the stack only with DEBUG. */
function storageFailure(dbPath: string, e: unknown): number {
  process.stderr.write(
    `${describeOpenError(dbPath, e)}\n${process.env.DEBUG && e instanceof Error ? `${e.stack}\n` : ''}`,
  );
  return EXIT.internal;
}

/**
 * `backup <path> [--force]`: an online copy of the store (SQLite's backup API), safe while `serve` runs and
 * writes. Prints where it went, its size and its counts.
 */
async function backup(dbPath: string, args: string[], json: boolean): Promise<number> {
  const force = args.includes('--force');
  const rest = args.filter((a) => a !== '--force');
  if (rest.length !== 1 || rest[0]!.startsWith('--')) {
    process.stderr.write('Usage: beatbook backup <file or directory> [--force] (copies the store while it runs)\n');
    return EXIT.user;
  }
  if (!existsSync(dbPath)) {
    process.stderr.write(`There is no database at ${dbPath} to back up — check BEATBOOK_DB.\n`);
    return EXIT.internal;
  }
  let db: DB;
  try {
    db = openDb(dbPath, { readonly: true });
  } catch (e) {
    return storageFailure(dbPath, e);
  }
  const showProgress = process.stderr.isTTY && !json;
  try {
    const r = await backupDatabase(db, rest[0]!, {
      force,
      ...(showProgress
        ? {
            onProgress: (p: { totalPages: number; remainingPages: number }) =>
              process.stderr.write(
                `\rbacking up… ${Math.floor((100 * (p.totalPages - p.remainingPages)) / Math.max(1, p.totalPages))}%`,
              ),
          }
        : {}),
    });
    if (showProgress) process.stderr.write('\r\x1b[K');
    const s = r.stats;
    process.stdout.write(
      json
        ? `${JSON.stringify({ ok: true, source: dbPath, ...r })}\n`
        : `Backed up ${dbPath} to ${r.path}: ${(r.bytes / 1048576).toFixed(1)} MB — ${s.documents} documents, ${s.passages} passages, ${s.quotes} quotes, ${s.actors} actors, ${s.events} events, ${s.policies} policies, ${s.facts} facts; integrity ${r.integrity}.\n`,
    );
    return EXIT.ok;
  } catch (e) {
    if (e instanceof BackupError) {
      process.stderr.write(`backup: ${e.message}\n`);
      return EXIT.user;
    }
    if (isStorageError(e)) return storageFailure(dbPath, e);
    process.stderr.write(
      `backup failed: ${(e as Error).message}\n${process.env.DEBUG ? `${(e as Error).stack}\n` : ''}`,
    );
    return EXIT.internal;
  } finally {
    db.close();
  }
}
