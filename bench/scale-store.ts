import { statSync } from 'node:fs';
import { type Article, loadSeedArticles } from '../src/ingest/corpus.js';
import { formatDate, type Precision } from '../src/ingest/dates.js';
import { type AliasEntry, AliasMatcher } from '../src/ingest/mentions.js';
import { addArticle, extractDocument, seed } from '../src/ingest/pipeline.js';
import { type DB, openDb } from '../src/store/db.js';
import { fold, slugify } from '../src/store/fold.js';
import { Store } from '../src/store/queries.js';
import { documentPassages, loadAliasEntries } from '../src/store/read-ingest.js';
import { storeStats } from '../src/store/stats.js';
import { StoreWriter } from '../src/store/write.js';
import { now } from './measure.js';
import { CITIES, STATES, type SynthName, actorName, orgName, personName } from './names.js';
import { Rng } from './prng.js';
import { BigramText } from './synth-text.js';

/**
 * Grows a store from the seeds to ×N: each extra "replica" adds what the seeds hold — 14 articles of about 32
 * passages, 157 actors with aliases, 63 dated events, 54 policies, 359 facts and about 40 attributed quotes —
 * all new names, every curated row grounded in a verbatim sentence of a synthetic article, written through the
 * real pipeline (addArticle, extractDocument) and StoreWriter into a database the caller names (a temporary
 * file, never db/). Deterministic: the same scale gives the same store.
 */

/** Per replica, matching the seeded store. */
const PER_REPLICA = { documents: 14, actors: 157, events: 63, policies: 54, facts: 359, quotes: 40 };
const OUTLETS = ['Reuters', 'El Universal', 'Proceso', 'Milenio', 'InSight Crime', 'The Wire', 'Animal Político', 'Zeta Tijuana', 'Ríodoce', 'El País', 'Associated Press', 'La Jornada']; // prettier-ignore
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']; // prettier-ignore

export interface ScaleResult {
  scale: number;
  path: string;
  seedMs: number;
  /** Everything after the seeds: generating, storing articles, curated rows, extraction. */
  growMs: number;
  /** Only addArticle + extractDocument over the synthetic articles: the ingest pipeline's share. */
  ingest: { documents: number; bytes: number; ms: number };
  counts: Record<string, number>;
  dbMb: number;
}

interface Located {
  passageId: number;
  start: number;
  end: number;
  text: string;
}

interface Statement {
  key: string;
  text: string;
}

interface DateText {
  value: string;
  precision: Precision;
  /** As written in a sentence opener: "On 3 May 2016", "In May 2016", "In 2016". */
  opener: string;
}

function randomDate(rng: Rng, from = 1995, to = 2024): DateText {
  const y = rng.int(from, to);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  const mm = String(m).padStart(2, '0');
  const roll = rng.next();
  if (roll < 0.6) {
    const value = `${y}-${mm}-${String(d).padStart(2, '0')}`;
    return { value, precision: 'day', opener: `On ${formatDate(value)}` };
  }
  if (roll < 0.9) return { value: `${y}-${mm}`, precision: 'month', opener: `In ${MONTHS[m - 1]} ${y}` };
  return { value: String(y), precision: 'year', opener: `In ${y}` };
}

/** Builds the ×scale store at `path` (seeds first). `progress` is called after each replica. */
export function buildScaledStore(
  scale: number,
  path: string,
  progress?: (done: number, total: number) => void,
): ScaleResult {
  const db = openDb(path);
  let t = now();
  seed(db, undefined, { progress: false });
  const seedMs = now() - t;

  t = now();
  const seedEntries = loadAliasEntries(db);
  const taken = new Set(seedEntries.map((e) => fold(e.alias)));
  const slugs = { actor: new Set<string>(), event: new Set<string>(), policy: new Set<string>() };
  const text = new BigramText(loadSeedArticles());
  const root = new Rng(`beatbook-scale`);
  const w = new StoreWriter(db);
  const ingest = { documents: 0, bytes: 0, ms: 0 };
  for (let r = 1; r < scale; r++) {
    db.transaction(() => replica(db, w, root.fork(r), r, text, seedEntries, taken, slugs, ingest))();
    progress?.(r, scale - 1);
  }
  const growMs = now() - t;
  const counts = storeStats(db) as unknown as Record<string, number>;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { scale, path, seedMs, growMs, ingest, counts, dbMb: statSync(path).size / 1048576 };
}

