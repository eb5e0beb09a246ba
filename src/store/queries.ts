import type { Statement } from 'better-sqlite3';
import type { DB } from './db.js';
import { fold } from './fold.js';
import type { AliasEntry } from '../ingest/mentions.js';
import { loadAliasEntries } from './read-ingest.js';

export type EntityType = 'actor' | 'event' | 'policy';

export interface CitationRow {
  passage_id: number;
  slug: string;
  title: string;
  outlet: string | null;
  published: string | null;
}
export interface ActorRow {
  id: number;
  slug: string;
  name: string;
  kind: string;
  country: string | null;
  summary: string | null;
  passage_id: number;
  evidence: string;
}
export interface EventRow {
  id: number;
  slug: string;
  title: string;
  kind: string;
  date_start: string | null;
  date_end: string | null;
  date_precision: string | null;
  place: string | null;
  summary: string | null;
  passage_id: number;
  evidence: string;
}
export interface PolicyRow {
  id: number;
  slug: string;
  name: string;
  kind: string;
  jurisdiction: string | null;
  status: string | null;
  introduced: string | null;
  summary: string | null;
  passage_id: number;
  evidence: string;
}
export interface FactRow {
  id: number;
  subject_type: EntityType;
  subject_id: number;
  predicate: string;
  object_type: EntityType | null;
  object_id: number | null;
  value: string;
  date: string | null;
  passage_id: number;
  evidence: string;
  start: number;
  end: number;
  subject_name: string;
}
export interface QuoteRow {
  id: number;
  text: string;
  speaker_actor_id: number | null;
  speaker_name: string | null;
  speaker_label: string | null;
  passage_id: number;
  start: number;
  end: number;
  confidence: number;
  method: string;
  partial: number;
  published: string | null;
}
export interface StageRow {
  date: string | null;
  stage: string;
  passage_id: number;
  evidence: string;
  start: number;
  end: number;
}
export interface AliasCandidate {
  type: EntityType;
  id: number;
  slug: string;
  name: string;
  alias: string;
  folded: string;
  weak: number;
}
export interface PassageHit {
  id: number;
  document_id: number;
  slug: string;
  title: string;
  outlet: string | null;
  published: string | null;
  snippet: string;
  rank: number;
}
export interface PassageRow {
  id: number;
  document_id: number;
  ordinal: number;
  start: number;
  end: number;
  text: string;
  slug: string;
  title: string;
  outlet: string | null;
  published: string | null;
  author: string | null;
  url: string | null;
}

const NAME_SQL = `CASE %t WHEN 'actor' THEN (SELECT name FROM actors WHERE id = %i)
  WHEN 'event' THEN (SELECT title FROM events WHERE id = %i) ELSE (SELECT name FROM policies WHERE id = %i) END`;
const nameOf = (t: string, i: string) => NAME_SQL.replaceAll('%t', t).replaceAll('%i', i);

// Alias rows with the name and slug of the entity each belongs to.
const ALIAS_SELECT = `SELECT a.entity_type AS type, a.entity_id AS id, a.alias, a.folded, a.weak, ${nameOf('a.entity_type', 'a.entity_id')} AS name,
  CASE a.entity_type WHEN 'actor' THEN (SELECT slug FROM actors WHERE id = a.entity_id)
    WHEN 'event' THEN (SELECT slug FROM events WHERE id = a.entity_id) ELSE (SELECT slug FROM policies WHERE id = a.entity_id) END AS slug
  FROM`;

/** FTS5 query from free text: every word a quoted term, so no user text is ever FTS syntax. */
export function ftsQuery(text: string, mode: 'and' | 'or' = 'and'): string | null {
  const words = fold(text)
    .split(' ')
    .filter((w) => w.length > 0)
    .slice(0, 16);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '""')}"`).join(mode === 'and' ? ' ' : ' OR ');
}

/**
 * FTS5 query requiring every word of three letters or more as a word prefix ("pegas" finds "Pegasus"), the
 * way a timeline's about: filter reads words. Null when no such word is left.
 */
export function ftsPrefixQuery(text: string): string | null {
  const words = fold(text)
    .split(' ')
    .filter((w) => w.length > 2)
    .slice(0, 16);
  return words.length === 0 ? null : words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
}

