import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
  MessageFlags,
} from 'discord.js';
import { type Citation, type Reply, hasLoneSurrogate, neutralize } from '../../core/reply.js';
import { formatDate } from '../../ingest/dates.js';
import type { ButtonKind } from './buttons.js';

/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Title, description, field names and values, footer and author of every embed of a message together. */
  total: 6000,
  embeds: 10,
  buttonLabel: 80,
  customId: 100,
  buttonsPerRow: 5,
  rows: 5,
} as const;

// Our own, tighter caps, so that one long quote or a long field cannot crowd out the rest of an answer.
const ITEM_MAX = 700;
const SOURCE_MAX = 300;
const BODY_WITH_ITEMS_MAX = 1500;
const FIELDS_TOTAL_MAX = 1500;
const MORE_NOTE_RESERVE = 80;

const COLOR = { ok: 0x2b6cb0, notFound: 0x718096, error: 0xc53030 } as const;

export interface ButtonRequest {
  kind: ButtonKind;
  /** The command line the button runs. */
  line: string;
}
/** Turns a button's command line into a custom_id; undefined leaves the button out. */
export type ButtonIdFor = (b: ButtonRequest) => string | undefined;

export interface DiscordMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  ephemeral: boolean;
  /** MessageFlags.Ephemeral when ephemeral, else 0. */
  flags: number;
  allowedMentions: { parse: [] };
}

/**
 * Whether Discord should show this reply only to the person who asked: the errors they caused and our own
 * apologies. "Not in the store" is an honest answer for the whole channel, so it stays public.
 */
export function isPrivate(reply: Reply): boolean {
  if (reply.error) return reply.error.code !== 'not_found';
  return reply.ephemeral === true;
}

/**
 * Reply → Discord embeds and buttons, within every Discord limit: long text is cut with "…", never rejected.
 * Pure: the only outside help is `buttonId`, which turns a button's command line into a custom_id.
 */
export function renderDiscord(reply: Reply, opts: { buttonId?: ButtonIdFor } = {}): DiscordMessage {
  const ephemeral = isPrivate(reply);
  return {
    embeds: renderEmbeds(reply),
    components: renderButtons(reply, opts.buttonId),
    ephemeral,
    flags: ephemeral ? MessageFlags.Ephemeral : 0,
    allowedMentions: { parse: [] },
  };
}

