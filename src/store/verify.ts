import type { DB } from './db.js';

function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Proves the store against its documents: every fact's and stage's evidence is exactly the body text at its
 * offsets and inside its passage; every curated item's evidence is in its passage; every quote's offsets hold
 * its words; every passage's offsets hold its text. Returns the failures (empty when all check out).
 */
export function verifyStore(db: DB): { checked: number; failures: string[] } {
  const failures: string[] = [];
  let checked = 0;
  const passages = db
    .prepare(
      `SELECT p.id, p.start, p."end" AS "end", p.text, d.body, d.slug
    FROM passages p JOIN documents d ON d.id = p.document_id`,
    )
    .all() as { id: number; start: number; end: number; text: string; body: string; slug: string }[];
  const byId = new Map(passages.map((p) => [p.id, p]));
  for (const p of passages) {
    checked++;
    if (p.body.slice(p.start, p.end) !== p.text)
      failures.push(`passage ${p.id} of ${p.slug}: offsets do not hold its text`);
  }
  const located = (
    kind: string,
    rows: { id: number; passage_id: number; evidence: string; start: number; end: number }[],
  ) => {
    for (const r of rows) {
      checked++;
      const p = byId.get(r.passage_id);
      if (!p) failures.push(`${kind} ${r.id}: passage ${r.passage_id} missing`);
      else if (p.body.slice(r.start, r.end) !== r.evidence)
        failures.push(`${kind} ${r.id}: evidence "${r.evidence.slice(0, 60)}" is not at its offsets in ${p.slug}`);
      else if (r.start < p.start || r.end > p.end)
        failures.push(`${kind} ${r.id}: evidence lies outside passage ${p.id} of ${p.slug}`);
    }
  };
  located('fact', db.prepare('SELECT id, passage_id, evidence, start, "end" AS "end" FROM facts').all() as never);
  located(
    'policy stage',
    db.prepare('SELECT id, passage_id, evidence, start, "end" AS "end" FROM policy_stages').all() as never,
  );
  for (const table of ['actors', 'events', 'policies']) {
    for (const r of db.prepare(`SELECT id, slug, passage_id, evidence FROM ${table}`).all() as {
      id: number;
      slug: string;
      passage_id: number;
      evidence: string;
    }[]) {
      checked++;
      const p = byId.get(r.passage_id);
      if (!p || !squash(p.text).includes(squash(r.evidence)))
        failures.push(`${table.slice(0, -1)} ${r.slug}: evidence "${r.evidence.slice(0, 60)}" not in its passage`);
    }
  }
  for (const q of db.prepare('SELECT id, text, passage_id, start, "end" AS "end" FROM quotes').all() as {
    id: number;
    text: string;
    passage_id: number;
    start: number;
    end: number;
  }[]) {
    checked++;
    const p = byId.get(q.passage_id);
    if (!p) failures.push(`quote ${q.id}: passage missing`);
    else if (p.body.slice(q.start, q.end) !== q.text)
      failures.push(`quote ${q.id}: offsets do not hold its words in ${p.slug}`);
    else if (q.start < p.start || q.end > p.end) failures.push(`quote ${q.id}: outside its passage in ${p.slug}`);
  }
  const ic = db.pragma('integrity_check', { simple: true });
  if (ic !== 'ok') failures.push(`integrity_check: ${String(ic)}`);
  const fk = db.pragma('foreign_key_check') as unknown[];
  if (fk.length > 0) failures.push(`foreign_key_check: ${fk.length} violation(s)`);
  return { checked, failures };
}
