import { neutralize } from '../../core/reply.js';

/**
 * Text for a mrkdwn field. Slack treats &, < and > as control characters (`<!channel>`, `<@U123>`,
 * `<https://x|y>`), so every user- or store-provided string is neutralised and then entity-escaped: whatever
 * it contains renders as the literal characters, never as a mention or a link.
 */
export function mrkdwn(text: string): string {
  return neutralize(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Text for a plain_text object (header, button label). Slack does not parse mentions or links there, but
 * whether it decodes entities is not something to rely on, so instead of escaping, the two angle brackets
 * become look-alike guillemets: nothing that reaches Slack can form a control sequence, and nothing shows
 * as "&lt;".
 */
export function plain(text: string): string {
  return neutralize(text).replace(/</g, '‹').replace(/>/g, '›');
}

/**
 * Cuts text to at most `max` UTF-16 units, ending in "…" when cut. Never splits an escape entity
 * ("&amp;") or a surrogate pair, so a cut string is still valid, inert mrkdwn.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  cut = cut.replace(/&[a-z]{0,3}$/, '');
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/**
 * A Slack message's text as plain words, for commands that read it (the "Find in Beatbook" shortcut):
 * mentions and channel links become their labels, links their label or address, special mentions vanish,
 * and Slack's own escapes are decoded.
 */
export function slackToPlain(text: string): string {
  return text
    .replace(/<([^<>|]*)(?:\|([^<>]*))?>/g, (_m, target: string, label: string | undefined) => {
      if (target.startsWith('!')) return label ?? '';
      if (target.startsWith('@') || target.startsWith('#')) return label ? `${target[0]}${label}` : '';
      return label ?? target;
    })
    .replace(/&(amp|lt|gt);/g, (m) => ENTITIES[m] ?? m);
}
