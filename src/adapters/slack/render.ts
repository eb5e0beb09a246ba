import type { Citation, Reply } from '../../core/reply.js';
import { citationLine, renderText } from '../console/render.js';
import { encodeButton } from './button-value.js';
import { ACTION_PREFIX, SLASH_COMMAND } from './ids.js';
import { clip, mrkdwn, plain } from './mrkdwn.js';

/** Slack's Block Kit limits for a message (https://docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  /** The notification / fallback text; Slack accepts far more, but nobody reads more in a notification. */
  fallbackText: 4000,
} as const;

export interface PlainText {
  type: 'plain_text';
  text: string;
}
/** verbatim: Slack must not auto-link bare URLs, #channels or @names found in our text. */
export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
  verbatim: true;
}
export interface Button {
  type: 'button';
  action_id: string;
  text: PlainText;
  value: string;
}
export type Block =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: MrkdwnText }
  | { type: 'section'; fields: MrkdwnText[] }
  | { type: 'context'; elements: MrkdwnText[] }
  | { type: 'actions'; elements: Button[] };

/** What respond() and chat.postMessage receive: blocks plus the plain fallback every message needs. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

const md = (text: string): MrkdwnText => ({ type: 'mrkdwn', text, verbatim: true });
/** Slack refuses empty text objects; what neutralising empties falls back to `fallback`. */
const pt = (text: string, max: number, fallback: string): PlainText => ({
  type: 'plain_text',
  text: clip(plain(text).trim() || plain(fallback).trim() || 'Beatbook', max),
});
const section = (text: string): Block => ({ type: 'section', text: md(clip(text, LIMITS.sectionText)) });
const note = (text: string): Block => ({ type: 'context', elements: [md(clip(text, LIMITS.contextText))] });

/** The most body sections and citation context blocks one message spends; the rest is cut with a note. */
const MAX_BODY_SECTIONS = 3;
const MAX_CITATION_BLOCKS = 8;

/**
 * Reply → Block Kit, within Slack's limits: a header, the body, fields, the items with [n] markers packed
 * into sections, the citations as context blocks, then choice and paging buttons. Pure: it never queries.
 * `owner` is the user whose request this answers; it rides in each button so only they turn its pages.
 */
export function renderBlocks(reply: Reply, opts: { owner?: string } = {}): SlackMessage {
  const isError = reply.error !== undefined && reply.error.code !== 'not_found';
  const head: Block[] = [
    { type: 'header', text: pt(`${isError ? '⚠ ' : ''}${reply.title}`, LIMITS.headerText, 'Beatbook') },
  ];
  const content = [...bodyBlocks(reply.body), ...fieldBlocks(reply), ...itemBlocks(reply)];
  const tail = [
    ...citationBlocks(reply.citations),
    ...choiceBlocks(reply, opts.owner),
    ...pagingBlocks(reply, opts.owner),
  ];
  const room = LIMITS.blocks - head.length - tail.length;
  const kept =
    content.length <= room
      ? content
      : [
          ...content.slice(0, room - 1),
          note(
            '_… more than one Slack message can hold. Narrow the question (options like from: or limit:) to see the rest._',
          ),
        ];
  return {
    // Slack refuses a message whose fallback is empty.
    text: clip(mrkdwn(renderText(reply)), LIMITS.fallbackText).trim() || 'Beatbook',
    blocks: [...head, ...kept, ...tail],
  };
}

/** Splits escaped text into section-sized chunks at line ends where possible. */
function chunks(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let at = rest.lastIndexOf('\n', max);
    if (at < max / 2) at = rest.lastIndexOf(' ', max);
    if (at < max / 2) at = max;
    let piece = rest.slice(0, at);
    // Never split an entity: move a trailing partial "&am" to the next chunk.
    const partial = /&[a-z]{0,3}$/.exec(piece);
    if (partial) piece = piece.slice(0, partial.index);
    if (/[\ud800-\udbff]$/.test(piece)) piece = piece.slice(0, -1);
    out.push(piece);
    rest = rest.slice(piece.length).replace(/^\n/, '');
  }
  if (rest.trim()) out.push(rest);
  return out;
}

