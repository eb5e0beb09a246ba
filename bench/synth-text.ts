import type { Article } from '../src/ingest/corpus.js';
import type { Rng } from './prng.js';

/**
 * Filler prose for synthetic articles: a word-bigram chain trained on the seed corpus, so generated passages
 * have the corpus's vocabulary and word frequencies ("Pegasus", "cartel", "Peña Nieto" turn up as often as in
 * the real articles) and full-text search does realistic work at every scale. Quote marks are left out of the
 * model: quotations are placed deliberately, with a speaker, by the scaler.
 */
export class BigramText {
  private next = new Map<string, string[]>();
  private starts: string[] = [];

  constructor(articles: Pick<Article, 'body'>[]) {
    const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}’'.-]*[\p{L}\p{N}]|[\p{L}\p{N}]|[.,;:?!]/gu;
    for (const a of articles) {
      for (const paragraph of a.body.split(/\n\s*\n/)) {
        const tokens = paragraph.match(TOKEN) ?? [];
        // A token ending in "." that is not an abbreviation ends a sentence: split it off.
        const flat: string[] = [];
        for (const t of tokens) {
          if (t.length > 1 && t.endsWith('.') && !/^(?:\p{Lu}\.)+$|^(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|St)\.$/u.test(t))
            flat.push(t.slice(0, -1), '.');
          else flat.push(t);
        }
        let prev = '.';
        for (const t of flat) {
          if (prev === '.' && /^\p{Lu}/u.test(t)) this.starts.push(t);
          const list = this.next.get(prev);
          if (list) list.push(t);
          else this.next.set(prev, [t]);
          prev = t;
        }
      }
    }
    if (this.starts.length === 0) this.starts.push('Mexico');
  }

  /**
   * One sentence of 8–40 words, ending with a full stop. Never one that ingest would take for page furniture
   * ("Also read: …", a "Preliminary version, do not quote" footer): the corpus has those, and a synthetic
   * statement next to one would lose its passage.
   */
  sentence(rng: Rng): string {
    for (;;) {
      const s = this.walk(rng);
      if (
        !/^(?:Also read|Read (?:all )?(?:the|our))|Preliminary version|do not quote|^\(?(?:Reuters|AP|AFP)\)?\.$/i.test(
          s,
        )
      )
        return s;
    }
  }

  private walk(rng: Rng): string {
    let word = rng.pick(this.starts);
    const out = [word];
    let words = 1;
    while (words < 40) {
      const options = this.next.get(word);
      if (!options) break;
      word = rng.pick(options);
      if (word === '.' || word === '?' || word === '!') {
        if (words >= 8) break;
        word = rng.pick(this.starts);
        out.push(',');
      }
      out.push(word);
      if (/^[\p{L}\p{N}]/u.test(word)) words++;
    }
    let s = '';
    for (const t of out) s += /^[.,;:?!]$/.test(t) ? t : `${s ? ' ' : ''}${t}`;
    return `${s.replace(/[,;:]$/, '')}.`;
  }

  /** A sentence without its full stop, lower-cased start kept: the inside of a quotation. */
  clause(rng: Rng): string {
    return this.sentence(rng).slice(0, -1);
  }
}
