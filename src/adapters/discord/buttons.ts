/**
 * The custom_id codec for Beatbook's buttons. A button must keep working after a restart, so nothing about it
 * lives in memory: the id carries who asked, when, and the command line to run — or, when the line is too long
 * for Discord's 100 characters, a key into the store's button_state table.
 *
 *   bb1|p|<asker, base 36>|<issued, epoch seconds base 36>|=<command line>
 *   bb1|c|*|<issued>|#<key>
 *
 * `p` pages, `c` picks a disambiguation choice; `*` means anyone may click (channel posts such as the digest).
 */

/** Discord's limit is 100; the brief asks for ids under it. */
export const MAX_CUSTOM_ID = 99;
/** How long a button answers; older clicks get a polite "run it again". Documented in the README. */
export const BUTTON_TTL_MS = 24 * 60 * 60 * 1000;

const PREFIX = 'bb1';

export type ButtonKind = 'page' | 'choice';

export interface ButtonState {
  kind: ButtonKind;
  /** The Discord user id allowed to click, or null for anyone. */
  owner: string | null;
  issuedAt: Date;
  /** The command line, when it rides in the id … */
  line?: string;
  /** … or the key of the stored line. */
  key?: string;
}

const SNOWFLAKE = /^\d{1,20}$/;

/**
 * Builds the custom_id for a button that runs `line`. `save` stores a line that does not fit and returns its
 * key; it is only called when needed.
 */
export function encodeButtonId(
  b: { kind: ButtonKind; owner: string | null; issuedAt: Date; line: string },
  save: (line: string) => string,
): string {
  if (b.owner !== null && !SNOWFLAKE.test(b.owner)) throw new Error('button owner must be a Discord user id');
  const owner = b.owner === null ? '*' : BigInt(b.owner).toString(36);
  const issued = Math.floor(b.issuedAt.getTime() / 1000).toString(36);
  const head = `${PREFIX}|${b.kind === 'page' ? 'p' : 'c'}|${owner}|${issued}|`;
  const inline = `${head}=${b.line}`;
  if (inline.length <= MAX_CUSTOM_ID) return inline;
  const id = `${head}#${save(b.line)}`;
  if (id.length > MAX_CUSTOM_ID) throw new Error('button key too long for a custom_id');
  return id;
}

/** Reads a custom_id made by encodeButtonId; null for anything else (another bot version, a forged id). */
export function decodeButtonId(id: string): ButtonState | null {
  const parts = id.split('|');
  if (parts.length < 5 || parts[0] !== PREFIX) return null;
  const [, kind, owner, issued] = parts as [string, string, string, string];
  // The payload is everything after the fourth bar: a command line may contain bars itself.
  const payload = parts.slice(4).join('|');
  if (kind !== 'p' && kind !== 'c') return null;
  if (owner !== '*' && !/^[0-9a-z]{1,14}$/.test(owner)) return null;
  if (!/^[0-9a-z]{1,8}$/.test(issued)) return null;
  const state: ButtonState = {
    kind: kind === 'p' ? 'page' : 'choice',
    owner: owner === '*' ? null : parseBase36(owner).toString(),
    issuedAt: new Date(parseInt(issued, 36) * 1000),
  };
  if (payload.startsWith('=') && payload.length > 1) return { ...state, line: payload.slice(1) };
  if (payload.startsWith('#') && /^#[A-Za-z0-9_-]{1,32}$/.test(payload)) return { ...state, key: payload.slice(1) };
  return null;
}

function parseBase36(text: string): bigint {
  let n = 0n;
  for (const ch of text) n = n * 36n + BigInt(parseInt(ch, 36));
  return n;
}

/** Whether a button issued at `issuedAt` still answers at `now`. */
export function isExpired(issuedAt: Date, now: Date): boolean {
  return now.getTime() - issuedAt.getTime() > BUTTON_TTL_MS;
}
