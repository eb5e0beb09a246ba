import { parseDateValue } from '../ingest/dates.js';
import { type Args, type CommandSpec, MAX_VALUE, type OptionSpec } from './command.js';
import { UserError } from './errors.js';
import { type ParsedLine, cleanInput } from './parse.js';
import { echo } from './reply.js';

export function usage(spec: CommandSpec): string {
  const parts = spec.options
    .filter((o) => !o.hidden)
    .map((o) =>
      o.positional
        ? o.required
          ? `<${o.name}>`
          : `[${o.name}]`
        : o.required
          ? `${o.name}:<${o.type}>`
          : `[${o.name}:…]`,
    );
  return `${spec.name} ${parts.join(' ')}`.trim();
}

/** Turns a parsed line into typed arguments, or explains precisely what is wrong with it. */
export function validateLine(spec: CommandSpec, parsed: ParsedLine): Args {
  const raw: Record<string, string> = {};
  const seen = new Set<string>();
  for (const { key, value } of parsed.options) {
    const opt = spec.options.find((o) => o.name === key && !o.positional);
    if (!opt) {
      const known = spec.options.filter((o) => !o.positional && !o.hidden).map((o) => `${o.name}:`);
      throw new UserError(
        'unknown_option',
        `"${echo(key, 30)}:" is not an option of ${spec.name}.${known.length ? ` Its options are ${known.join(', ')}.` : ''} To search for words containing a colon, put them in quotes.`,
      );
    }
    if (seen.has(key)) throw new UserError('repeated_option', `"${key}:" is given twice; give it once.`);
    seen.add(key);
    raw[key] = value;
  }
  const positional = spec.options.find((o) => o.positional);
  if (parsed.words.length > 0) {
    if (!positional) throw new UserError('bad_input', `${spec.name} takes no free text. Usage: ${usage(spec)}`);
    raw[positional.name] = parsed.words.join(' ');
  }
  return validateOptions(spec, raw);
}

/** Validates options that arrive already split (Discord slash options, paging buttons). */
export function validateOptions(spec: CommandSpec, raw: Record<string, string | number | undefined>): Args {
  const args: Args = {};
  for (const opt of spec.options) {
    const v = raw[opt.name];
    if (v === undefined || (typeof v === 'string' && cleanInput(v).trim() === '')) {
      if (opt.required)
        throw new UserError(
          'missing_argument',
          `${spec.name} needs ${opt.positional ? `a ${opt.name}` : `${opt.name}:`}. Usage: ${usage(spec)}`,
        );
      if (opt.type === 'integer' && opt.default !== undefined) args[opt.name] = opt.default;
      continue;
    }
    args[opt.name] = convert(spec, opt, v);
  }
  for (const key of Object.keys(raw)) {
    if (!spec.options.some((o) => o.name === key))
      throw new UserError('unknown_option', `"${echo(key, 30)}" is not an option of ${spec.name}.`);
  }
  return args;
}

function convert(spec: CommandSpec, opt: OptionSpec, value: string | number) {
  // Options that arrive already split (Discord) skipped the line parser: clean them the same way.
  const text = cleanInput(String(value)).trim();
  const label = opt.positional ? opt.name : `${opt.name}:`;
  switch (opt.type) {
    case 'integer': {
      if (!/^-?\d{1,9}$/.test(text))
        throw new UserError('bad_option', `${label} needs a whole number, not "${echo(text, 30)}".`);
      const n = Number(text);
      if (n < opt.min || n > opt.max)
        throw new UserError('bad_option', `${label} must be between ${opt.min} and ${opt.max}.`);
      return n;
    }
    case 'enum': {
      const hit = opt.values.find((x) => x.toLowerCase() === text.toLowerCase());
      if (!hit) throw new UserError('bad_option', `${label} must be one of ${opt.values.join(', ')}.`);
      return hit;
    }
    case 'date': {
      const d = parseDateValue(text);
      if (!d)
        throw new UserError(
          'bad_date',
          `${label} needs a date like 2017, 2017-03 or 2017-03-05; "${echo(text, 30)}" is not one.`,
        );
      return d;
    }
    default: {
      const max = opt.type === 'string' ? (opt.maxLength ?? MAX_VALUE) : MAX_VALUE;
      if (text.length > max)
        throw new UserError(
          'too_long',
          `${label} is ${text.length} characters long; ${spec.name} accepts at most ${max}.`,
        );
      return text;
    }
  }
}
