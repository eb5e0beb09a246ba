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

/** Every read the commands make, prepared once per connection. */
export class Store {
  private s;

  constructor(public db: DB) {
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
      quotesMentioning: p(`SELECT DISTINCT q.*, q."end" AS "end", a.name AS speaker_name, d.published FROM quotes q
        JOIN mentions m ON m.passage_id = q.passage_id AND m.entity_type = ? AND m.entity_id = ?
        LEFT JOIN actors a ON a.id = q.speaker_actor_id JOIN passages p ON p.id = q.passage_id JOIN documents d ON d.id = p.document_id
        WHERE q.speaker_actor_id IS NOT NULL OR q.speaker_label IS NOT NULL ORDER BY q.id LIMIT ?`),
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
      eventsInRange:
        p(`SELECT * FROM events WHERE date_start IS NOT NULL AND date_start <= ? AND COALESCE(date_end, date_start) || '-99' >= ?
        ORDER BY date_start`),
      datedFacts: p(
        `SELECT f.*, f."end" AS "end", ${nameOf('f.subject_type', 'f.subject_id')} AS subject_name FROM facts f WHERE f.date IS NOT NULL ORDER BY f.date`,
      ),
      passage: p(`SELECT p.*, p."end" AS "end", d.slug, d.title, d.outlet, d.published, d.author, d.url FROM passages p
        JOIN documents d ON d.id = p.document_id WHERE p.id = ?`),
      neighbour: p(`SELECT id, text FROM passages WHERE document_id = ? AND ordinal = ?`),
      searchPassages: p(`SELECT p.id, p.document_id, d.slug, d.title, d.outlet, d.published,
          snippet(passages_fts, 0, '«', '»', '…', 24) AS snippet, bm25(passages_fts) AS rank
        FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid JOIN documents d ON d.id = p.document_id
        WHERE passages_fts MATCH ? ORDER BY rank LIMIT ?`),
      searchQuotes: p(`SELECT q.*, q."end" AS "end", a.name AS speaker_name, d.published FROM quotes_fts
        JOIN quotes q ON q.id = quotes_fts.rowid LEFT JOIN actors a ON a.id = q.speaker_actor_id
        JOIN passages p ON p.id = q.passage_id JOIN documents d ON d.id = p.document_id
        WHERE quotes_fts MATCH ? ORDER BY bm25(quotes_fts) LIMIT ?`),
      entityPassages: p('SELECT DISTINCT passage_id FROM mentions WHERE entity_type = ? AND entity_id = ?'),
      allQuotes:
        p(`SELECT q.*, q."end" AS "end", a.name AS speaker_name, d.published FROM quotes q LEFT JOIN actors a ON a.id = q.speaker_actor_id
        JOIN passages p ON p.id = q.passage_id JOIN documents d ON d.id = p.document_id ORDER BY q.id`),
      documentBySlug: p('SELECT id, slug, title, outlet, published, author, url FROM documents WHERE slug = ?'),
      firstPassage: p('SELECT id FROM passages WHERE document_id = ? ORDER BY ordinal LIMIT 1'),
      aliasVersion: p('SELECT count(*) AS n, COALESCE(max(id), 0) AS top FROM aliases'),
    };
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
    return this.s.quotesMentioning.all(type, id, limit) as QuoteRow[];
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
  /** Events whose date span overlaps [from, to] (ISO days). */
  eventsInRange(from: string, to: string): EventRow[] {
    return this.s.eventsInRange.all(to, from) as EventRow[];
  }
  datedFacts(): FactRow[] {
    return this.s.datedFacts.all() as FactRow[];
  }
  passage(id: number): PassageRow | undefined {
    return this.s.passage.get(id) as PassageRow | undefined;
  }
  neighbour(documentId: number, ordinal: number): { id: number; text: string } | undefined {
    return this.s.neighbour.get(documentId, ordinal) as { id: number; text: string } | undefined;
  }
  searchPassages(text: string, limit: number): PassageHit[] {
    for (const mode of ['and', 'or'] as const) {
      const q = ftsQuery(text, mode);
      if (!q) return [];
      const rows = this.s.searchPassages.all(q, limit) as PassageHit[];
      if (rows.length > 0) return rows;
    }
    return [];
  }
  searchQuotes(text: string, limit: number): QuoteRow[] {
    const q = ftsQuery(text, 'and');
    return q ? (this.s.searchQuotes.all(q, limit) as QuoteRow[]) : [];
  }
  passagesMentioning(type: EntityType, id: number): Set<number> {
    return new Set((this.s.entityPassages.all(type, id) as { passage_id: number }[]).map((r) => r.passage_id));
  }
  allQuotes(): QuoteRow[] {
    return this.s.allQuotes.all() as QuoteRow[];
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
