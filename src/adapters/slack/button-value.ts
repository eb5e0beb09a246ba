/**
 * What a Beatbook button carries. Everything needed to answer a click travels in the button itself — the
 * command line to run and who asked — so a click works after a restart, with no state kept in memory.
 */
export interface ButtonValue {
  /** The command line the click runs, e.g. "actor enrique-pena-nieto page:2". */
  command: string;
  /** The Slack user whose request produced the message; absent on posts nobody asked for (the digest). */
  owner?: string;
}

/** Slack's limit on a button's value. */
export const MAX_BUTTON_VALUE = 2000;

/** The button value, or undefined when it would not fit Slack's limit (the caller then shows no button). */
export function encodeButton(value: ButtonValue): string | undefined {
  const s = JSON.stringify(value.owner ? { c: value.command, u: value.owner } : { c: value.command });
  return s.length <= MAX_BUTTON_VALUE ? s : undefined;
}

/** Reads a button value back; anything malformed (a forged or foreign payload) is undefined. */
export function decodeButton(raw: unknown): ButtonValue | undefined {
  if (typeof raw !== 'string' || raw.length > MAX_BUTTON_VALUE) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const { c, u } = v as { c?: unknown; u?: unknown };
  if (typeof c !== 'string' || c.trim() === '') return undefined;
  if (u !== undefined && typeof u !== 'string') return undefined;
  return u ? { command: c, owner: u } : { command: c };
}