function bodyBlocks(body: string | undefined): Block[] {
  const escaped = body ? mrkdwn(body) : '';
  if (!escaped.trim()) return [];
  const parts = chunks(escaped, LIMITS.sectionText).filter((p) => p.trim());
  if (parts.length > MAX_BODY_SECTIONS) {
    parts.length = MAX_BODY_SECTIONS;
    parts[MAX_BODY_SECTIONS - 1] = `${clip(parts[MAX_BODY_SECTIONS - 1]!, LIMITS.sectionText - 1)}…`;
  }
  return parts.map(section);
}

function fieldBlocks(reply: Reply): Block[] {
  const fields = (reply.fields ?? []).map((f) =>
    md(clip(`*${mrkdwn(f.name.trim() || '—')}*\n${mrkdwn(f.value)}`, LIMITS.fieldText)),
  );
  const out: Block[] = [];
  for (let i = 0; i < fields.length; i += LIMITS.sectionFields)
    out.push({ type: 'section', fields: fields.slice(i, i + LIMITS.sectionFields) });
  return out;
}

/** Items as "• label — text [n]" lines; a section heading starts a new block, long runs are packed. */
function itemBlocks(reply: Reply): Block[] {
  const numbers = new Map(reply.citations.map((c, i) => [c.ref, i + 1]));
  const headings = new Map((reply.sections ?? []).map((s) => [s.start, s.title]));
  const texts: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) texts.push(current);
    current = '';
  };
  const add = (line: string) => {
    const l = clip(line, LIMITS.sectionText);
    if (current && current.length + 1 + l.length > LIMITS.sectionText) flush();
    current = current ? `${current}\n${l}` : l;
  };
  (reply.items ?? []).forEach((item, i) => {
    const heading = headings.get(i);
    if (heading !== undefined && mrkdwn(heading).trim()) {
      flush();
      add(`*${mrkdwn(heading).trim()}*`);
    }
    const n = item.citation ? numbers.get(item.citation.ref) : undefined;
    const label = item.label && mrkdwn(item.label).trim() ? `*${mrkdwn(item.label).trim()}* — ` : '';
    add(`• ${label}${mrkdwn(item.text)}${n ? ` [${n}]` : ''}`);
  });
  flush();
  return texts.map(section);
}

function citationBlocks(citations: Citation[]): Block[] {
  const lines = citations.map((c, i) => md(clip(`[${i + 1}] ${mrkdwn(citationLine(c))}`, 400)));
  const max = MAX_CITATION_BLOCKS * LIMITS.contextElements;
  if (lines.length > max) {
    const more = lines.length - (max - 1);
    lines.length = max - 1;
    lines.push(md(`… and ${more} more sources`));
  }
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i += LIMITS.contextElements)
    out.push({ type: 'context', elements: lines.slice(i, i + LIMITS.contextElements) });
  return out;
}

function button(actionId: string, label: string, command: string, owner: string | undefined): Button | undefined {
  const value = encodeButton({ command, owner });
  if (value === undefined) return undefined;
  const text = pt(label, LIMITS.buttonText, command);
  return { type: 'button', action_id: `${ACTION_PREFIX}${actionId}`, text, value };
}

function choiceBlocks(reply: Reply, owner: string | undefined): Block[] {
  const buttons = (reply.choices ?? [])
    .slice(0, LIMITS.actionsElements)
    .map((c, i) => button(`choice_${i}`, c.description ? `${c.label} (${c.description})` : c.label, c.command, owner))
    .filter((b): b is Button => b !== undefined);
  return buttons.length ? [{ type: 'actions', elements: buttons }] : [];
}

function pagingBlocks(reply: Reply, owner: string | undefined): Block[] {
  const p = reply.paging;
  if (!p) return [];
  const prev = p.prev ? button('prev', '‹ Previous', p.prev, owner) : undefined;
  const next = p.next ? button('next', 'Next ›', p.next, owner) : undefined;
  // A command line too long for a button is shown instead, so the page can still be typed.
  const typed = [
    p.prev && !prev ? `previous: \`${SLASH_COMMAND} ${mrkdwn(p.prev)}\`` : '',
    p.next && !next ? `next: \`${SLASH_COMMAND} ${mrkdwn(p.next)}\`` : '',
  ].filter(Boolean);
  const out: Block[] = [note(`Page ${p.page} of ${p.pages}${typed.length ? ` — ${typed.join(' · ')}` : ''}`)];
  const elements = [prev, next].filter((b): b is Button => b !== undefined);
  if (elements.length) out.push({ type: 'actions', elements });
  return out;
}
