import type { DB } from './db.js';
import type { Store } from './queries.js';

export interface PassageText {
  id: number;
  document_id: number;
  start: number;
  text: string;
  rank: number;
}

export interface DocumentMeta {
  title: string;
  author: string | null;
  published: string | null;
}

export interface QuoteHit {
  id: number;
  text: string;
  passage_id: number;
  start: number;
  end: number;
  speaker_label: string | null;
  speaker_name: string | null;
  rank: number;
}

/** The reads `ask` makes beyond the shared Store: term weights and any-word passage retrieval. */
export class AskStore {
  private s;
  private dfCache = new Map<string, number>();
  private spelled = new Map<string, string>();
  private titles = new Map<number, string>();
  private metas = new Map<number, DocumentMeta>();
  private docTexts = new Map<number, string>();
  readonly passages: number;

  constructor(db: DB) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      df: p('SELECT COALESCE(sum(doc), 0) AS n FROM passages_vocab WHERE term >= ? AND term < ?'),
      vocab: p('SELECT term FROM passages_vocab WHERE term >= ? AND term < ? LIMIT ?'),
      count: p('SELECT count(*) AS n FROM passages'),
      // One FTS query shape serves any-word retrieval (OR) and acronym expansions (AND of phrases).
      passagesMatching: p(`SELECT p.id, p.document_id, p.start, p.text, bm25(passages_fts) AS rank FROM passages_fts
        JOIN passages p ON p.id = passages_fts.rowid WHERE passages_fts MATCH ? ORDER BY rank LIMIT ?`),
      // bm25 over only the ASK_WINDOW most recently added matches: FTS5 walks a match list in rowid order and
      // stops there, where ranking every match scores them all.
      passagesWindow: p(`SELECT p.id, p.document_id, p.start, p.text, w.rank FROM (
          SELECT rowid AS id, bm25(passages_fts) AS rank FROM passages_fts WHERE passages_fts MATCH @q
          ORDER BY rowid DESC LIMIT @window) w JOIN passages p ON p.id = w.id ORDER BY w.rank LIMIT @limit`),
      quotesAny:
        p(`SELECT q.id, q.text, q.passage_id, q.start, q."end" AS "end", q.speaker_label, a.name AS speaker_name,
          bm25(quotes_fts) AS rank FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid
          LEFT JOIN actors a ON a.id = q.speaker_actor_id WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?`),
      title: p('SELECT title FROM documents WHERE id = ?'),
      meta: p('SELECT title, author, published FROM documents WHERE id = ?'),
      byId: p('SELECT id, document_id, start, text, 0 AS rank FROM passages WHERE id = ?'),
      // The paragraphs either side of one (passages_document index): a news paragraph is often one sentence,
      // and the sentence it leans on, or the one that finishes it, is in the next paragraph.
      before: p(`SELECT id, document_id, start, text, 0 AS rank FROM passages
        WHERE document_id = ? AND start < ? ORDER BY start DESC LIMIT 1`),
      after: p(`SELECT id, document_id, start, text, 0 AS rank FROM passages
        WHERE document_id = ? AND start > ? ORDER BY start LIMIT 1`),
      docText: p('SELECT text FROM passages WHERE document_id = ? ORDER BY start'),
    };
    this.passages = (this.s.count.get() as { n: number }).n;
  }

  /** How many passages hold a word starting with `stem` (folded, as the FTS index stores it). */
  docFreq(stem: string): number {
    const hit = this.dfCache.get(stem);
    if (hit !== undefined) return hit;
    const n = (this.s.df.get(stem, stem.length <= 3 ? `${stem}\u0000` : `${stem}\uffff`) as { n: number }).n;
    this.dfCache.set(stem, n);
    return n;
  }

  /**
   * Passages holding any of the stems, best bm25 first. Stems are folded words: letters and digits only.
   *
   * While the words match at most ASK_WINDOW passages in all, every match is ranked. Past that (a large
   * store, or common words) ranking them all grows with the store, so the reading is bounded: first the
   * passages holding every word, then those holding the rarer words — as many of the rarest as fit in the
   * window — each ranked within its ASK_WINDOW most recently added matches. The common words still count
   * when ask scores the sentences it gets.
   */
  passagesWithAny(stems: string[], limit: number): PassageText[] {
    const terms = [...new Set(stems.filter((t) => WORD.test(t)))];
    if (terms.length === 0) return [];
    const df = new Map(terms.map((t) => [t, this.docFreq(t)]));
    let total = 0;
    for (const n of df.values()) total += n;
    if (total <= ASK_WINDOW) return this.s.passagesMatching.all(anyOf(stems), limit) as PassageText[];
    const window = (q: string) => this.s.passagesWindow.all({ q, window: ASK_WINDOW, limit }) as PassageText[];
    const out = new Map<number, PassageText>();
    if (terms.length > 1) for (const p of window(terms.map((t) => this.spelledOut(t)).join(' AND '))) out.set(p.id, p);
    if (out.size >= limit) return [...out.values()];
    const byRarity = [...terms].sort((a, b) => df.get(a)! - df.get(b)!);
    const rare: string[] = [];
    let sum = 0;
    for (const t of byRarity) {
      if (rare.length > 0 && sum + df.get(t)! > ASK_WINDOW) break;
      rare.push(t);
      sum += df.get(t)!;
    }
    for (const p of window(rare.map((t) => this.spelledOut(t)).join(' OR '))) {
      if (out.size >= limit) break;
      if (!out.has(p.id)) out.set(p.id, p);
    }
    return [...out.values()];
  }

  /**
   * A stem as the words of the index it stands for — "arrest" as ("arrest" OR "arrested" OR "arrests" …) —
   * when there are few: FTS5 copies a prefix query's whole match list into memory before it can walk it, and
   * walks named words in place, three times faster on a large store. Same matches, different bm25 weights,
   * so only the bounded reading uses it.
   */
  private spelledOut(stem: string): string {
    let q = this.spelled.get(stem);
    if (q === undefined) {
      if (stem.length <= 3) q = prefixTerm(stem);
      else {
        const words = (this.s.vocab.all(stem, `${stem}\uffff`, SPELLED_OUT + 1) as { term: string }[]).map(
          (r) => r.term,
        );
        q =
          words.length === 0 || words.length > SPELLED_OUT
            ? prefixTerm(stem)
            : `(${words.map((w) => `"${w}"`).join(' OR ')})`;
      }
      this.spelled.set(stem, q);
    }
    return q;
  }

  /** Passages holding every one of the phrases (folded words), for acronym expansions. */
  passagesWithAll(phrases: string[], limit: number): PassageText[] {
    const terms = phrases
      .map((ph) => ph.split(' ').filter((w) => /^[\p{L}\p{N}]+$/u.test(w)))
      .filter((ws) => ws.length > 0)
      .map((ws) => `"${ws.join(' ')}"`);
    if (terms.length === 0) return [];
    return this.s.passagesMatching.all(terms.join(' AND '), limit) as PassageText[];
  }

  /** Quotes holding any of the stems, with their speaker. */
  quotesWithAny(stems: string[], limit: number): QuoteHit[] {
    const q = anyOf(stems);
    return q ? (this.s.quotesAny.all(q, limit) as QuoteHit[]) : [];
  }

  title(documentId: number): string {
    let t = this.titles.get(documentId);
    if (t === undefined) {
      t = (this.s.title.get(documentId) as { title: string } | undefined)?.title ?? '';
      this.titles.set(documentId, t);
    }
    return t;
  }

  /** Title, author and publication date of a document: what every sentence of it is about, and when. */
  meta(documentId: number): DocumentMeta {
    let m = this.metas.get(documentId);
    if (m === undefined) {
      m = (this.s.meta.get(documentId) as DocumentMeta | undefined) ?? { title: '', author: null, published: null };
      this.metas.set(documentId, m);
    }
    return m;
  }

  /** The passage just before or just after `p` in its document, if any. */
  neighbour(p: PassageText, side: 'before' | 'after'): PassageText | undefined {
    return this.s[side].get(p.document_id, p.start) as PassageText | undefined;
  }

  /** All of a document's passage text, read once per document: what the whole article talks about. */
  documentText(documentId: number): string {
    let t = this.docTexts.get(documentId);
    if (t === undefined) {
      t = (this.s.docText.all(documentId) as { text: string }[]).map((r) => r.text).join('\n');
      // A large store's articles are more than memory should hold: keep the last few hundred read.
      if (this.docTexts.size >= 500) this.docTexts.clear();
      this.docTexts.set(documentId, t);
    }
    return t;
  }

  passage(id: number): PassageText | undefined {
    return this.s.byId.get(id) as PassageText | undefined;
  }
}

