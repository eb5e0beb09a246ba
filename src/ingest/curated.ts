import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, isSeq, type Node } from 'yaml';
import type { DB } from '../store/db.js';
import { fold } from '../store/fold.js';
import { documentBySlug, documentPassages, entityIdBySlug, type StoredPassage } from '../store/read-ingest.js';
import type { StoreWriter } from '../store/write.js';
import { parseDateValue, type Precision } from './dates.js';
import type { EntityType } from './mentions.js';
import { findVerbatim } from './verbatim.js';

/** Raised when curated seeds do not check out; lists every problem with file, line and the missing words. */
export class CuratedError extends Error {
  constructor(public problems: string[]) {
    super(`${problems.length} curated item(s) refused:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

interface Located<T> {
  item: T;
  file: string;
  line: number;
}

function readList<T>(dir: string, file: string): Located<T>[] {
  const path = join(dir, file);
  if (!existsSync(path)) return [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter });
  if (doc.errors.length > 0)
    throw new CuratedError(doc.errors.map((e) => `seeds/${file}: ${e.message.split('\n')[0]}`));
  if (doc.contents === null) return [];
  if (!isSeq(doc.contents)) throw new CuratedError([`seeds/${file}: expected a list`]);
  return doc.contents.items.map((node) => ({
    item: (node as Node).toJSON() as T,
    file: `seeds/${file}`,
    line: lineCounter.linePos((node as Node).range?.[0] ?? 0).line,
  }));
}

type Evidence = string | string[];
interface ActorSeed {
  slug: string;
  name: string;
  kind: string;
  country?: string;
  summary?: string;
  aliases?: string[];
  weak_aliases?: string[];
  source: string;
  evidence: Evidence;
}
interface EventSeed {
  slug: string;
  title: string;
  kind: string;
  date?: string | null;
  date_end?: string | null;
  place?: string | null;
  summary?: string;
  aliases?: string[];
  actors?: { actor: string; role: string }[];
  source: string;
  evidence: Evidence;
}
interface StageSeed {
  date?: string | null;
  stage: string;
  source: string;
  evidence: Evidence;
}
interface PolicySeed {
  slug: string;
  name: string;
  kind: string;
  jurisdiction?: string;
  status?: string;
  summary?: string;
  aliases?: string[];
  stages?: StageSeed[];
  actors?: { actor: string; role: string }[];
  source: string;
  evidence: Evidence;
}
interface FactSeed {
  subject: string;
  predicate: string;
  object?: string | null;
  value: string;
  date?: string | null;
  source: string;
  evidence: Evidence;
}

interface Grounding {
  passageId: number;
  evidence: string;
  start: number;
  end: number;
}

/**
 * Loads the curated beat book (actors, events, policies, facts) into the store. Every item's evidence must be
 * found verbatim inside a passage of its source document (page furniture does not count); every reference must
 * name a curated entity. Any failure refuses the whole load with the list of problems.
 */
export function loadCurated(
  db: DB,
  w: StoreWriter,
  dir: string,
): { actors: number; events: number; policies: number; facts: number } {
  const problems: string[] = [];
  const passageCache = new Map<string, { body: string; passages: StoredPassage[] } | null>();
  const docOf = (slug: string) => {
    if (!passageCache.has(slug)) {
      const d = documentBySlug(db, slug);
      passageCache.set(slug, d ? { body: d.body, passages: documentPassages(db, d.id) } : null);
    }
    return passageCache.get(slug)!;
  };
  const where = (l: Located<unknown>, label: string) => `${l.file}:${l.line} ${label}`;

  const ground = (
    l: Located<unknown>,
    label: string,
    source: string,
    evidence: Evidence | undefined,
  ): Grounding | null => {
    const doc = typeof source === 'string' ? docOf(source) : null;
    if (!doc) {
      problems.push(`${where(l, label)}: unknown source document "${source}"`);
      return null;
    }
    const list = [evidence ?? []].flat().filter((e): e is string => typeof e === 'string' && e.trim() !== '');
    if (list.length === 0) {
      problems.push(`${where(l, label)}: no evidence given`);
      return null;
    }
    let first: Grounding | null = null;
    for (const ev of list) {
      let hit = findVerbatim(doc.body, ev);
      let passage: StoredPassage | undefined;
      while (hit) {
        const h = hit;
        passage = doc.passages.find((p) => h.start >= p.start && h.end <= p.end);
        if (passage) break;
        hit = findVerbatim(doc.body, ev, h.start + 1);
      }
      if (!hit || !passage) {
        problems.push(`${where(l, label)}: evidence not found in a passage of ${source}: "${ev}"`);
        continue;
      }
      first ??= { passageId: passage.id, evidence: doc.body.slice(hit.start, hit.end), start: hit.start, end: hit.end };
    }
    return first;
  };
  const date = (
    l: Located<unknown>,
    label: string,
    v: string | null | undefined,
  ): { value: string | null; precision: Precision | null } => {
    if (v === null || v === undefined || v === '') return { value: null, precision: null };
    const d = parseDateValue(String(v));
    if (!d) problems.push(`${where(l, label)}: bad date "${v}" (use YYYY, YYYY-MM or YYYY-MM-DD)`);
    return { value: d?.value ?? null, precision: d?.precision ?? null };
  };

  // Actors first: everything else refers to them.
  const actorFiles = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /^actors(\.extra-[\w-]+)?\.yaml$/.test(f))
        .sort()
    : [];
  const actors = actorFiles.flatMap((f) => readList<ActorSeed>(dir, f));
  const aliasOwner = new Map<string, string>();
  for (const l of actors) {
    const a = l.item;
    const label = `actor ${a.slug}`;
    if (!a.slug || !a.name || !a.kind) {
      problems.push(`${where(l, label)}: slug, name and kind are required`);
      continue;
    }
    if (entityIdBySlug(db, 'actor', a.slug) !== undefined) {
      problems.push(`${where(l, label)}: duplicate slug`);
      continue;
    }
    const g = ground(l, label, a.source, a.evidence);
    if (!g) continue;
    const id = w.insertActor({
      slug: a.slug,
      name: a.name,
      kind: a.kind,
      country: a.country ?? null,
      summary: a.summary ?? null,
      passageId: g.passageId,
      evidence: g.evidence,
    });
    for (const [alias, weak] of [
      [a.name, false] as const,
      ...(a.aliases ?? []).map((x) => [x, false] as const),
      ...(a.weak_aliases ?? []).map((x) => [x, true] as const),
    ]) {
      const key = fold(String(alias));
      const owner = aliasOwner.get(key);
      if (!weak && owner && owner !== a.slug)
        problems.push(`${where(l, label)}: alias "${alias}" already belongs to ${owner}`);
      if (!weak) aliasOwner.set(key, a.slug);
      w.insertAlias('actor', id, String(alias), weak);
    }
  }

  const actorRef = (l: Located<unknown>, label: string, slug: string): number | null => {
    const id = entityIdBySlug(db, 'actor', slug);
    if (id === undefined) problems.push(`${where(l, label)}: unknown actor "${slug}"`);
    return id ?? null;
  };

  const events = readList<EventSeed>(dir, 'events.yaml');
  for (const l of events) {
    const e = l.item;
    const label = `event ${e.slug}`;
    const g = ground(l, label, e.source, e.evidence);
    const start = date(l, label, e.date);
    const end = date(l, label, e.date_end);
    if (!g) continue;
    const id = w.insertEvent({
      slug: e.slug,
      title: e.title,
      kind: e.kind,
      dateStart: start.value,
      dateEnd: end.value,
      precision: start.precision,
      place: e.place ?? null,
      summary: e.summary ?? null,
      passageId: g.passageId,
      evidence: g.evidence,
    });
    w.insertAlias('event', id, e.title, false);
    for (const al of e.aliases ?? []) w.insertAlias('event', id, al, false);
    for (const p of e.actors ?? []) {
      const aid = actorRef(l, label, p.actor);
      if (aid !== null) w.insertEventActor(id, aid, p.role ?? 'participant');
    }
  }

  const policies = readList<PolicySeed>(dir, 'policies.yaml');
  for (const l of policies) {
    const p = l.item;
    const label = `policy ${p.slug}`;
    const g = ground(l, label, p.source, p.evidence);
    if (!g) continue;
    const stages = (p.stages ?? []).map((s) => ({
      s,
      g: ground(l, `${label} stage "${s.stage}"`, s.source, s.evidence),
      d: date(l, `${label} stage "${s.stage}"`, s.date),
    }));
    const dated = stages.filter((x) => x.d.value).sort((a, b) => a.d.value!.localeCompare(b.d.value!));
    const id = w.insertPolicy({
      slug: p.slug,
      name: p.name,
      kind: p.kind,
      jurisdiction: p.jurisdiction ?? null,
      status: p.status ?? null,
      introduced: dated[0]?.d.value ?? null,
      enacted: null,
      summary: p.summary ?? null,
      passageId: g.passageId,
      evidence: g.evidence,
    });
    w.insertAlias('policy', id, p.name, false);
    for (const al of p.aliases ?? []) w.insertAlias('policy', id, al, false);
    for (const { s, g: sg, d } of stages) {
      if (sg)
        w.insertStage({
          policyId: id,
          date: d.value,
          precision: d.precision,
          stage: s.stage,
          passageId: sg.passageId,
          evidence: sg.evidence,
          start: sg.start,
          end: sg.end,
        });
    }
    for (const a of p.actors ?? []) {
      const aid = actorRef(l, label, a.actor);
      if (aid !== null) w.insertPolicyActor(id, aid, a.role ?? 'related');
    }
  }

  const facts = readList<FactSeed>(dir, 'facts.yaml');
  for (const l of facts) {
    const f = l.item;
    const label = `fact "${f.subject} ${f.predicate}"`;
    const subject = parseRef(f.subject);
    const object = f.object ? parseRef(f.object) : null;
    if (!subject)
      problems.push(`${where(l, label)}: bad subject "${f.subject}" (use actor:SLUG, event:SLUG or policy:SLUG)`);
    if (f.object && !object) problems.push(`${where(l, label)}: bad object "${f.object}"`);
    const sid = subject ? entityIdBySlug(db, subject.type, subject.slug) : undefined;
    const oid = object ? entityIdBySlug(db, object.type, object.slug) : undefined;
    if (subject && sid === undefined) problems.push(`${where(l, label)}: unknown ${subject.type} "${subject.slug}"`);
    if (object && oid === undefined) problems.push(`${where(l, label)}: unknown ${object.type} "${object.slug}"`);
    if (!f.value) problems.push(`${where(l, label)}: no value`);
    const g = ground(l, label, f.source, f.evidence);
    const d = date(l, label, f.date);
    if (!g || !subject || sid === undefined || (object && oid === undefined) || !f.value) continue;
    w.insertFact({
      subjectType: subject.type,
      subjectId: sid,
      predicate: f.predicate,
      objectType: object?.type ?? null,
      objectId: oid ?? null,
      value: f.value,
      date: d.value,
      precision: d.precision,
      passageId: g.passageId,
      evidence: g.evidence,
      start: g.start,
      end: g.end,
    });
  }

  if (problems.length > 0) throw new CuratedError(problems);
  return { actors: actors.length, events: events.length, policies: policies.length, facts: facts.length };
}

function parseRef(ref: string): { type: EntityType; slug: string } | null {
  const m = /^(actor|event|policy):([a-z0-9-]+)$/.exec(String(ref ?? '').trim());
  return m ? { type: m[1] as EntityType, slug: m[2]! } : null;
}
