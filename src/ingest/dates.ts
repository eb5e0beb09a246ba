/**
 * Dates at the precision the text gives them. "2017" is a year, "2017-03" a month, "2017-03-05" a day;
 * nothing here ever widens a year into a day.
 */
export type Precision = 'day' | 'month' | 'year';

export interface DateValue {
  value: string;
  precision: Precision;
}

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_ABBR: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real calendar date) or returns null. */
export function parseDateValue(text: string): DateValue | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1000 || year > 2999) return null;
  if (m[2] === undefined) return { value: m[1]!, precision: 'year' };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { value: `${m[1]}-${m[2]}`, precision: 'month' };
  const day = Number(m[3]);
  if (day < 1 || day > daysIn(year, month)) return null;
  return { value: `${m[1]}-${m[2]}-${m[3]}`, precision: 'day' };
}

export function precisionOf(value: string): Precision | null {
  return parseDateValue(value)?.precision ?? null;
}

/** "15 October 2020", "December 2017", "2017" — shown at the precision stored, never more. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return 'undated';
  const d = parseDateValue(value);
  if (!d) return value;
  const [y, m, day] = d.value.split('-');
  const month = m ? MONTHS[Number(m) - 1]! : '';
  const Month = month.charAt(0).toUpperCase() + month.slice(1);
  if (d.precision === 'year') return y!;
  if (d.precision === 'month') return `${Month} ${y}`;
  return `${Number(day)} ${Month} ${y}`;
}

/** The first and last day a date value covers: "2017" spans 2017-01-01..2017-12-31. */
export function dateRange(value: string): { from: string; to: string } | null {
  const d = parseDateValue(value);
  if (!d) return null;
  const [y, m, day] = d.value.split('-');
  if (d.precision === 'day') return { from: d.value, to: d.value };
  if (d.precision === 'month')
    return { from: `${y}-${m}-01`, to: `${y}-${m}-${String(daysIn(Number(y), Number(m))).padStart(2, '0')}` };
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

export interface FoundDate extends DateValue {
  start: number;
  end: number;
  text: string;
}

const MONTH_RE =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.)';
const PATTERNS: { re: RegExp; build: (m: RegExpExecArray) => DateValue | null }[] = [
  // October 15, 2020 · Sept. 26, 2014
  { re: new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'g'), build: (m) => mdy(m[1]!, m[2]!, m[3]!) },
  // 4 January 2018 · 2 October 1968
  { re: new RegExp(`\\b(\\d{1,2})\\s+${MONTH_RE}\\s+(\\d{4})\\b`, 'g'), build: (m) => mdy(m[2]!, m[1]!, m[3]!) },
  // March 2017 · October of 2020 · September, 2009
  { re: new RegExp(`\\b${MONTH_RE},?\\s+(?:of\\s+)?(\\d{4})\\b`, 'g'), build: (m) => my(m[1]!, m[2]!) },
  // in 2017 · since 2006 — a bare year only with a preposition, so "329 votes" or "2,500 forces" never count
  {
    re: /\b(?:in|since|from|until|by|of|during|before|after|early|late|mid-)\s+((?:19|20)\d{2})\b(?![-–]\d)/g,
    build: (m) => parseDateValue(m[1]!),
  },
];

function monthNumber(name: string): number {
  const key = name.replace('.', '').toLowerCase();
  const full = MONTHS.indexOf(key);
  return full >= 0 ? full + 1 : (MONTH_ABBR[key.slice(0, 4)] ?? MONTH_ABBR[key.slice(0, 3)] ?? 0);
}
function mdy(month: string, day: string, year: string): DateValue | null {
  const mm = String(monthNumber(month)).padStart(2, '0');
  return parseDateValue(`${year}-${mm}-${day.padStart(2, '0')}`);
}
function my(month: string, year: string): DateValue | null {
  return parseDateValue(`${year}-${String(monthNumber(month)).padStart(2, '0')}`);
}

/** Explicit calendar dates in a text. Relative dates ("on Monday", "last week") are never resolved here. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const { re, build } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const d = build(m);
      if (!d) continue;
      // For the bare-year pattern report only the year itself.
      const textStart = d.precision === 'year' ? m.index + m[0].lastIndexOf(m[1]!) : m.index;
      const textEnd = m.index + m[0].length;
      if (found.some((f) => textStart < f.end && textEnd > f.start)) continue;
      found.push({ ...d, start: textStart, end: textEnd, text: text.slice(textStart, textEnd) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
