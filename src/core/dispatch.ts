import { randomBytes } from 'node:crypto';
import type { Args, CommandSpec, Context } from './command.js';
import { UserError, errorReply } from './errors.js';
import { parseLine } from './parse.js';
import type { Reply } from './reply.js';
import { validateLine, validateOptions } from './validate.js';
import { checkPermission, type Guard } from './guards.js';
import type { Logger } from './platform.js';
import { scrub } from './secrets.js';

export interface Registry {
  get(name: string): CommandSpec | undefined;
  list(): CommandSpec[];
}

export interface DispatchOptions {
  guards?: Guard[];
  /**
   * Where this request's lines go: one debug line per command (name, platform, duration, outcome — never
   * option values, which may hold a reporter's query) and one error line per crash. Without it (console,
   * CLI), crashes go to stderr and nothing else is logged.
   */
  log?: Logger;
  /**
   * Ties together every log line about one request; the apology for a crash carries it as its reference,
   * so a reporter's screenshot leads to the log line. Generated when the adapter does not give one.
   */
  requestId?: string;
}

/** A short random id for one request: 8 hex characters, easy to read out from a screenshot. */
export function newRequestId(): string {
  return randomBytes(4).toString('hex');
}

/** Runs one text line (console, CLI, Slack) through parsing, validation, guards and the handler. */
export function dispatchLine(registry: Registry, ctx: Context, line: string, opts: DispatchOptions = {}): Reply {
  return guarded(opts, ctx, (trace) => {
    const parsed = parseLine(line);
    if (!parsed.command) throw new UserError('bad_input', 'Nothing to run: type a command, for example "help".');
    const spec = registry.get(parsed.command);
    if (!spec) throw new UserError('unknown_command', unknownCommand(registry, parsed.command));
    trace.command = spec.name;
    return run(spec, ctx, () => validateLine(spec, parsed), opts);
  });
}

/** Runs a command whose options arrive already split (Discord, buttons). */
export function dispatchCommand(
  registry: Registry,
  ctx: Context,
  name: string,
  raw: Record<string, string | number | undefined>,
  opts: DispatchOptions = {},
): Reply {
  return guarded(opts, ctx, (trace) => {
    const spec = registry.get(name);
    if (!spec) throw new UserError('unknown_command', unknownCommand(registry, name));
    trace.command = spec.name;
    return run(spec, ctx, () => validateOptions(spec, raw), opts);
  });
}

function run(spec: CommandSpec, ctx: Context, validate: () => Args, opts: DispatchOptions): Reply {
  checkPermission(spec, ctx);
  for (const g of opts.guards ?? []) g(spec, ctx);
  // One snapshot per command: its several reads agree even while another process commits an ingest.
  return ctx.store.read(() => spec.handler(ctx, validate()));
}

/** What the log may say about a request: only a registered command's name, never what the user typed. */
interface Trace {
  command?: string;
}

function guarded(opts: DispatchOptions, ctx: Context, fn: (trace: Trace) => Reply): Reply {
  const requestId = opts.requestId ?? newRequestId();
  const log = opts.log ?? defaultLog;
  const trace: Trace = {};
  const started = performance.now();
  let reply: Reply;
  try {
    reply = fn(trace);
  } catch (e) {
    if (e instanceof UserError) {
      reply = errorReply(e.code, e.message);
    } else {
      log({
        level: 'error',
        msg: 'command failed',
        requestId,
        reference: requestId,
        command: trace.command ?? null,
        platform: ctx.platform,
        user: ctx.user.id,
        error: e instanceof Error ? e.message : String(e),
        stack: e instanceof Error ? e.stack : undefined,
      });
      reply = errorReply(
        'internal',
        `Sorry — Beatbook hit a problem answering that. Reference ${requestId}.`,
        requestId,
      );
    }
  }
  log({
    level: 'debug',
    msg: 'command',
    requestId,
    command: trace.command ?? null,
    platform: ctx.platform,
    ms: Math.round((performance.now() - started) * 10) / 10,
    ok: reply.ok,
    ...(reply.error ? { code: reply.error.code } : {}),
  });
  return reply;
}

/** Errors we caused go to stderr as one JSON line; the stack only with DEBUG set. Nothing else is written. */
const defaultLog: Logger = (entry) => {
  if (entry.level !== 'error') return;
  const { stack: _stack, ...brief } = entry;
  process.stderr.write(`${scrub(JSON.stringify(process.env.DEBUG ? entry : brief))}\n`);
};

function unknownCommand(registry: Registry, name: string): string {
  const names = registry.list().map((c) => c.name);
  const near = names.filter((n) => n.startsWith(name.slice(0, 2)));
  const shown = name.length > 30 ? `${name.slice(0, 29)}…` : name;
  return `There is no command "${shown.replace(/[@<]/g, '')}".${near.length ? ` Did you mean ${near.join(' or ')}?` : ''} Commands: ${names.join(', ')}.`;
}
