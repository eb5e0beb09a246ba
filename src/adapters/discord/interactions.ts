import {
  type APIEmbed,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionReplyOptions,
  MessageFlags,
  type MessageContextMenuCommandInteraction,
  PermissionFlagsBits,
  type RepliableInteraction,
} from 'discord.js';
import type { Config } from '../../config.js';
import { type Context, MAX_VALUE } from '../../core/command.js';
import {
  type DispatchOptions,
  type Registry,
  dispatchCommand,
  dispatchLine,
  newRequestId,
} from '../../core/dispatch.js';
import { errorReply } from '../../core/errors.js';
import type { Guard } from '../../core/guards.js';
import { parseLine } from '../../core/parse.js';
import type { Logger } from '../../core/platform.js';
import type { Reply } from '../../core/reply.js';
import { autocomplete } from '../../core/resolve.js';
import type { ButtonStates } from '../../store/buttons.js';
import type { Store } from '../../store/queries.js';
import { BUTTON_TTL_MS, decodeButtonId, encodeButtonId, isExpired } from './buttons.js';
import { describeError } from './redact.js';
import { type ButtonIdFor, type DiscordMessage, cut, renderDiscord } from './render.js';
import { FIND_COMMAND, FIND_IN_BEATBOOK } from './slash.js';

export interface InteractionDeps {
  registry: Registry;
  store: Store;
  buttons: ButtonStates;
  config: Config;
  log: Logger;
  guards?: Guard[];
  now: () => Date;
}

const AUTOCOMPLETE_MAX = 25;
const CHOICE_TEXT_MAX = 100;

/**
 * Routes every interaction Discord sends: slash commands, the "Find in Beatbook" context menu, autocomplete
 * and our buttons. Never throws: a failure is logged and, when Discord still accepts an answer, the user gets
 * a short apology with a reference id.
 */
export function interactionHandler(deps: InteractionDeps): (i: Interaction) => Promise<void> {
  return async (i) => {
    // One id per interaction: in every log line about it, and the reference of any apology it gets.
    const requestId = newRequestId();
    const req: InteractionRun = { ...deps, requestId };
    try {
      if (i.isChatInputCommand()) await onSlash(req, i);
      else if (i.isMessageContextMenuCommand()) await onContextMenu(req, i);
      else if (i.isAutocomplete()) await onAutocomplete(req, i);
      else if (i.isButton()) await onButton(req, i);
    } catch (e) {
      const reference = requestId;
      deps.log({
        level: 'error',
        msg: 'discord interaction failed',
        requestId,
        reference,
        interaction: i.id,
        type: i.type,
        command: i.isCommand() || i.isAutocomplete() ? i.commandName : undefined,
        user: i.user.id,
        ...describeError(e),
      });
      if (i.isRepliable()) await apologise(req, i, reference);
    }
  };
}

/** The adapter's dependencies plus the id of the interaction being handled. */
type InteractionRun = InteractionDeps & { requestId: string };

/** Last resort after a failed answer; if Discord refuses this too there is nothing left to tell the user. */
async function apologise(deps: InteractionRun, i: RepliableInteraction, reference: string): Promise<void> {
  const msg = renderDiscord(
    errorReply('internal', `Sorry — Beatbook could not deliver that answer. Reference ${reference}.`, reference),
  );
  try {
    if (i.deferred || i.replied) await i.followUp(asReply(msg));
    else await i.reply(asReply(msg));
  } catch (e) {
    deps.log({
      level: 'warn',
      msg: 'discord apology not delivered',
      requestId: deps.requestId,
      reference,
      ...describeError(e),
    });
  }
}

function context(deps: InteractionDeps, i: RepliableInteraction | AutocompleteInteraction): Context {
  const manager = i.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false;
  return {
    store: deps.store,
    user: {
      id: i.user.id,
      name: i.user.globalName ?? i.user.username,
      admin: manager || deps.config.admins.includes(i.user.id),
    },
    platform: 'discord',
    ...(i.channelId ? { channelId: i.channelId } : {}),
    now: deps.now(),
  };
}

function dispatchOptions(deps: InteractionRun): DispatchOptions {
  return {
    ...(deps.guards ? { guards: deps.guards } : {}),
    // dispatch logs each command (debug) and any crash (error) under this interaction's id.
    log: deps.log,
    requestId: deps.requestId,
  };
}

/** Buttons of a new answer: owned by the asker (null: anyone), stamped now, long lines kept in the store. */
export function buttonIds(deps: Pick<InteractionDeps, 'buttons' | 'now'>, owner: string | null): ButtonIdFor {
  const issuedAt = deps.now();
  return ({ kind, line }) =>
    encodeButtonId({ kind, owner, issuedAt, line }, (long) => {
      // Rows nothing can point to any more go first: a button older than the lifetime answers "expired".
      deps.buttons.prune(new Date(issuedAt.getTime() - BUTTON_TTL_MS));
      return deps.buttons.save(long, issuedAt);
    });
}

