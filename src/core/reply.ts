/**
 * The platform-neutral answer every command returns. Renderers (console, Discord, Slack) only format it;
 * they never query. Every statement an item makes carries the citation that grounds it.
 */
export interface Citation {
  /** What `source <ref>` opens: "P123" (a passage) or "P123@4510-4562" (the cited words in it). */
  ref: string;
  passageId: number;
  documentSlug: string;
  title: string;
  outlet: string | null;
  published: string | null; // YYYY, YYYY-MM or YYYY-MM-DD
  /** The exact words cited, when narrower than the passage. */
  excerpt?: string;
}

export interface ReplyItem {
  /** A short heading (a date, a speaker, an entity name). */
  label?: string;
  text: string;
  citation?: Citation;
}

export interface ReplyField {
  name: string;
  value: string;
}

export interface Choice {
  label: string;
  /** The command line that picks this choice, e.g. "actor enrique-pena-nieto". */
  command: string;
  description?: string;
}

export interface Paging {
  page: number;
  pages: number;
  /** Command lines for the neighbouring pages (absent at the ends). */
  next?: string;
  prev?: string;
}

export type ErrorCode =
  | 'bad_input'
  | 'unknown_command'
  | 'unknown_option'
  | 'repeated_option'
  | 'bad_option'
  | 'bad_date'
  | 'missing_argument'
  | 'too_long'
  | 'not_found'
  | 'forbidden'
  | 'rate_limited'
  | 'internal';

export interface Reply {
  ok: boolean;
  title: string;
  body?: string;
  fields?: ReplyField[];
  items?: ReplyItem[];
  /** Section headings splitting `items`: the item index each section starts at. */
  sections?: { title: string; start: number }[];
  citations: Citation[];
  choices?: Choice[];
  paging?: Paging;
  ephemeral?: boolean;
  error?: { code: ErrorCode; message: string; reference?: string };
}

/** Collects the distinct citations of a reply's items in order of first use. */
export function collectCitations(items: ReplyItem[], extra: (Citation | undefined)[] = []): Citation[] {
  const seen = new Map<string, Citation>();
  for (const c of [...extra, ...items.map((i) => i.citation)]) if (c && !seen.has(c.ref)) seen.set(c.ref, c);
  return [...seen.values()];
}

/** Half of a surrogate pair without its other half: not text, and Slack and Discord refuse it in JSON. */
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Every lone surrogate, for replace(). */
export const LONE_SURROGATE = new RegExp(LONE.source, 'g');
export const hasLoneSurrogate = (text: string): boolean => LONE.test(text);

/** Mentions and markup from chat or the store can never ping or render as a link. */
export function neutralize(text: string): string {
  return text
    .replace(/@(everyone|here|channel)/gi, '@\u200b$1')
    .replace(/<([!@#&])/g, '<\u200b$1')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, '')
    .replace(LONE_SURROGATE, '\ufffd');
}

/** A user's words echoed back: neutralised and cut to a sane length, never through an emoji's surrogate pair. */
export function echo(text: string, max = 80): string {
  const clean = neutralize(text).replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const end = /[\ud800-\udbff]/.test(clean[max - 2] ?? '') ? max - 2 : max - 1;
  return `${clean.slice(0, end)}…`;
}
