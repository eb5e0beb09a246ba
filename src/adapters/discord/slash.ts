import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  PermissionFlagsBits,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { type CommandSpec, MAX_VALUE, type OptionSpec } from '../../core/command.js';
import type { Registry } from '../../core/dispatch.js';

/** The message context-menu command: "Find in Beatbook" on any message runs `find` on its text. */
export const FIND_IN_BEATBOOK = 'Find in Beatbook';
/** The command the context menu runs, and the option its message text goes to. */
export const FIND_COMMAND = { name: 'find', option: 'text' } as const;

const NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;
const DESCRIPTION_MAX = 100;
const CHOICES_MAX = 25;
const OPTIONS_MAX = 25;
/** Discord's own ceiling for a STRING option's max_length. */
const STRING_MAX = 6000;

export interface SlashBuild {
  commands: RESTPostAPIApplicationCommandsJSONBody[];
  /** Declarations Discord cannot express, with the reason; none today. */
  skipped: { name: string; reason: string }[];
}

const describe = (text: string) => {
  const t = text.replace(/\s+/g, ' ').trim() || '—';
  return t.length <= DESCRIPTION_MAX ? t : `${t.slice(0, DESCRIPTION_MAX - 1)}…`;
};

/** One declared option as a Discord option; `page`-like hidden options are not offered. */
function slashOption(o: OptionSpec): APIApplicationCommandBasicOption {
  const base = { name: o.name, description: describe(o.description), required: o.required === true };
  switch (o.type) {
    case 'integer':
      return { ...base, type: ApplicationCommandOptionType.Integer, min_value: o.min, max_value: o.max };
    case 'enum':
      // More than 25 values cannot be choices; the shared validation still checks a typed value.
      return o.values.length <= CHOICES_MAX && o.values.every((v) => v.length <= DESCRIPTION_MAX)
        ? { ...base, type: ApplicationCommandOptionType.String, choices: o.values.map((v) => ({ name: v, value: v })) }
        : { ...base, type: ApplicationCommandOptionType.String, max_length: MAX_VALUE };
    case 'date':
      // Dates stay strings so the shared parser judges them, with the same message everywhere.
      return {
        ...base,
        description: describe(
          /\d{4}|YYYY/i.test(o.description) ? o.description : `${o.description} (2017, 2017-03 or 2017-03-05)`,
        ),
        type: ApplicationCommandOptionType.String,
        min_length: 4,
        max_length: 10,
      };
    case 'entity':
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        max_length: MAX_VALUE,
        autocomplete: true,
      };
    case 'string':
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        max_length: Math.min(o.maxLength ?? MAX_VALUE, STRING_MAX),
      };
  }
}

function slashCommand(spec: CommandSpec): RESTPostAPIApplicationCommandsJSONBody | string {
  if (!NAME.test(spec.name)) return `"${spec.name}" is not a valid Discord command name (lowercase, 1–32)`;
  const declared = spec.options.filter((o) => !o.hidden);
  const bad = declared.find((o) => !NAME.test(o.name));
  if (bad) return `option "${bad.name}" is not a valid Discord option name`;
  if (declared.length > OPTIONS_MAX) return `more than ${OPTIONS_MAX} options`;
  // Discord requires every required option before the optional ones; the order is otherwise kept.
  const options = [...declared.filter((o) => o.required), ...declared.filter((o) => !o.required)].map(slashOption);
  return {
    type: ApplicationCommandType.ChatInput,
    name: spec.name,
    description: describe(spec.description),
    ...(options.length ? { options } : {}),
    // A default, not a lock: server admins can still change who sees the command, and the shared
    // permission check runs on every call regardless.
    ...(spec.permission === 'admin'
      ? { default_member_permissions: PermissionFlagsBits.ManageChannels.toString() }
      : {}),
  };
}

/** The Discord declarations generated from the registry, and any command that could not be expressed. */
export function buildSlashCommands(registry: Registry): SlashBuild {
  const commands: RESTPostAPIApplicationCommandsJSONBody[] = [];
  const skipped: { name: string; reason: string }[] = [];
  for (const spec of registry.list()) {
    const c = slashCommand(spec);
    if (typeof c === 'string') skipped.push({ name: spec.name, reason: c });
    else commands.push(c);
  }
  // The context menu only makes sense when the command it runs is declared.
  if (registry.get(FIND_COMMAND.name)) commands.push({ type: ApplicationCommandType.Message, name: FIND_IN_BEATBOOK });
  return { commands, skipped };
}

/** The payload `register` PUTs: one slash command per declaration, plus the "Find in Beatbook" context menu. */
export function slashCommandPayload(registry: Registry): RESTPostAPIApplicationCommandsJSONBody[] {
  return buildSlashCommands(registry).commands;
}