/** Store and chat text made inert: no mentions, no markdown, no masked links. */
export function inert(text: string): string {
  return neutralize(text)
    .replace(/[\\*_~`|[\]]/g, (c) => `\\${c}`)
    .replace(/^([>#-])/gm, '\\$1');
}

/** Cuts to `max` characters with "…", never splitting a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function sourceLine(n: number, c: Citation): string {
  const where = [c.outlet ?? 'outlet not stated', c.published ? formatDate(c.published) : null]
    .filter(Boolean)
    .join(', ');
  const ref = /^P\d+(@\d+-\d+)?$/.test(c.ref) ? `\`${c.ref}\`` : inert(c.ref);
  const head = `**[${n}]** `;
  const tail = ` · source ${ref}`;
  const middle = cut(inert(oneLine(`${c.title} — ${where}`)), SOURCE_MAX - head.length - tail.length);
  return `${head}${middle}${tail}`;
}

/** Characters Discord counts toward the 6000 of a message. */
export function embedChars(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

function renderEmbeds(reply: Reply): APIEmbed[] {
  const color = !reply.error ? COLOR.ok : reply.error.code === 'not_found' ? COLOR.notFound : COLOR.error;
  const failed = reply.error && reply.error.code !== 'not_found';
  const title = cut(inert(oneLine(`${failed ? '⚠ ' : ''}${reply.title}`)), LIMITS.title) || 'Beatbook';
  const footerParts: string[] = [];
  if (reply.paging) footerParts.push(`Page ${reply.paging.page} of ${reply.paging.pages}`);
  if (reply.error?.reference) footerParts.push(`Reference ${reply.error.reference}`);
  const footer = footerParts.length ? cut(neutralize(footerParts.join(' · ')), 200) : undefined;

  let budget = LIMITS.total - title.length - (footer?.length ?? 0);

  // Fields: named facts about the subject (kind, country, aliases). Capped so items still have room.
  const fields: { name: string; value: string }[] = [];
  let fieldChars = 0;
  for (const f of (reply.fields ?? []).slice(0, LIMITS.fields)) {
    const name = cut(inert(oneLine(f.name)), LIMITS.fieldName) || '—';
    const room = Math.min(LIMITS.fieldValue, FIELDS_TOTAL_MAX - fieldChars - name.length);
    if (room < 20) break;
    const value = cut(inert(f.value.trim()), room) || '—';
    fields.push({ name, value });
    fieldChars += name.length + value.length;
  }
  budget -= fieldChars;

  const numbers = new Map(reply.citations.map((c, i) => [c.ref, i + 1]));
  const sources: string[] = [];
  const listed = new Set<string>();
  const SOURCES_TITLE = 'Sources';
  let sourcesCost = 0;
  /** What listing citation `c` would add, 0 when it is already listed. */
  const sourceCost = (c: Citation | undefined) => {
    if (!c || listed.has(c.ref) || !numbers.has(c.ref)) return 0;
    return sourceLine(numbers.get(c.ref)!, c).length + (sources.length === 0 ? SOURCES_TITLE.length : 1);
  };
  const listSource = (c: Citation | undefined) => {
    if (!c || listed.has(c.ref) || !numbers.has(c.ref)) return;
    sourcesCost += sourceCost(c);
    listed.add(c.ref);
    sources.push(sourceLine(numbers.get(c.ref)!, c));
  };

  const lines: string[] = [];
  let lineCost = 0;
  const addLine = (line: string) => {
    lineCost += line.length + (lines.length ? 1 : 0);
    lines.push(line);
  };

  const items = reply.items ?? [];
  const cited = new Set(items.map((i) => i.citation?.ref).filter(Boolean));
  // Citations no item carries ground the body (an actor's summary): list them first.
  const bodyCitations = reply.citations.filter((c) => !cited.has(c.ref));

  if (reply.body?.trim()) {
    const bodyMax = Math.min(
      items.length ? BODY_WITH_ITEMS_MAX : LIMITS.description,
      budget - MORE_NOTE_RESERVE - bodyCitations.slice(0, 3).reduce((n, c) => n + sourceCost(c) + 1, 0),
    );
    const body = cut(inert(reply.body.trim()), Math.max(0, bodyMax));
    if (body) addLine(body);
  }
  for (const c of bodyCitations) {
    if (lineCost + sourcesCost + sourceCost(c) > budget - MORE_NOTE_RESERVE) break;
    listSource(c);
  }

  const sectionAt = new Map((reply.sections ?? []).map((s) => [s.start, s.title]));
  let shown = 0;
  for (const [i, item] of items.entries()) {
    const heading = sectionAt.get(i);
    const n = item.citation ? numbers.get(item.citation.ref) : undefined;
    const marker = n ? ` [${n}]` : '';
    const label = item.label ? `**${cut(inert(oneLine(item.label)), 120)}** — ` : '';
    const text = cut(inert(oneLine(item.text)), ITEM_MAX - 2 - label.length - marker.length);
    const line = `• ${label}${text}${marker}`;
    const headingLine = heading ? `**${cut(inert(oneLine(heading)), 120)}**` : undefined;
    const cost =
      (headingLine ? headingLine.length + 1 : 0) + line.length + (lines.length ? 1 : 0) + sourceCost(item.citation);
    if (lineCost + sourcesCost + cost > budget - MORE_NOTE_RESERVE) break;
    if (headingLine) addLine(headingLine);
    addLine(line);
    listSource(item.citation);
    shown++;
  }
  if (shown < items.length) addLine(`*… ${items.length - shown} more not shown: Discord limits a message's size.*`);

  // Pack the lines into descriptions of at most 4096 characters: the main embed, then continuations.
  const descriptions = pack(lines, LIMITS.description);
  const sourceDescriptions = pack(sources, LIMITS.description);
  const main: APIEmbed = { title, color };
  if (descriptions[0]) main.description = descriptions[0];
  if (fields.length) main.fields = fields.map((f) => ({ ...f, inline: false }));
  if (footer) main.footer = { text: footer };
  const embeds: APIEmbed[] = [main];
  for (const d of descriptions.slice(1)) embeds.push({ description: d, color });
  sourceDescriptions.forEach((d, i) =>
    embeds.push({ ...(i === 0 ? { title: SOURCES_TITLE } : {}), description: d, color }),
  );
  return enforceTotal(embeds.slice(0, LIMITS.embeds));
}

/** Joins lines into chunks of at most `max` characters; a line is never split across chunks. */
function pack(lines: string[], max: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const raw of lines) {
    const line = cut(raw, max);
    if (!cur) cur = line;
    else if (cur.length + 1 + line.length <= max) cur += `\n${line}`;
    else {
      out.push(cur);
      cur = line;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** A last line of defence: the budget above keeps within 6000, this proves it by construction. */
function enforceTotal(embeds: APIEmbed[]): APIEmbed[] {
  let over = embeds.reduce((n, e) => n + embedChars(e), 0) - LIMITS.total;
  for (let i = embeds.length - 1; over > 0 && i >= 0; i--) {
    const e = embeds[i]!;
    if (!e.description) continue;
    const keep = Math.max(0, e.description.length - over - 1);
    const before = e.description.length;
    if (keep === 0) delete e.description;
    else e.description = cut(e.description, keep);
    over -= before - (e.description?.length ?? 0);
  }
  return embeds.filter((e) => e.title || e.description || e.fields?.length || e.footer);
}

function renderButtons(reply: Reply, buttonId?: ButtonIdFor): APIActionRowComponent<APIButtonComponent>[] {
  if (!buttonId) return [];
  const used = new Set<string>();
  const button = (
    kind: ButtonKind,
    line: string,
    label: string,
    style: ButtonStyle.Primary | ButtonStyle.Secondary,
  ): APIButtonComponent | undefined => {
    const id = buttonId({ kind, line });
    // A duplicate or malformed id would make Discord reject the whole message: drop that button instead.
    if (!id || id.length > LIMITS.customId || used.has(id) || hasLoneSurrogate(id)) return undefined;
    used.add(id);
    const text = cut(oneLine(neutralize(label)), LIMITS.buttonLabel) || '…';
    return { type: ComponentType.Button, style, custom_id: id, label: text };
  };

  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  const paging: APIButtonComponent[] = [];
  if (reply.paging?.prev) {
    const b = button('page', reply.paging.prev, '◀ Previous', ButtonStyle.Secondary);
    if (b) paging.push(b);
  }
  if (reply.paging?.next) {
    const b = button('page', reply.paging.next, 'Next ▶', ButtonStyle.Secondary);
    if (b) paging.push(b);
  }
  const choiceRows = LIMITS.rows - (paging.length ? 1 : 0);
  const choices: APIButtonComponent[] = [];
  for (const c of reply.choices ?? []) {
    if (choices.length >= choiceRows * LIMITS.buttonsPerRow) break;
    const b = button(
      'choice',
      c.command,
      c.description ? `${c.label} · ${c.description}` : c.label,
      ButtonStyle.Primary,
    );
    if (b) choices.push(b);
  }
  for (let i = 0; i < choices.length; i += LIMITS.buttonsPerRow)
    rows.push({ type: ComponentType.ActionRow, components: choices.slice(i, i + LIMITS.buttonsPerRow) });
  if (paging.length) rows.push({ type: ComponentType.ActionRow, components: paging });
  return rows;
}
