/**
 * Signs that an internal failure reached the user: a stack frame, an error class with a source path, a raw
 * SQLite or FTS5 message, or a path into the checkout. Returns what was found, or undefined.
 */
const SIGNS: [string, RegExp][] = [
  ['stack frame', /\bat (?:[\w$.<>[\] ]+ )?\(?(?:file:\/\/|node:|\/|[A-Za-z]:\\)[^\s)]*:\d+(?::\d+)?\)?/],
  ['stack frame line', /\n\s+at \S/],
  ['error class', /\b(?:Type|Range|Reference|Syntax|Sqlite|Discord\w*|Assertion)Error\b/],
  ['error with a source path', /\bError: [^\n]*\.(?:ts|js|mjs|cjs)\b/],
  ['node internals', /node:internal|node_modules\//],
  ['sqlite code', /\bSQLITE_[A-Z_]+\b/],
  ['sqlite message', /no such (?:column|table|function)|fts5: syntax error|unrecognized token|malformed MATCH/i],
  ['checkout path', /\/work\/main|\bsrc\/[\w/-]+\.ts\b|\bdist\/[\w/-]+\.js\b/],
];

export function stackLeak(text: string): string | undefined {
  for (const [name, re] of SIGNS) {
    const m = re.exec(text);
    if (m) return `${name}: ${JSON.stringify(text.slice(Math.max(0, m.index - 20), m.index + 60))}`;
  }
  return undefined;
}
