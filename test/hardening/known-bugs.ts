/**
 * Bugs the hostile-input suite found in code another helper owns (src/answer), reported instead of fixed
 * here. Their inputs are left out of the sweeps and pinned by it.fails tests in fuzz-core.test.ts: once a bug
 * is fixed those start failing, and its entry here should go.
 */
export interface KnownBug {
  command: string;
  /** Whether a text given to `command` (anywhere in its line or options) meets the bug. */
  affects: (text: string) => boolean;
  /** Command lines that show it. */
  examples: string[];
  bug: string;
}

export const KNOWN_BUGS: KnownBug[] = [
  {
    command: 'ask',
    // IRREGULAR[word] ?? word: for "constructor" the lookup finds Object.prototype.constructor, a function,
    // which the store cannot bind ("SQLite3 can only bind numbers, strings, bigints, buffers, and null").
    affects: (text) => /constructor/i.test(text),
    examples: ['ask constructor', 'ask {{constructor.constructor("return process")()}}', 'ask who is the constructor'],
    bug: 'stem() in src/answer/question.ts looks words up through Object.prototype',
  },
];

export const knownBug = (command: string, text: string): boolean =>
  KNOWN_BUGS.some((k) => k.command === command.toLowerCase() && k.affects(text));
