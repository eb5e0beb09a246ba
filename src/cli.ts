import { createInterface } from 'node:readline';
import { registry } from '../commands/index.js';
import { startConsole } from './adapters/console/repl.js';
import { cooldown } from './core/guards.js';
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
import { AliasMatcher } from './ingest/mentions.js';
import { addArticle, ensureSeeded, extractDocument, seed } from './ingest/pipeline.js';
import { DEFAULT_DB_PATH, type DB, openDb } from './store/db.js';
import { Store } from './store/queries.js';
import { loadAliasEntries, documentPassages } from './store/read-ingest.js';
import { storeStats } from './store/stats.js';
import { verifyStore } from './store/verify.js';
import { StoreWriter } from './store/write.js';

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
  let db: DB;
  try {
    db = openDb(dbPath);
  } catch (e) {
    process.stderr.write(`Cannot open the database at ${dbPath}: ${(e as Error).message}\n`);
    return EXIT.internal;
  }
  try {
    if (verb === 'seed') {
      const r = seed(db);
      process.stdout.write(
        `Seeded ${r.documents} documents, ${r.actors} actors, ${r.events} events, ${r.policies} policies, ${r.facts} facts; extracted ${r.quotes} quotes.\n`,
      );
      return EXIT.ok;
    }
    ensureSeeded(db);
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
  const store = new Store(db);
  const guards = [cooldown(config.cooldown.limit, config.cooldown.windowMs)];
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

/** Adds newsroom articles, each in its own transaction; a bad file is named and skipped, the store untouched. */
function ingestFiles(db: DB, files: string[]): number {
  if (files.length === 0) {
    process.stderr.write('Usage: beatbook ingest <file…> (plain text, or Markdown with YAML front-matter)\n');
    return EXIT.user;
  }
  const w = new StoreWriter(db);
  const matcher = new AliasMatcher(loadAliasEntries(db));
  let failed = 0;
  for (const file of files) {
    try {
      const article = readArticleFile(file);
      const result = db.transaction(() => {
        const id = addArticle(w, article);
        if (id === null) return null;
        const { quotes } = extractDocument(db, w, id, matcher);
        return { id, quotes, passages: documentPassages(db, id).length };
      })();
      if (result === null) process.stdout.write(`unchanged ${file}: already in the store\n`);
      else process.stdout.write(`added ${file}: ${result.passages} passages, ${result.quotes} quotes\n`);
    } catch (e) {
      failed++;
      process.stderr.write(`${e instanceof ArticleFileError ? e.message : `${file}: ${(e as Error).message}`}\n`);
    }
  }
  return failed > 0 ? EXIT.user : EXIT.ok;
}
