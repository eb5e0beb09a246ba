// Platform limit checkers shared by the renderer tests, the adapter tests and the hostile-input suite. Each
// returns the list of problems it found (empty when the message is fine), so a caller can name the input that
// produced them; the expect… wrappers fail with that list.
import type { APIEmbed } from 'discord.js';
import { expect } from 'vitest';
import { LIMITS as DISCORD, embedChars } from '../../src/adapters/discord/render.js';
import { decodeButton } from '../../src/adapters/slack/button-value.js';
import { type Block, LIMITS as SLACK } from '../../src/adapters/slack/render.js';
import type { Reply } from '../../src/core/reply.js';

/** Discord's cap on a message's plain content; the renderer sends none, but a payload that did must fit. */
export const DISCORD_CONTENT_MAX = 2000;

/** A Discord message as renderDiscord returns it, or as its REST payload (snake_case) reaches the fake. */
export interface DiscordPayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: readonly { components: readonly object[] }[];
  allowedMentions?: { parse?: unknown[] };
  allowed_mentions?: { parse?: unknown[] };
}

/** The fields of a button the checks read; link buttons have no custom_id, which is itself a problem here. */
interface ButtonLike {
  custom_id?: unknown;
  label?: unknown;
}

/** Every text of a Discord message a member can read. */
export function discordTexts(m: DiscordPayload): string[] {
  return [
    m.content ?? '',
    ...(m.embeds ?? []).flatMap((e) => [
      e.title ?? '',
      e.description ?? '',
      e.footer?.text ?? '',
      e.author?.name ?? '',
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
    ...(m.components ?? []).flatMap((row) => row.components.map((b) => String((b as ButtonLike).label ?? ''))),
  ];
}

/** A mention Discord would resolve (and, without allowed_mentions, ping). */
export const DISCORD_LIVE_MENTION = /@(everyone|here)|<[@#&!]/i;

/** No lone surrogate: a cut never splits an astral character. */
export const wellFormed = (s: string) =>
  !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

/** Every Discord limit the issues list, and inertness of every text; [] when the message is fine. */
export function discordProblems(m: DiscordPayload): string[] {
  const out: string[] = [];
  const check = (ok: boolean, what: string) => ok || out.push(what);
  const embeds = m.embeds ?? [];
  check((m.content ?? '').length <= DISCORD_CONTENT_MAX, `content ${m.content?.length}`);
  check(embeds.length > 0 || (m.content ?? '').length > 0, 'an empty message');
  check(embeds.length <= DISCORD.embeds, `${embeds.length} embeds`);
  let total = 0;
  for (const e of embeds) {
    check((e.title?.length ?? 0) <= DISCORD.title, `title ${e.title?.length}`);
    check((e.description?.length ?? 0) <= DISCORD.description, `description ${e.description?.length}`);
    check(e.description === undefined || e.description.length > 0, 'an empty description');
    check((e.footer?.text.length ?? 0) <= DISCORD.footer, `footer ${e.footer?.text.length}`);
    check((e.fields?.length ?? 0) <= DISCORD.fields, `${e.fields?.length} fields`);
    for (const f of e.fields ?? []) {
      check(f.name.length > 0 && f.name.length <= DISCORD.fieldName, `field name ${f.name.length}`);
      check(f.value.length > 0 && f.value.length <= DISCORD.fieldValue, `field value ${f.value.length}`);
    }
    total += embedChars(e);
  }
  check(total <= DISCORD.total, `embeds total ${total}`);
  const rows = m.components ?? [];
  check(rows.length <= DISCORD.rows, `${rows.length} action rows`);
  const ids = new Set<string>();
  for (const row of rows) {
    check(
      row.components.length > 0 && row.components.length <= DISCORD.buttonsPerRow,
      `row of ${row.components.length}`,
    );
    for (const raw of row.components) {
      const b = raw as ButtonLike;
      const id = b.custom_id;
      check(typeof id === 'string', 'a button without custom_id');
      if (typeof id !== 'string') continue;
      check(id.length <= DISCORD.customId, `custom_id ${id.length}`);
      check(wellFormed(id), 'custom_id has a broken surrogate');
      check(!ids.has(id), `duplicate custom_id ${id}`);
      ids.add(id);
      const label = String(b.label ?? '');
      check(label.length > 0 && label.length <= DISCORD.buttonLabel, `button label ${label.length}`);
    }
  }
  const allowed = m.allowedMentions ?? m.allowed_mentions;
  check(Array.isArray(allowed?.parse) && allowed.parse.length === 0, 'allowed_mentions.parse is not []');
  for (const t of discordTexts(m)) {
    check(!DISCORD_LIVE_MENTION.test(t), `live mention in ${JSON.stringify(t.slice(0, 80))}`);
    check(wellFormed(t), `broken surrogate in ${JSON.stringify(t.slice(0, 80))}`);
  }
  return out;
}

export function expectDiscordWithinLimits(m: DiscordPayload): void {
  expect(discordProblems(m)).toEqual([]);
}

/** A Slack message as renderBlocks returns it, or as respond() POSTs it. */
export interface SlackPayload {
  text?: unknown;
  blocks?: unknown;
}

/** mrkdwn that can form no mention, link or entity: no angle brackets, only our three escapes. */
const inertMd = (s: string) => !/[<>]/.test(s) && !/&(?!amp;|lt;|gt;)/.test(s);
/** Text Slack shows that names a special mention in words; neutralize() breaks these with a zero-width space. */
const SLACK_WORD_MENTION = /@(everyone|here|channel)\b/i;

/** Every text of a Slack message a member can read. */
export function slackTexts(msg: SlackPayload): string[] {
  const out = [typeof msg.text === 'string' ? msg.text : ''];
  for (const b of (msg.blocks ?? []) as Block[]) {
    if (b.type === 'header') out.push(b.text.text);
    else if (b.type === 'section') out.push(...('text' in b ? [b.text.text] : b.fields.map((f) => f.text)));
    else if (b.type === 'context') out.push(...b.elements.map((e) => e.text));
    else if (b.type === 'actions') out.push(...b.elements.map((e) => e.text.text));
  }
  return out;
}

/**
 * Every limit Slack enforces on a message and inertness of every text; [] when the message is fine. With
 * `reply`, each button must run one of the reply's command lines; with `owner`, each must carry that owner.
 */
export function slackProblems(msg: SlackPayload, opts: { reply?: Reply; owner?: string } = {}): string[] {
  const out: string[] = [];
  const check = (ok: boolean, what: string) => ok || out.push(what);
  const { reply, owner } = opts;
  const commands = reply
    ? new Set([...(reply.choices ?? []).map((c) => c.command), reply.paging?.next, reply.paging?.prev])
    : undefined;
  const blocks = (Array.isArray(msg.blocks) ? msg.blocks : []) as Block[];
  const text = typeof msg.text === 'string' ? msg.text : '';
  // A text-only message (no blocks key at all) is valid; a blocks array must hold 1 to 50.
  if (msg.blocks !== undefined) check(blocks.length >= 1 && blocks.length <= SLACK.blocks, `${blocks.length} blocks`);
  check(text.length > 0 && text.length <= SLACK.fallbackText, `fallback ${text.length}`);
  check(inertMd(text), 'fallback not escaped');
  check(wellFormed(text), 'fallback has a broken surrogate');
  const ids = new Set<string>();
  for (const b of blocks) {
    switch (b.type) {
      case 'header':
        check(b.text.text.trim().length > 0 && b.text.text.length <= SLACK.headerText, 'header length');
        check(!/[<>]/.test(b.text.text), 'header has < or >');
        check(wellFormed(b.text.text), 'header surrogate');
        break;
      case 'section':
        if ('text' in b) {
          check(
            b.text.text.trim().length > 0 && b.text.text.length <= SLACK.sectionText,
            `section ${b.text.text.length}`,
          );
          check(inertMd(b.text.text), 'section not escaped');
          check(wellFormed(b.text.text), 'section surrogate');
        } else {
          check(b.fields.length >= 1 && b.fields.length <= SLACK.sectionFields, `${b.fields.length} fields`);
          for (const f of b.fields) {
            check(f.text.length <= SLACK.fieldText, `field ${f.text.length}`);
            check(inertMd(f.text), 'field not escaped');
          }
        }
        break;
      case 'context':
        check(b.elements.length >= 1 && b.elements.length <= SLACK.contextElements, 'context elements');
        for (const e of b.elements) {
          check(e.text.length > 0 && e.text.length <= SLACK.contextText, 'context length');
          check(inertMd(e.text), 'context not escaped');
        }
        break;
      case 'actions':
        check(b.elements.length >= 1 && b.elements.length <= SLACK.actionsElements, 'actions elements');
        for (const e of b.elements) {
          check(e.text.text.length > 0 && e.text.text.length <= SLACK.buttonText, 'button text');
          check(!/[<>]/.test(e.text.text), 'button text has < or >');
          check(e.value.length <= SLACK.buttonValue, 'button value');
          check(e.action_id.startsWith('bb_') && !ids.has(e.action_id), `action_id ${e.action_id}`);
          ids.add(e.action_id);
          const v = decodeButton(e.value);
          check(v !== undefined, 'button value does not decode');
          if (commands)
            check(v !== undefined && commands.has(v.command), 'button value does not carry a reply command');
          if (owner !== undefined) check(v?.owner === owner, 'button value lost its owner');
        }
        break;
      default:
        out.push(`unknown block ${(b as { type: string }).type}`);
    }
  }
  for (const t of slackTexts(msg))
    check(!SLACK_WORD_MENTION.test(t), `mention word in ${JSON.stringify(t.slice(0, 80))}`);
  return out;
}

export function expectSlackWithinLimits(msg: SlackPayload, opts: { reply?: Reply; owner?: string } = {}): void {
  expect(slackProblems(msg, opts)).toEqual([]);
}
