import type { Store } from '../store/queries.js';
import type { Reply } from './reply.js';
import type { DateValue } from '../ingest/dates.js';

export type EntityKind = 'actor' | 'event' | 'policy' | 'any';

/** One typed option of a command. `positional` collects the free words of a text line. */
export type OptionSpec = {
  name: string;
  description: string;
  required?: boolean;
  positional?: boolean;
  hidden?: boolean; // e.g. page: used by paging buttons, not shown in help or registered as a slash option
} & (
  | { type: 'string'; maxLength?: number }
  | { type: 'integer'; min: number; max: number; default?: number }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'date' }
  | { type: 'entity'; kind: EntityKind }
);

export type OptionValue = string | number | DateValue;
export type Args = Record<string, OptionValue | undefined>;

export interface User {
  id: string;
  name?: string;
  /** Channel manager / workspace admin, as the platform reports it. */
  admin: boolean;
}

export interface Context {
  store: Store;
  user: User;
  platform: 'console' | 'discord' | 'slack' | 'cli';
  channelId?: string;
  now: Date;
}

export interface CommandSpec {
  name: string;
  description: string;
  examples: string[];
  options: OptionSpec[];
  permission: 'everyone' | 'admin';
  /** The handler may pass ~2 s: platforms with a reply deadline (Discord's 3 s) acknowledge before running it. */
  slow?: boolean;
  handler: (ctx: Context, args: Args) => Reply;
}

export const MAX_LINE = 2000;
export const MAX_VALUE = 300;
