import type { CommandSpec } from '../src/core/command.js';
import type { Registry } from '../src/core/dispatch.js';
import { actor } from './actor.js';
import { ask } from './ask.js';
import { digest } from './digest.js';
import { event } from './event.js';
import { find } from './find.js';
import { makeHelp } from './help.js';
import { policy } from './policy.js';
import { quote } from './quote.js';
import { search } from './search.js';
import { source } from './source.js';
import { timeline } from './timeline.js';

// The one registry every adapter reads: help, Discord registration, Slack parsing and the console derive
// from these declarations.
const specs: CommandSpec[] = [ask, actor, event, policy, quote, timeline, search, source, find, digest];
specs.push(makeHelp(() => specs));

export const registry: Registry = {
  get: (name) => specs.find((c) => c.name === name.toLowerCase()),
  list: () => [...specs],
};
