import { randomBytes } from 'node:crypto';
import type { Args, CommandSpec, Context } from './command.js';
import { UserError, errorReply } from './errors.js';
import { parseLine } from './parse.js';
import type { Reply } from './reply.js';
import { validateLine, validateOptions } from './validate.js';
import { checkPermission, type Guard } from './guards.js';

export interface Registry {
  get(name: string): CommandSpec | undefined;
  list(): CommandSpec[];
}

export interface DispatchOptions {
  guards?: Guard[];
  log?: (entry: Record<string, unknown>) => void;
}

/** Runs one text line (console, CLI, Slack) through parsing, validation, guards and the handler. */
export function dispatchLine(registry: Registry, ctx: Context, line: string, opts: DispatchOptions = {}): Reply {
  return guarded(opts, ctx, () => {
    const parsed = parseLine(line);
    if (!parsed.command) throw new UserError('bad_input', 'Nothing to run: type a command, for example "help".');
    const spec = registry.get(parsed.command);
    if (!spec) throw new UserError('unknown_command', unknownCommand(registry, parsed.command));
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
  return guarded(opts, ctx, () => {
    const spec = registry.get(name);
    if (!spec) throw new UserError('unknown_command', unknownCommand(registry, name));
    return run(spec, ctx, () => validateOptions(spec, raw), opts);
  });
}

function run(spec: CommandSpec, ctx: Context, validate: () => Args, opts: DispatchOptions): Reply {
  checkPermission(spec, ctx);
  for (const g of opts.guards ?? []) g(spec, ctx);
  return spec.handler(ctx, validate());
}

function guarded(opts: DispatchOptions, ctx: Context, fn: () => Reply): Reply {
  try {
    return fn();
  } catch (e) {
    if (e instanceof UserError) return errorReply(e.code, e.message);
    const reference = randomBytes(4).toString('hex');
    (opts.log ?? defaultLog)({
      level: 'error',
      reference,
      platform: ctx.platform,
      user: ctx.user.id,
      error: (e as Error).message,
      stack: (e as Error).stack,
    });
    return errorReply('internal', `Sorry — Beatbook hit a problem answering that. Reference ${reference}.`, reference);
  }
}

/** Errors we caused go to stderr as one JSON line; the stack only with DEBUG set. */
function defaultLog(entry: Record<string, unknown>): void {
  const { stack: _stack, ...brief } = entry;
  process.stderr.write(`${JSON.stringify(process.env.DEBUG ? entry : brief)}\n`);
}

function unknownCommand(registry: Registry, name: string): string {
  const names = registry.list().map((c) => c.name);
  const near = names.filter((n) => n.startsWith(name.slice(0, 2)));
  const shown = name.length > 30 ? `${name.slice(0, 29)}…` : name;
  return `There is no command "${shown.replace(/[@<]/g, '')}".${near.length ? ` Did you mean ${near.join(' or ')}?` : ''} Commands: ${names.join(', ')}.`;
}