/** What a timeline asks for; the store filters, orders and limits, so a ×1000 store reads only what is shown. */
export interface TimelineFilter {
  /** ISO days bounding the range; a row counts when its own span (a year, a month, a day) overlaps it. */
  from: string;
  to: string;
  actorId?: number;
  /** Rows concerning this entity, or (either) whose text holds these words. */
  aboutEntity?: { type: EntityType; id: number };
  aboutWords?: string;
  limit: number;
}

/** What `quote` asks for; every part is optional and they combine with AND. */
export interface QuoteFilter {
  speakerId?: number;
  /** Quotes in passages naming this entity, or whose words match `aboutWords`. */
  aboutEntity?: { type: EntityType; id: number };
  aboutWords?: string;
  /** Words the quote must hold; when given, the best match comes first. */
  text?: string;
  /** ISO days: the quote's document was published in a span overlapping [from, to]. */
  from?: string;
  to?: string;
}

/**
 * Search ranks at most this many matches, the most recently added: bm25 scores every row it ranks, so an
 * unbounded ranking of a word in every passage grows with the store (a second at ×1000 for "search the").
 */
export const RANK_WINDOW = 1000;

/** Past this many mentions, reading an entity's mention list costs more than probing it quote by quote. */
const FREQUENT_MENTIONS = 1000;

/** Every read the commands make, prepared once per connection. */
export class Store {
  private s;
  /** Statements whose WHERE clause depends on which filters are set, prepared once per shape. */
  private shaped = new Map<string, Statement>();

  /** The connection for writes a chat command or the scheduler makes (digest ledger, button state). */
  readonly writer: DB;
  private readonly frequentMentions: number;

