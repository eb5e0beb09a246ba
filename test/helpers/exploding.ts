// A test command whose handler throws the way a bug or a failing database would: it shows what the user and
// the log get from an unexpected error, on every surface.
import type { CommandSpec } from '../../src/core/command.js';

/** `explode`, open to everyone, whose handler throws `message`. */
export function explodingCommand(message: string): CommandSpec {
  return {
    name: 'explode',
    description: 'A command whose handler fails (test).',
    examples: ['explode'],
    options: [],
    permission: 'everyone',
    handler() {
      throw new Error(message);
    },
  };
}