/** How many passages an any-word query ranks in full before ask bounds its reading (see passagesWithAny). */
export const ASK_WINDOW = 1000;
const WORD = /^[\p{L}\p{N}]+$/u;
/** Words a stem is spelled out as at most, else it stays a prefix query. */
const SPELLED_OUT = 12;

// Short stems ("pri", "law") match as whole words: as prefixes they would pull in "prison" and "lawyer".
const prefixTerm = (t: string) => (t.length <= 3 ? `"${t}"` : `"${t}"*`);

/** An FTS5 query matching any of the stems; stems are folded words (letters and digits only), never syntax. */
function anyOf(stems: string[]): string | null {
  const terms = stems.filter((t) => WORD.test(t)).map(prefixTerm);
  return terms.length ? terms.join(' OR ') : null;
}

const cache = new WeakMap<Store, { stamp: string; ask: AskStore }>();
/**
 * One AskStore per Store while the store is unchanged: its passage count, term weights and document texts are
 * remembered, so an ingest by another process (a new change stamp) starts a fresh one.
 */
export function askStore(store: Store): AskStore {
  const stamp = store.changeStamp();
  let a = cache.get(store);
  if (!a || a.stamp !== stamp) cache.set(store, (a = { stamp, ask: new AskStore(store.db) }));
  return a.ask;
}