function asReply(msg: DiscordMessage): InteractionReplyOptions {
  return {
    embeds: msg.embeds,
    components: msg.components,
    allowedMentions: msg.allowedMentions,
    ...(msg.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
  };
}

function asEdit(msg: DiscordMessage) {
  return { embeds: msg.embeds, components: msg.components, allowedMentions: msg.allowedMentions };
}

/**
 * Answers after deferring. The deferral is public: most answers are, and Discord fixes the visibility at
 * deferral time. When the answer turns out to be an error, it goes out as a private follow-up and the public
 * "thinking…" placeholder is removed, so a user's mistake is never shown to the channel.
 */
async function deliverDeferred(i: RepliableInteraction, msg: DiscordMessage): Promise<void> {
  if (msg.ephemeral) {
    await i.followUp(asReply(msg));
    await i.deleteReply();
  } else {
    await i.editReply(asEdit(msg));
  }
}

async function onSlash(deps: InteractionRun, i: ChatInputCommandInteraction): Promise<void> {
  const raw: Record<string, string | number> = {};
  for (const o of i.options.data) {
    if (typeof o.value === 'string' || typeof o.value === 'number') raw[o.name] = o.value;
  }
  const spec = deps.registry.get(i.commandName);
  const run = () => dispatchCommand(deps.registry, context(deps, i), i.commandName, raw, dispatchOptions(deps));
  if (spec?.slow) {
    await i.deferReply();
    await deliverDeferred(i, renderDiscord(run(), { buttonId: buttonIds(deps, i.user.id) }));
    return;
  }
  await i.reply(asReply(renderDiscord(run(), { buttonId: buttonIds(deps, i.user.id) })));
}

/** The words of a message: its text, or for a bot's answer, its embeds' titles and descriptions. */
function messageText(m: {
  content?: string;
  embeds?: readonly { title?: string | null; description?: string | null }[];
}) {
  const content = (m.content ?? '').trim();
  if (content) return content;
  return (m.embeds ?? [])
    .flatMap((e) => [e.title, e.description])
    .filter((x): x is string => Boolean(x))
    .join('\n')
    .trim();
}

async function onContextMenu(deps: InteractionRun, i: MessageContextMenuCommandInteraction): Promise<void> {
  if (i.commandName !== FIND_IN_BEATBOOK) {
    await i.reply(asReply(renderDiscord(errorReply('unknown_command', 'Beatbook does not know that menu command.'))));
    return;
  }
  const target = i.targetMessage as unknown as { content?: string; embeds?: APIEmbed[] };
  const text = messageText(target);
  if (!text) {
    await i.reply(
      asReply(renderDiscord(errorReply('bad_input', 'That message has no text for Beatbook to look things up in.'))),
    );
    return;
  }
  // The user did not type this text, so an over-long message is trimmed rather than refused.
  const opt = deps.registry.get(FIND_COMMAND.name)?.options.find((o) => o.name === FIND_COMMAND.option);
  const max = opt?.type === 'string' ? (opt.maxLength ?? MAX_VALUE) : MAX_VALUE;
  await i.deferReply();
  const reply = dispatchCommand(
    deps.registry,
    context(deps, i),
    FIND_COMMAND.name,
    { [FIND_COMMAND.option]: text.slice(0, max) },
    dispatchOptions(deps),
  );
  await deliverDeferred(i, renderDiscord(reply, { buttonId: buttonIds(deps, i.user.id) }));
}

async function onAutocomplete(deps: InteractionRun, i: AutocompleteInteraction): Promise<void> {
  const focused = i.options.getFocused(true);
  const opt = deps.registry.get(i.commandName)?.options.find((o) => o.name === focused.name);
  if (!opt || opt.type !== 'entity') {
    await i.respond([]);
    return;
  }
  const typed = String(focused.value).slice(0, MAX_VALUE);
  const choices = autocomplete(deps.store, opt.kind, typed)
    // A slug names exactly one entity, so picking a suggestion can never land on the wrong namesake.
    .filter((e) => e.slug.length <= CHOICE_TEXT_MAX)
    .map((e) => ({ name: cut(`${e.name} (${e.type})`, CHOICE_TEXT_MAX), value: e.slug }))
    .slice(0, AUTOCOMPLETE_MAX);
  await i.respond(choices);
}

async function onButton(deps: InteractionRun, i: ButtonInteraction): Promise<void> {
  const privately = (reply: Reply) => i.reply(asReply(renderDiscord({ ...reply, ephemeral: true })));
  const state = decodeButtonId(i.customId);
  if (!state) {
    await privately(
      errorReply('bad_input', 'This button belongs to an answer Beatbook can no longer follow. Run the command again.'),
    );
    return;
  }
  const line = state.line ?? (state.key ? deps.buttons.load(state.key) : undefined);
  if (!line) {
    await privately(
      errorReply('bad_input', 'This button has expired (buttons work for 24 hours). Run the command again.'),
    );
    return;
  }
  const shown = cut(line, 150);
  if (state.owner !== null && state.owner !== i.user.id) {
    const what = state.kind === 'page' ? 'page this' : 'choose here';
    await privately(errorReply('forbidden', `Only the person who asked can ${what} — run \`${shown}\` yourself.`));
    return;
  }
  if (isExpired(state.issuedAt, deps.now())) {
    await privately(
      errorReply(
        'bad_input',
        `This button has expired (buttons work for 24 hours) — run \`${shown}\` to see it again.`,
      ),
    );
    return;
  }
  let slow = false;
  try {
    slow = deps.registry.get(parseLine(line).command)?.slow === true;
  } catch {
    // An unparsable line is reported by dispatchLine below, with the shared wording.
  }
  const run = () => dispatchLine(deps.registry, context(deps, i), line, dispatchOptions(deps));
  // The new page's buttons belong to the same person (or stay open to anyone on a channel post).
  const render = (reply: Reply) => renderDiscord(reply, { buttonId: buttonIds(deps, state.owner) });
  if (slow) {
    await i.deferUpdate();
    const msg = render(run());
    if (msg.ephemeral) await i.followUp(asReply(msg));
    else await i.editReply(asEdit(msg));
    return;
  }
  const msg = render(run());
  // An error (say, a page that no longer exists) must not replace the answer on screen: it goes privately.
  if (msg.ephemeral) await i.reply(asReply(msg));
  else await i.update(asEdit(msg));
}
