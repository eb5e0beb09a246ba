import type { CommandSpec } from '../src/core/command.js';
import type { Registry } from '../src/core/dispatch.js';
import { actor } from './actor.js';
import { event } from './event.js';
import { makeHelp } from './help.js';
import { policy } from './policy.js';
import { quote } from './quote.js';
import { search } from './search.js';
import { source } from './source.js';
import { timeline } from './timeline.js';

// The one registry every adapter reads: help, Discord registration, Slack parsing and the console derive
// from these declarations. `ask` and `digest` join here when their issues land.
const specs: CommandSpec[] = [actor, event, policy, quote, timeline, search, source];
specs.push(makeHelp(() => specs));

export const registry: Registry = {
  get: (name) => specs.find((c) => c.name === name.toLowerCase()),
  list: () => [...specs],
};
