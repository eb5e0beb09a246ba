import { createInterface } from 'node:readline';
import { registry } from '../commands/index.js';
import { startConsole } from './adapters/console/repl.js';
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
        if (verb !== 'console' && (config.DISCORD_TOKEN || config.SLACK_BOT_TOKEN)) {
          process.stderr.write(
            'Discord and Slack adapters are not part of this build yet; opening the console instead.\n',
          );
        }
        if (!process.stdin.isTTY && verb === 'start') {
          process.stdout.write(
            `${JSON.stringify(storeStats(db))}\nRun "node bin/beatbook.js help" to query, or start it in a terminal for the console chat.\n`,
          );
          return EXIT.ok;
        }
        await startConsole(registry, { ...ctx, platform: 'console' });
        return EXIT.ok;
      }
      case 'register':
        process.stderr.write('register needs the Discord adapter, which is not part of this build yet.\n');
        return EXIT.internal;
      default: {
        const line = args.join(' ');
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
