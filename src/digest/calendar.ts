/**
 * Calendar arithmetic for the digest: local wall-clock time in an IANA zone (through Intl, so daylight-saving
 * rules come from the runtime's time-zone data), and day strings (YYYY-MM-DD) moved by whole days in UTC,
 * where every day has 24 hours.
 */
import { MONTHS } from '../ingest/dates.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The canonical spelling of an IANA time zone ("america/mexico_city" → "America/Mexico_City"), or null. */
export function canonicalTimeZone(text: string): string | null {
  const tz = text.trim();
  // Bound and shape the input before handing it to Intl: zone names are short and use a small alphabet.
  if (tz.length === 0 || tz.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(tz)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** "8:00", "08:00" → "08:00"; anything that is not a time of day → null. */
export function parseTimeOfDay(text: string): string | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The local calendar day and wall-clock time of an instant in a zone: { day: "2026-11-01", time: "07:59" }. */
export function localParts(at: Date, tz: string): { day: string; time: string } {
  const parts = Object.fromEntries(
    formatter(tz)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

function toUtc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The day `n` days after (or before, if negative) a YYYY-MM-DD day. */
export function addDays(day: string, n: number): string {
  const d = toUtc(day);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** "Saturday 26 September 2026". */
export function longDay(day: string): string {
  const d = toUtc(day);
  const month = MONTHS[d.getUTCMonth()]!;
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${month.charAt(0).toUpperCase()}${month.slice(1)} ${d.getUTCFullYear()}`;
}

/** "Tue 29 Sep". */
export function shortDay(day: string): string {
  const d = toUtc(day);
  const month = MONTHS[d.getUTCMonth()]!;
  return `${WEEKDAYS[d.getUTCDay()]!.slice(0, 3)} ${d.getUTCDate()} ${month.charAt(0).toUpperCase()}${month.slice(1, 3)}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