  /**
   * `db` serves every read. A serving process opens it read-only and passes its read-write connection as
   * `writer`, so no query can write and an ingest in another process never blocks a reader (WAL).
   */
  constructor(
    public db: DB,
    opts: { writer?: DB; frequentMentions?: number } = {},
  ) {
    this.writer = opts.writer ?? db;
    this.frequentMentions = opts.frequentMentions ?? FREQUENT_MENTIONS;
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      citation: p(
        `SELECT p.id AS passage_id, d.slug, d.title, d.outlet, d.published FROM passages p JOIN documents d ON d.id = p.document_id WHERE p.id = ?`,
      ),
      actorById: p('SELECT * FROM actors WHERE id = ?'),
      actorBySlug: p('SELECT * FROM actors WHERE slug = ?'),
      eventById: p('SELECT * FROM events WHERE id = ?'),
      eventBySlug: p('SELECT * FROM events WHERE slug = ?'),
      policyById: p('SELECT * FROM policies WHERE id = ?'),
      policyBySlug: p('SELECT * FROM policies WHERE slug = ?'),
      aliasesOf: p(
        'SELECT alias, weak FROM aliases WHERE entity_type = ? AND entity_id = ? ORDER BY weak, length(alias)',
      ),
      exact: p(`${ALIAS_SELECT} aliases a WHERE a.folded = ?`),
      prefix: p(`${ALIAS_SELECT} aliases a WHERE a.folded >= ? AND a.folded < ? ORDER BY length(a.folded) LIMIT ?`),
      trigram: p(
        `${ALIAS_SELECT} aliases_trigram t JOIN aliases a ON a.id = t.rowid WHERE aliases_trigram MATCH ? ORDER BY rank LIMIT ?`,
      ),
      // Whole tables for the in-memory name index (src/core/name-index.ts), as arrays, not objects: at ×1000
      // the seeds that is 600k aliases, and joining names in per row cost 3× as much as reading them apart.
      aliasRows: p('SELECT entity_type, entity_id, alias, folded, weak FROM aliases ORDER BY id').raw(),
      entityNames: p(`SELECT 'actor', id, slug, name FROM actors UNION ALL SELECT 'event', id, slug, title FROM events
        UNION ALL SELECT 'policy', id, slug, name FROM policies`).raw(),
      // Changes on any commit by another connection (data_version) or any write by this one (total_changes).
      changeStamp: p('SELECT (SELECT data_version FROM pragma_data_version) AS dv, total_changes() AS tc'),
      factsAbout:
        p(`SELECT f.*, f."end" AS "end", ${nameOf('f.subject_type', 'f.subject_id')} AS subject_name FROM facts f
        WHERE (f.subject_type = ? AND f.subject_id = ?) OR (f.object_type = ? AND f.object_id = ?)
        ORDER BY f.date IS NULL, f.date, f.id`),
      quotesBySpeaker: p(`SELECT q.*, q."end" AS "end", a.name AS speaker_name, d.published FROM quotes q
        LEFT JOIN actors a ON a.id = q.speaker_actor_id JOIN passages p ON p.id = q.passage_id JOIN documents d ON d.id = p.document_id
        WHERE q.speaker_actor_id = ? ORDER BY d.published IS NULL, d.published DESC, q.id DESC LIMIT ?`),
      // Attributed quotes in passages naming an entity, two ways: from the entity's mentions when it is named
      // rarely, or walking quotes in order and probing the mention index when it is named everywhere (a
      // frequent name fills the page within the first quotes; its mention list at scale is tens of thousands).
      quotesMentioningRare: p(`SELECT q.*, q."end" AS "end", a.name AS speaker_name, d.published FROM quotes q
        LEFT JOIN actors a ON a.id = q.speaker_actor_id JOIN passages p ON p.id = q.passage_id JOIN documents d ON d.id = p.document_id
        WHERE q.passage_id IN (SELECT passage_id FROM mentions WHERE entity_type = @type AND entity_id = @id)
          AND (q.speaker_actor_id IS NOT NULL OR q.speaker_label IS NOT NULL) ORDER BY +q.id LIMIT @limit`),
      quotesMentioningFrequent: p(`SELECT q.*, q."end" AS "end", a.name AS speaker_name, d.published FROM quotes q
        LEFT JOIN actors a ON a.id = q.speaker_actor_id JOIN passages p ON p.id = q.passage_id JOIN documents d ON d.id = p.document_id
        WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.entity_type = @type AND m.entity_id = @id AND m.passage_id = q.passage_id)
          AND (q.speaker_actor_id IS NOT NULL OR q.speaker_label IS NOT NULL) ORDER BY q.id LIMIT @limit`),
      mentionCount: p(
        'SELECT count(*) AS n FROM (SELECT 1 FROM mentions WHERE entity_type = ? AND entity_id = ? LIMIT ?)',
      ),
      eventsOfActor:
        p(`SELECT e.*, ea.role FROM event_actors ea JOIN events e ON e.id = ea.event_id WHERE ea.actor_id = ?
        ORDER BY e.date_start IS NULL, e.date_start`),
      policiesOfActor: p(
        `SELECT po.*, pa.role FROM policy_actors pa JOIN policies po ON po.id = pa.policy_id WHERE pa.actor_id = ? ORDER BY po.name`,
      ),
      actorsOfEvent: p(
        `SELECT a.*, ea.role FROM event_actors ea JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id = ? ORDER BY a.name`,
      ),
      actorsOfPolicy: p(
        `SELECT a.*, pa.role FROM policy_actors pa JOIN actors a ON a.id = pa.actor_id WHERE pa.policy_id = ? ORDER BY pa.role, a.name`,
      ),
      stagesOfPolicy: p(
        'SELECT date, stage, passage_id, evidence, start, "end" AS "end" FROM policy_stages WHERE policy_id = ? ORDER BY date IS NULL, date, id',
      ),
      policiesSharingActors:
        p(`SELECT DISTINCT po.* FROM event_actors ea JOIN policy_actors pa ON pa.actor_id = ea.actor_id
        JOIN policies po ON po.id = pa.policy_id WHERE ea.event_id = ? ORDER BY po.name LIMIT 8`),
      passage: p(`SELECT p.*, p."end" AS "end", d.slug, d.title, d.outlet, d.published, d.author, d.url FROM passages p
        JOIN documents d ON d.id = p.document_id WHERE p.id = ?`),
      neighbour: p(`SELECT id, text FROM passages WHERE document_id = ? AND ordinal = ?`),
      // Ranking is bm25 over the matches — all of them up to RANK_WINDOW, else the RANK_WINDOW most recently
      // added: "search the" matches every passage, and scoring 450,000 of them took a second at ×1000. The best
      // rowids come first and snippets are built for those alone (in one ranked query SQLite builds a snippet
      // for every match before sorting).
      searchPassages: p(`SELECT p.id, p.document_id, d.slug, d.title, d.outlet, d.published,
          snippet(passages_fts, 0, '«', '»', '…', 24) AS snippet, bm25(passages_fts) AS rank
        FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid JOIN documents d ON d.id = p.document_id
        WHERE passages_fts MATCH @q AND passages_fts.rowid IN (SELECT id FROM (
            SELECT rowid AS id, bm25(passages_fts) AS r FROM passages_fts WHERE passages_fts MATCH @q
            ORDER BY rowid DESC LIMIT @window) ORDER BY r LIMIT @limit)
        ORDER BY rank LIMIT @limit`),
      quoteMatches: p(
        'SELECT count(*) AS n FROM (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid DESC LIMIT ?)',
      ),
      passageMatches: p(
        'SELECT count(*) AS n FROM (SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rowid DESC LIMIT ?)',
      ),
      searchQuotes: p(`SELECT q.*, q."end" AS "end", a.name AS speaker_name, d.published FROM quotes q
        LEFT JOIN actors a ON a.id = q.speaker_actor_id JOIN passages p ON p.id = q.passage_id
        JOIN documents d ON d.id = p.document_id
        JOIN (SELECT rowid AS id, bm25(quotes_fts) AS r FROM quotes_fts WHERE quotes_fts MATCH @q
          ORDER BY rowid DESC LIMIT @window) best ON best.id = q.id
        ORDER BY best.r LIMIT @limit`),
      // Both walk mentions_entity_passage in order and stop at the limit: cost bounded whatever the store's size.
      entityPassages: p(
        'SELECT DISTINCT passage_id FROM mentions WHERE entity_type = ? AND entity_id = ? ORDER BY passage_id LIMIT ?',
      ),
      entityPassageCount: p(`SELECT count(*) AS n FROM (
          SELECT DISTINCT passage_id FROM mentions WHERE entity_type = ? AND entity_id = ? ORDER BY passage_id LIMIT ?)`),
      documentBySlug: p('SELECT id, slug, title, outlet, published, author, url FROM documents WHERE slug = ?'),
      firstPassage: p('SELECT id FROM passages WHERE document_id = ? ORDER BY ordinal LIMIT 1'),
      aliasVersion: p('SELECT count(*) AS n, COALESCE(max(id), 0) AS top FROM aliases'),
    };
  }

  /**
   * Runs `fn` in one read transaction: every query in it sees the same committed state, so a command answering
   * while an ingest commits never mixes the store before with the store after. (Nested, it is a savepoint.)
   */
  read<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Changes whenever aliases are added or removed, so caches built from them know when to rebuild. */
  aliasVersion(): string {
    const r = this.s.aliasVersion.get() as { n: number; top: number };
    return `${r.n}:${r.top}`;
  }

  /** Every alias with its entity's kind, for building an in-memory matcher. */
  aliasEntries(): AliasEntry[] {
    return loadAliasEntries(this.db);
  }

  citation(passageId: number): CitationRow | undefined {
    return this.s.citation.get(passageId) as CitationRow | undefined;
  }
  actor(idOrSlug: number | string): ActorRow | undefined {
    return (typeof idOrSlug === 'number' ? this.s.actorById.get(idOrSlug) : this.s.actorBySlug.get(idOrSlug)) as
      ActorRow | undefined;
  }
  event(idOrSlug: number | string): EventRow | undefined {
    return (typeof idOrSlug === 'number' ? this.s.eventById.get(idOrSlug) : this.s.eventBySlug.get(idOrSlug)) as
      EventRow | undefined;
  }
  policy(idOrSlug: number | string): PolicyRow | undefined {
    return (typeof idOrSlug === 'number' ? this.s.policyById.get(idOrSlug) : this.s.policyBySlug.get(idOrSlug)) as
      PolicyRow | undefined;
  }
  aliases(type: EntityType, id: number): { alias: string; weak: number }[] {
    return this.s.aliasesOf.all(type, id) as { alias: string; weak: number }[];
  }
  exactAliases(folded: string): AliasCandidate[] {
    return this.s.exact.all(folded) as AliasCandidate[];
  }
  prefixAliases(folded: string, limit: number): AliasCandidate[] {
    return this.s.prefix.all(folded, `${folded}\uffff`, limit) as AliasCandidate[];
  }
  /** Every alias as [type, entity id, alias, folded, weak], in insertion order, one at a time. */
  aliasRows(): IterableIterator<[EntityType, number, string, string, number]> {
    return this.s.aliasRows.iterate() as IterableIterator<[EntityType, number, string, string, number]>;
  }
  /** Every actor, event and policy as [type, id, slug, name or title], one at a time. */
  entityNames(): IterableIterator<[EntityType, number, string, string]> {
    return this.s.entityNames.iterate() as IterableIterator<[EntityType, number, string, string]>;
  }
  /**
   * A cheap stamp that changes whenever the database may have changed: a commit by another connection, or a
   * write by this one. Caches check it on every use and re-check aliasVersion() (a count) only when it moved.
   */
  changeStamp(): string {
    const r = this.s.changeStamp.get() as { dv: number; tc: number };
    return `${r.dv}:${r.tc}`;
  }
  /** Aliases sharing trigrams with the folded query, best first. */
  trigramAliases(folded: string, limit: number): AliasCandidate[] {
    const grams = new Set<string>();
    for (let i = 0; i + 3 <= folded.length; i++) grams.add(folded.slice(i, i + 3));
    if (grams.size === 0) return [];
    const q = [...grams]
      .slice(0, 40)
      .map((g) => `"${g.replace(/"/g, '""')}"`)
      .join(' OR ');
    return this.s.trigram.all(q, limit) as AliasCandidate[];
  }
  factsAbout(type: EntityType, id: number): FactRow[] {
    return this.s.factsAbout.all(type, id, type, id) as FactRow[];
  }
  quotesBySpeaker(actorId: number, limit = 50): QuoteRow[] {
    return this.s.quotesBySpeaker.all(actorId, limit) as QuoteRow[];
  }
  quotesMentioning(type: EntityType, id: number, limit = 50): QuoteRow[] {
    const st = this.mentionCount(type, id, this.frequentMentions) >= this.frequentMentions ? 'Frequent' : 'Rare';
    return this.s[`quotesMentioning${st}`].all({ type, id, limit }) as QuoteRow[];
  }
  /** How many passages name the entity, counted up to `cap`. */
  mentionCount(type: EntityType, id: number, cap: number): number {
    return (this.s.mentionCount.get(type, id, cap) as { n: number }).n;
  }
  eventsOfActor(actorId: number): (EventRow & { role: string })[] {
    return this.s.eventsOfActor.all(actorId) as (EventRow & { role: string })[];
  }
  policiesOfActor(actorId: number): (PolicyRow & { role: string })[] {
    return this.s.policiesOfActor.all(actorId) as (PolicyRow & { role: string })[];
  }
  actorsOfEvent(eventId: number): (ActorRow & { role: string })[] {
    return this.s.actorsOfEvent.all(eventId) as (ActorRow & { role: string })[];
  }
  actorsOfPolicy(policyId: number): (ActorRow & { role: string })[] {
    return this.s.actorsOfPolicy.all(policyId) as (ActorRow & { role: string })[];
  }
  stagesOfPolicy(policyId: number): StageRow[] {
    return this.s.stagesOfPolicy.all(policyId) as StageRow[];
  }
  policiesSharingActors(eventId: number): PolicyRow[] {
    return this.s.policiesSharingActors.all(eventId) as PolicyRow[];
  }
  /** Dated events overlapping the range that pass the filter, earliest first, at most `limit`. */
  timelineEvents(f: TimelineFilter): EventRow[] {
    const w = this.eventsWhere(f);
    if (!w) return [];
    // The arms are disjoint, so merging is a sort of at most twice the limit. The first is read in date order
    // and stops at the limit; the second (spans, few) is sorted — "+" keeps SQLite from walking every earlier
    // event in date order to find them.
    const rows = w.arms.flatMap(
      (arm, i) =>
        this.shape(
          `SELECT e.* FROM events e WHERE ${arm} ORDER BY ${i === 0 ? 'e.date_start' : '+e.date_start'}, e.id LIMIT @limit`,
        ).all({ ...w.params, limit: f.limit }) as EventRow[],
    );
    if (w.arms.length > 1) rows.sort((a, b) => a.date_start!.localeCompare(b.date_start!) || a.id - b.id);
    return rows.slice(0, f.limit);
  }

  /** Dated facts overlapping the range that pass the filter, earliest first, at most `limit`. */
  timelineFacts(f: TimelineFilter): FactRow[] {
    const w = this.factsWhere(f);
    if (!w) return [];
    const sql = `SELECT f.*, f."end" AS "end", ${nameOf('f.subject_type', 'f.subject_id')} AS subject_name FROM facts f
      WHERE ${w.where} ORDER BY f.date, f.id LIMIT @limit`;
    return this.shape(sql).all({ ...w.params, limit: f.limit }) as FactRow[];
  }

  /** How many events and facts pass the filter, each counted up to `limit` (an index walk, no row read). */
  timelineCount(f: TimelineFilter, only?: 'events'): number {
    let n = 0;
    const count = (table: string, where: string, params: Record<string, unknown>) =>
      (
        this.shape(`SELECT count(*) AS n FROM (SELECT 1 FROM ${table} WHERE ${where} LIMIT @limit)`).get({
          ...params,
          limit: f.limit,
        }) as { n: number }
      ).n;
    const e = this.eventsWhere(f);
    for (const arm of e?.arms ?? []) n += count('events e', arm, e!.params);
    const fw = only === 'events' ? null : this.factsWhere(f);
    if (fw) n += count('facts f', fw.where, fw.params);
    return n;
  }

  private eventsWhere(f: TimelineFilter): { arms: string[]; params: Record<string, unknown> } | null {
    // Events starting in the range's years are an index range on date_start; one that started earlier can only
    // reach into the range with an end date, and those few have a partial index of their own (migration 006).
    const starts = 'e.date_start >= @fromYear AND e.date_start <= @to';
    const spans =
      'e.date_end IS NOT NULL AND e.date_end >= @fromYear AND e.date_start < @fromYear AND e.date_start <= @to';
    const common = ["COALESCE(e.date_end, e.date_start) || '-99' >= @from"];
    const params: Record<string, unknown> = { from: f.from, to: f.to, fromYear: f.from.slice(0, 4) };
    if (f.actorId !== undefined) {
      // Driven from the actor's few event links, not by walking every event in the range.
      common.push('e.id IN (SELECT event_id FROM event_actors WHERE actor_id = @actor)');
      params.actor = f.actorId;
    }
    const about = this.aboutClause(f, 'event', 'e.id', 'events_fts', params);
    if (about === false) return null;
    if (about) common.push(about);
    const arms = f.from > '0000-01-01' ? [starts, spans] : [starts];
    return { arms: arms.map((a) => [a, ...common].join(' AND ')), params };
  }

  private factsWhere(f: TimelineFilter): { where: string; params: Record<string, unknown> } | null {
    const where = [
      // "2014" and "2014-09" sort before "2014-09-26", so the year of `from` bounds an index range; the
      // '-99' suffix then keeps a month or year that ends inside the range ("2014" for from:2014-05).
      "f.date >= @fromYear AND f.date <= @to AND f.date || '-99' >= @from",
    ];
    const params: Record<string, unknown> = { from: f.from, to: f.to, fromYear: f.from.slice(0, 4) };
    if (f.actorId !== undefined) {
      where.push(
        "((f.subject_type = 'actor' AND f.subject_id = @actor) OR (f.object_type = 'actor' AND f.object_id = @actor))",
      );
      params.actor = f.actorId;
    }
    const about = f.aboutEntity
      ? this.aboutFactClause(f, params)
      : this.aboutClause(f, null, 'f.id', 'facts_fts', params);
    if (about === false) return null;
    if (about) where.push(about);
    return { where: where.join(' AND '), params };
  }

  /**
   * One page of quotes passing the filter — by relevance when it has text, newest first otherwise — with the
   * speaker's name and the document's date. Filtering, order and paging are SQL's, so a ×1000 store reads a page.
   */
  quotes(f: QuoteFilter, limit: number, offset = 0): QuoteRow[] {
    const w = this.quotesWhere(f);
    if (!w) return [];
    // Words rank by bm25 while they match at most RANK_WINDOW quotes; past that (a word in most quotes) the
    // words only filter and the newest come first, so the cost does not grow with the store.
    const rank =
      w.params.text !== undefined &&
      (this.s.quoteMatches.get(w.params.text, RANK_WINDOW + 1) as { n: number }).n <= RANK_WINDOW;
    const narrowed = rank || f.speakerId !== undefined || f.aboutEntity !== undefined || f.aboutWords !== undefined;
    // A narrowing filter leaves a few rows to sort; without one (a date range, or words found everywhere),
    // walking documents newest first reads only up to the page — SQLite puts undated (NULL) documents last in a
    // descending order.
    const from = narrowed
      ? `quotes q ${rank ? 'JOIN (SELECT rowid AS id, bm25(quotes_fts) AS r FROM quotes_fts WHERE quotes_fts MATCH @text) best ON best.id = q.id' : ''}
         JOIN passages p ON p.id = q.passage_id JOIN documents d ON d.id = p.document_id`
      : 'documents d CROSS JOIN passages p ON p.document_id = d.id CROSS JOIN quotes q ON q.passage_id = p.id';
    const order = rank ? 'best.r, q.id' : 'd.published DESC, d.id DESC, q.id DESC';
    const sql = `SELECT q.*, q."end" AS "end", a.name AS speaker_name, d.published
      FROM ${from} LEFT JOIN actors a ON a.id = q.speaker_actor_id
      WHERE ${w.where} ORDER BY ${order} LIMIT @limit OFFSET @offset`;
    return this.shape(sql).all({ ...w.params, limit, offset }) as QuoteRow[];
  }

  /** How many quotes pass the filter, counted up to `cap`; and how many of those a date range left out. */
  quoteCount(f: QuoteFilter, cap: number): { found: number; undated: number } {
    const w = this.quotesWhere(f);
    if (!w) return { found: 0, undated: 0 };
    const count = (where: string) =>
      (
        this.shape(
          `SELECT count(*) AS n FROM (SELECT 1 FROM quotes q
          JOIN passages p ON p.id = q.passage_id JOIN documents d ON d.id = p.document_id
          WHERE ${where} LIMIT @cap)`,
        ).get({ ...w.params, cap }) as { n: number }
      ).n;
    const found = count(w.where);
    if (f.from === undefined && f.to === undefined) return { found, undated: 0 };
    return { found, undated: count(`${w.undatedWhere} AND d.published IS NULL`) };
  }

  private quotesWhere(f: QuoteFilter): { where: string; undatedWhere: string; params: Record<string, unknown> } | null {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (f.speakerId !== undefined) {
      where.push('q.speaker_actor_id = @speaker');
      params.speaker = f.speakerId;
    }
    if (f.aboutEntity || f.aboutWords !== undefined) {
      const arms: string[] = [];
      if (f.aboutEntity) {
        arms.push(
          'q.passage_id IN (SELECT passage_id FROM mentions WHERE entity_type = @aboutType AND entity_id = @aboutId)',
        );
        params.aboutType = f.aboutEntity.type;
        params.aboutId = f.aboutEntity.id;
      }
      const q = f.aboutWords !== undefined ? ftsQuery(f.aboutWords, 'and') : null;
      if (q) {
        arms.push('q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH @about)');
        params.about = q;
      }
      if (arms.length === 0) return null;
      where.push(`(${arms.join(' OR ')})`);
    }
    if (f.text !== undefined) {
      const q = ftsQuery(f.text, 'and');
      if (!q) return null;
      // "+" keeps SQLite from driving a join by probing every listed id per passage (seconds at ×100).
      where.push('+q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH @text)');
      params.text = q;
    }
    const undatedWhere = where.length ? where.join(' AND ') : '1';
    if (f.from !== undefined || f.to !== undefined) {
      where.push("d.published IS NOT NULL AND d.published <= @to AND d.published || '-99' >= @from");
      params.from = f.from ?? '0000-01-01';
      params.to = f.to ?? '9999-12-31';
    }
    return { where: where.length ? where.join(' AND ') : '1', undatedWhere, params };
  }

  /** The about: condition on the row itself being the entity, or its indexed words; false: nothing can match. */
  private aboutClause(
    f: TimelineFilter,
    selfType: EntityType | null,
    idColumn: string,
    fts: string,
    params: Record<string, unknown>,
  ): string | false | null {
    if (!f.aboutEntity && f.aboutWords === undefined) return null;
    const arms: string[] = [];
    if (f.aboutEntity && f.aboutEntity.type === selfType) {
      arms.push(`${idColumn} = @aboutId`);
      params.aboutId = f.aboutEntity.id;
    }
    const q = f.aboutWords !== undefined ? ftsPrefixQuery(f.aboutWords) : null;
    if (q) {
      arms.push(`${idColumn} IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH @aboutWords)`);
      params.aboutWords = q;
    }
    return arms.length === 0 ? false : `(${arms.join(' OR ')})`;
  }

  private aboutFactClause(f: TimelineFilter, params: Record<string, unknown>): string {
    const e = f.aboutEntity!;
    params.aboutType = e.type;
    params.aboutId = e.id;
    const arms = [
      '(f.subject_type = @aboutType AND f.subject_id = @aboutId)',
      '(f.object_type = @aboutType AND f.object_id = @aboutId)',
    ];
    const q = f.aboutWords !== undefined ? ftsPrefixQuery(f.aboutWords) : null;
    if (q) {
      arms.push('f.id IN (SELECT rowid FROM facts_fts WHERE facts_fts MATCH @aboutWords)');
      params.aboutWords = q;
    }
    return `(${arms.join(' OR ')})`;
  }

  private shape(sql: string): Statement {
    let st = this.shaped.get(sql);
    if (!st) this.shaped.set(sql, (st = this.db.prepare(sql)));
    return st;
  }
  passage(id: number): PassageRow | undefined {
    return this.s.passage.get(id) as PassageRow | undefined;
  }
  neighbour(documentId: number, ordinal: number): { id: number; text: string } | undefined {
    return this.s.neighbour.get(documentId, ordinal) as { id: number; text: string } | undefined;
  }
  searchPassages(text: string, limit: number): PassageHit[] {
    return this.searchPassagesRanked(text, limit).hits;
  }
  /**
   * Passages holding every word (else any word), best first; `windowed` when more than RANK_WINDOW matched
   * and only the most recently added RANK_WINDOW were ranked.
   */
  searchPassagesRanked(text: string, limit: number): { hits: PassageHit[]; windowed: boolean } {
    for (const mode of ['and', 'or'] as const) {
      const q = ftsQuery(text, mode);
      if (!q) break;
      const hits = this.s.searchPassages.all({ q, limit, window: RANK_WINDOW }) as PassageHit[];
      if (hits.length > 0) {
        const n = (this.s.passageMatches.get(q, RANK_WINDOW + 1) as { n: number }).n;
        return { hits, windowed: n > RANK_WINDOW };
      }
    }
    return { hits: [], windowed: false };
  }
  /** Quotes holding every word, best first (ranked within the RANK_WINDOW most recently added matches). */
  searchQuotes(text: string, limit: number): QuoteRow[] {
    const q = ftsQuery(text, 'and');
    return q ? (this.s.searchQuotes.all({ q, limit, window: RANK_WINDOW }) as QuoteRow[]) : [];
  }
  /** The first `limit` passages (in the order they were added) that name the entity. */
  passagesMentioning(type: EntityType, id: number, limit: number): number[] {
    return (this.s.entityPassages.all(type, id, limit) as { passage_id: number }[]).map((r) => r.passage_id);
  }
  /** How many passages name the entity, counted up to `cap`. */
  passagesMentioningCount(type: EntityType, id: number, cap: number): number {
    return (this.s.entityPassageCount.get(type, id, cap) as { n: number }).n;
  }
  documentBySlug(
    slug: string,
  ): { id: number; slug: string; title: string; outlet: string | null; published: string | null } | undefined {
    return this.s.documentBySlug.get(slug) as never;
  }
  firstPassageOf(documentId: number): number | undefined {
    return (this.s.firstPassage.get(documentId) as { id: number } | undefined)?.id;
  }
}