/** A slug no other entity of the type has: not another synthetic one (`set`), not a seed one (`exists`). */
function uniqueSlug(set: Set<string>, exists: (slug: string) => boolean, base: string, r: number): string {
  const stem = slugify(base).slice(0, 70).replace(/-+$/, '');
  let slug = stem;
  for (let n = 1; set.has(slug) || exists(slug); n++) slug = `${stem}-r${r}${n > 1 ? `-${n}` : ''}`;
  set.add(slug);
  return slug;
}

function replica(
  db: DB,
  w: StoreWriter,
  rng: Rng,
  r: number,
  text: BigramText,
  seedEntries: AliasEntry[],
  taken: Set<string>,
  slugs: { actor: Set<string>; event: Set<string>; policy: Set<string> },
  ingest: ScaleResult['ingest'],
): void {
  // ——— who and what this replica is about ———
  const actors: SynthName[] = [];
  while (actors.length < PER_REPLICA.actors) {
    const a = actors.length < 60 ? orgName(rng, r * 100 + actors.length) : actorName(rng, r * 100 + actors.length);
    if (taken.has(fold(a.name))) continue;
    a.aliases = a.aliases.filter((x) => !taken.has(fold(x)));
    a.weak = a.weak.filter((x) => !taken.has(fold(x)));
    taken.add(fold(a.name));
    actors.push(a);
  }
  const people = actors.map((a, i) => ({ a, i })).filter((x) => x.a.kind === 'person');
  const bodies = actors.map((a, i) => ({ a, i })).filter((x) => x.a.kind !== 'person');
  const person = () => rng.pick(people);
  const body = () => rng.pick(bodies);
  const statements: Statement[] = [];
  const say = (key: string, s: string) => statements.push({ key, text: s });

  actors.forEach((a, i) => {
    if (a.kind === 'person') {
      const org = body().a.name;
      const role = rng.pick([
        `a former commander of the ${org}`,
        `a spokesperson for the ${org}`,
        `the head of the ${org}`,
        `a lawyer who represents families of the disappeared before the ${org}`,
        `an alleged leader of a criminal cell investigated by the ${org}`,
        `a reporter who has covered the ${org} for a decade`,
        `a senator for ${rng.pick(STATES)}`,
      ]);
      say(`actor:${i}`, `${a.name} is ${role}.`);
    } else {
      const acr = a.acronym ? ` (${a.acronym})` : '';
      const what = rng.pick([
        `opened an investigation into the killings in ${rng.pick(CITIES)}`,
        `deployed officers to ${rng.pick(CITIES)} after a wave of violence`,
        `denied any role in the disappearances`,
        `published a report on torture in ${rng.pick(STATES)}`,
        `has been accused of colluding with local cartels`,
      ]);
      say(`actor:${i}`, `The ${a.name}${acr} ${what}.`);
    }
  });

  const events: { title: string; date: DateText; place: string; actors: { i: number; role: string }[] }[] = [];
  for (let k = 0; k < PER_REPLICA.events; k++) {
    const date = randomDate(rng);
    const city = rng.pick(CITIES);
    const p = person();
    const o = body();
    const kind = rng.int(0, 4);
    const title = [
      `Arrest of ${p.a.name} in ${city}`,
      `Attack on the ${o.a.name} in ${city}`,
      `${o.a.name} opens an inquiry into ${p.a.name}`,
      `Disappearance of ${rng.int(3, 60)} people in ${city}`,
      `Extradition of ${p.a.name} to the United States`,
    ][kind]!;
    const sentence = [
      `${date.opener}, federal agents arrested ${p.a.name} in ${city}.`,
      `${date.opener}, gunmen attacked the ${o.a.name} in ${city}.`,
      `${date.opener}, the ${o.a.name} opened an inquiry into ${p.a.name}.`,
      `${date.opener}, ${title.replace('Disappearance of ', '').replace(/ in .*/, '')} disappeared in ${city}, the ${o.a.name} said.`,
      `${date.opener}, ${p.a.name} was extradited to the United States.`,
    ][kind]!;
    events.push({
      title,
      date,
      place: city,
      actors: [
        { i: p.i, role: kind === 0 || kind === 4 ? 'detained' : 'subject' },
        { i: o.i, role: kind === 1 ? 'target' : 'investigator' },
      ],
    });
    say(`event:${k}`, sentence);
  }

  const policies: { name: string; aliases: string[]; date: DateText; sponsor: number }[] = [];
  for (let k = 0; k < PER_REPLICA.policies; k++) {
    const state = rng.pick(STATES);
    const year = rng.int(1998, 2023);
    const topic = rng.pick([
      ['Seguridad Pública', 'Public Security'],
      ['Búsqueda de Personas', 'Search for Disappeared Persons'],
      ['Protección a Periodistas', 'Journalist Protection'],
      ['Prevención de la Violencia', 'Violence Prevention'],
      ['Control de Armas', 'Arms Control'],
    ]) as [string, string];
    const form = rng.int(0, 2);
    const name = [
      `Ley de ${topic[0]} del Estado de ${state} (${year})`,
      `Programa Estatal de ${topic[0]} de ${state} ${year}–${year + 6}`,
      `Estrategia de ${topic[0]} de ${state} ${year}`,
    ][form]!;
    const english = [`${state} ${topic[1]} Law of ${year}`, `${state} ${topic[1]} Programme ${year}`, `${state} ${topic[1]} Strategy ${year}`][form]!; // prettier-ignore
    const sponsor = body();
    const date = randomDate(rng, year, year);
    policies.push({ name, aliases: [english].filter((x) => !taken.has(fold(x))), date, sponsor: sponsor.i });
    say(`policy:${k}`, `The ${name} was championed by the ${sponsor.a.name}.`);
    say(`stage:${k}`, `${date.opener}, the ${english} was approved.`);
  }

  const facts: { subject: ['actor' | 'event' | 'policy', number]; object: number | null; predicate: string; value: string; date: DateText | null }[] = []; // prettier-ignore
  for (let k = 0; k < PER_REPLICA.facts; k++) {
    const date = rng.chance(0.8) ? randomDate(rng) : null;
    const opener = date ? `${date.opener}, ` : '';
    const roll = rng.next();
    let sentence: string;
    if (roll < 0.45) {
      const p = person();
      const o = body();
      const kind = rng.int(0, 2);
      const value = [`was appointed head of the ${o.a.name}`, `was questioned by the ${o.a.name}`, `was arrested in ${rng.pick(CITIES)}`][kind]!; // prettier-ignore
      facts.push({ subject: ['actor', p.i], object: kind < 2 ? o.i : null, predicate: ['role', 'questioned_by', 'arrested'][kind]!, value, date }); // prettier-ignore
      sentence = `${opener}${p.a.name} ${value}.`;
    } else if (roll < 0.7) {
      const o = body();
      const value = `reported ${rng.int(12, 2400)} homicides in ${rng.pick(CITIES)}`;
      facts.push({ subject: ['actor', o.i], object: null, predicate: 'reported', value, date });
      sentence = `${opener}the ${o.a.name} ${value}.`;
    } else if (roll < 0.85) {
      const e = rng.int(0, events.length - 1);
      const o = body();
      const value = `was followed by an inquiry by the ${o.a.name}`;
      facts.push({ subject: ['event', e], object: o.i, predicate: 'followed_by', value, date });
      sentence = `${opener}the ${events[e]!.title.charAt(0).toLowerCase()}${events[e]!.title.slice(1)} ${value}.`;
    } else {
      const pol = rng.int(0, policies.length - 1);
      const value = `was challenged before the Supreme Court`;
      facts.push({ subject: ['policy', pol], object: null, predicate: 'challenged', value, date });
      sentence = `${opener}the ${policies[pol]!.name} ${value}.`;
    }
    say(`fact:${k}`, sentence.charAt(0).toUpperCase() + sentence.slice(1));
  }

  for (let k = 0; k < PER_REPLICA.quotes; k++) {
    const p = person().a;
    const inner = text.clause(rng);
    const form = rng.int(0, 2);
    say(
      `quote:${k}`,
      [`“${inner},” said ${p.name}.`, `${p.name} told Reuters: “${inner}.”`, `“${inner},” ${p.short} said.`][form]!,
    );
  }

  // ——— the articles: statements shuffled into paragraphs, with filler prose around them ———
  rng.shuffle(statements);
  const perDoc = Math.ceil(statements.length / PER_REPLICA.documents);
  const located = new Map<string, Located>();
  const docs: { id: number; body: string; offsets: { key: string; start: number; end: number }[] }[] = [];
  for (let d = 0; d < PER_REPLICA.documents; d++) {
    const mine = statements.slice(d * perDoc, (d + 1) * perDoc);
    const paragraphs: string[] = [];
    const offsets: { key: string; start: number; end: number }[] = [];
    let at = 0;
    for (let i = 0; i < mine.length;) {
      const take = rng.chance(0.6) ? 2 : 1;
      const parts: ({ key: string; text: string } | string)[] = mine.slice(i, i + take);
      i += take;
      // Filler around the statements, keeping the paragraph under the 1200 characters at which ingest would
      // cut it at sentence boundaries (a name like "Lindsey O. Lewis" could then straddle two passages).
      const room = () => 1100 - parts.reduce((n, x) => n + (typeof x === 'string' ? x : x.text).length + 1, 0);
      const filler = text.sentence(rng);
      if (filler.length < room()) parts.splice(rng.int(0, parts.length), 0, filler);
      const more = text.sentence(rng);
      if (rng.chance(0.3) && more.length < room()) parts.push(more);
      let paragraph = '';
      for (const part of parts) {
        if (paragraph) paragraph += ' ';
        if (typeof part === 'string') paragraph += part;
        else {
          offsets.push({ key: part.key, start: at + paragraph.length, end: at + paragraph.length + part.text.length });
          paragraph += part.text;
        }
      }
      paragraphs.push(paragraph);
      at += paragraph.length + 2;
    }
    const body = paragraphs.join('\n\n');
    const published = randomDate(rng, 2005, 2024);
    const article: Article = {
      slug: `synthetic-${r}-${d}`,
      title: text
        .sentence(rng)
        .slice(0, 90)
        .replace(/[.,;:]+$/, ''),
      outlet: rng.pick(OUTLETS),
      author: personName(rng).name,
      published: published.value,
      publishedPrecision: published.precision,
      url: `https://example.org/beatbook-bench/${r}/${d}`,
      sourceFile: 'bench:synthetic',
      body,
      furniture: [],
      origin: 'ingest',
    };
    const t = now();
    const id = addArticle(w, article);
    ingest.ms += now() - t;
    if (id === null) continue;
    ingest.documents++;
    ingest.bytes += Buffer.byteLength(body);
    docs.push({ id, body, offsets });
    const passages = documentPassages(db, id);
    for (const o of offsets) {
      const p = passages.find((x) => o.start >= x.start && o.end <= x.end);
      if (p) located.set(o.key, { passageId: p.id, start: o.start, end: o.end, text: body.slice(o.start, o.end) });
    }
  }

  // ——— the curated rows, each grounded in its sentence ———
  const store = new Store(db);
  const where = (key: string): Located => {
    const g = located.get(key);
    if (!g)
      throw new Error(
        `scaler: statement ${key} of replica ${r} is not inside one passage: ${statements.find((x) => x.key === key)?.text}`,
      );
    return g;
  };
  const newEntries: AliasEntry[] = [];
  const actorIds: number[] = [];
  actors.forEach((a, i) => {
    const g = where(`actor:${i}`);
    const id = w.insertActor({
      slug: uniqueSlug(slugs.actor, (x) => store.actor(x) !== undefined, a.name, r),
      name: a.name,
      kind: a.kind,
      country: rng.chance(0.85) ? 'Mexico' : 'United States',
      summary: g.text,
      passageId: g.passageId,
      evidence: g.text,
    });
    actorIds.push(id);
    for (const alias of a.aliases) {
      w.insertAlias('actor', id, alias, false);
      newEntries.push({ entityType: 'actor', entityId: id, alias, kind: a.kind, weak: false });
    }
    for (const alias of a.weak) w.insertAlias('actor', id, alias, true);
  });
  const eventIds: number[] = [];
  events.forEach((e, k) => {
    const g = where(`event:${k}`);
    const id = w.insertEvent({
      slug: uniqueSlug(slugs.event, (x) => store.event(x) !== undefined, e.title, r),
      title: e.title,
      kind: 'other',
      dateStart: e.date.value,
      dateEnd: null,
      precision: e.date.precision,
      place: e.place,
      summary: g.text,
      passageId: g.passageId,
      evidence: g.text,
    });
    eventIds.push(id);
    w.insertAlias('event', id, e.title, false);
    newEntries.push({ entityType: 'event', entityId: id, alias: e.title, kind: 'event', weak: false });
    for (const a of e.actors) w.insertEventActor(id, actorIds[a.i]!, a.role);
  });
  const policyIds: number[] = [];
  policies.forEach((p, k) => {
    const g = where(`policy:${k}`);
    const id = w.insertPolicy({
      slug: uniqueSlug(slugs.policy, (x) => store.policy(x) !== undefined, p.name, r),
      name: p.name,
      kind: 'law',
      jurisdiction: 'state',
      status: 'enacted',
      introduced: null,
      enacted: p.date.value,
      summary: g.text,
      passageId: g.passageId,
      evidence: g.text,
    });
    policyIds.push(id);
    for (const alias of [p.name, ...p.aliases]) {
      w.insertAlias('policy', id, alias, false);
      newEntries.push({ entityType: 'policy', entityId: id, alias, kind: 'policy', weak: false });
    }
    w.insertPolicyActor(id, actorIds[p.sponsor]!, 'sponsor');
    const s = where(`stage:${k}`);
    w.insertStage({ policyId: id, date: p.date.value, precision: p.date.precision, stage: 'approved', passageId: s.passageId, evidence: s.text, start: s.start, end: s.end }); // prettier-ignore
  });
  facts.forEach((f, k) => {
    const g = where(`fact:${k}`);
    const [type, i] = f.subject;
    const subjectId = type === 'actor' ? actorIds[i]! : type === 'event' ? eventIds[i]! : policyIds[i]!;
    w.insertFact({
      subjectType: type,
      subjectId,
      predicate: f.predicate,
      objectType: f.object === null ? null : 'actor',
      objectId: f.object === null ? null : actorIds[f.object]!,
      value: f.value,
      date: f.date?.value ?? null,
      precision: f.date?.precision ?? null,
      passageId: g.passageId,
      evidence: g.text,
      start: g.start,
      end: g.end,
    });
  });

  // ——— automatic extraction, as for any ingested article: mentions, dates, attributed quotes ———
  const matcher = new AliasMatcher([...seedEntries, ...newEntries]);
  for (const d of docs) {
    const t = now();
    extractDocument(db, w, d.id, matcher);
    ingest.ms += now() - t;
  }
}
