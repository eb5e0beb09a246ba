import type { Args, CommandSpec, Context } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { echo } from '../src/core/reply.js';
import { usage } from '../src/core/validate.js';

/** help reads the registry it belongs to; index.ts hands it over to avoid an import cycle. */
export function makeHelp(all: () => CommandSpec[]): CommandSpec {
  return {
    name: 'help',
    description: 'What Beatbook can do; `help <command>` shows its options and examples.',
    examples: ['help', 'help quote'],
    permission: 'everyone',
    options: [{ name: 'command', type: 'string', description: 'A command name', positional: true, maxLength: 40 }],
    handler(_ctx: Context, args: Args) {
      const list = all();
      if (args.command !== undefined) {
        const name = String(args.command).toLowerCase();
        const spec = list.find((c) => c.name === name);
        if (!spec)
          throw new UserError(
            'unknown_command',
            `There is no command "${echo(name, 30)}". Commands: ${list.map((c) => c.name).join(', ')}.`,
          );
        return {
          ok: true,
          title: `help ${spec.name}`,
          body: `${spec.description}\n\nUsage: ${usage(spec)}${spec.permission === 'admin' ? '\nOnly channel managers can run it.' : ''}`,
          fields: [
            ...spec.options
              .filter((o) => !o.hidden)
              .map((o) => ({
                name: o.positional ? `<${o.name}>` : `${o.name}:`,
                value: `${o.description} — ${describeType(o)}${o.required ? ', required' : ''}`,
              })),
            { name: 'Examples', value: spec.examples.join('\n') },
          ],
          citations: [],
          ephemeral: true,
        };
      }
      return {
        ok: true,
        title: 'Beatbook — every answer cited',
        body: 'Ask about actors, events and policies on the US–Mexico security beat. Every statement comes with its source; "not in the store" means the corpus does not say it.',
        fields: list.map((c) => ({ name: usage(c), value: c.description })),
        citations: [],
        ephemeral: true,
      };
    },
  };
}

function describeType(o: CommandSpec['options'][number]): string {
  switch (o.type) {
    case 'integer':
      return `a number ${o.min}–${o.max}`;
    case 'enum':
      return `one of ${o.values.join(', ')}`;
    case 'date':
      return 'a date: 2017, 2017-03 or 2017-03-05';
    case 'entity':
      return o.kind === 'any' ? 'a name' : `an ${o.kind === 'event' ? 'event' : o.kind} name`;
    default:
      return 'text';
  }
}
