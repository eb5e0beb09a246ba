import { describe, expect, it } from 'vitest';
import { fold } from '../../src/store/fold.js';
import { storeStats } from '../../src/store/stats.js';
import { verifyStore } from '../../src/store/verify.js';
import { seededStore } from '../helpers/store.js';

describe('the curated beat book', () => {
  const { db } = seededStore();

  it('meets the size the newsroom needs and verifies against the corpus', () => {
    const s = storeStats(db);
    expect(s.actors).toBeGreaterThanOrEqual(100);
    expect(s.events).toBeGreaterThanOrEqual(40);
    expect(s.policies).toBeGreaterThanOrEqual(25);
    expect(s.facts).toBeGreaterThanOrEqual(150);
    expect(verifyStore(db).failures).toEqual([]);
  });

  const event = (slug: string) =>
    db.prepare('SELECT title, date_start, date_precision, place FROM events WHERE slug = ?').get(slug) as Record<
      string,
      string
    >;
  const factsOf = (actor: string) =>
    db
      .prepare(
        `SELECT f.value, f.date, f.evidence, d.slug AS doc FROM facts f JOIN actors a ON a.id = f.subject_id AND f.subject_type = 'actor'
      JOIN passages p ON p.id = f.passage_id JOIN documents d ON d.id = p.document_id WHERE a.slug = ?`,
      )
      .all(actor) as Record<string, string>[];

  it('dates Cienfuegos’s arrest by DEA agents to 15 October 2020, from the security-law article', () => {
    expect(event('cienfuegos-arrest')).toMatchObject({ date_start: '2020-10-15', date_precision: 'day' });
    const roles = db
      .prepare(
        `SELECT a.slug, ea.role FROM event_actors ea JOIN actors a ON a.id = ea.actor_id JOIN events e ON e.id = ea.event_id WHERE e.slug = 'cienfuegos-arrest'`,
      )
      .all() as { slug: string }[];
    expect(roles.map((r) => r.slug)).toEqual(
      expect.arrayContaining(['salvador-cienfuegos-zepeda', 'drug-enforcement-administration']),
    );
    const arrest = factsOf('salvador-cienfuegos-zepeda').find((f) => f.date === '2020-10-15')!;
    expect(arrest.evidence).toContain('Cienfuegos was arrested by DEA agents on U.S. soil on October 15');
    expect(arrest.doc).toBe('security-law-reforms');
  });

  it('keeps the Law of Internal Security’s passage in Congress at month precision (December 2017)', () => {
    const stages = db
      .prepare(
        `SELECT s.date, s.date_precision AS p, s.stage FROM policy_stages s JOIN policies po ON po.id = s.policy_id WHERE po.slug = 'law-of-internal-security'`,
      )
      .all() as { date: string; p: string; stage: string }[];
    expect(stages.some((s) => s.date === '2017-12' && s.p === 'month' && /congress/i.test(s.stage))).toBe(true);
    expect(stages.every((s) => s.date === null || !/^2017-12-\d\d$/.test(s.date))).toBe(true);
  });

  it('dates Roberto Borge’s extradition from Panama to 4 January 2018', () => {
    expect(event('borge-extradition')).toMatchObject({ date_start: '2018-01-04', date_precision: 'day' });
    expect(factsOf('roberto-borge').some((f) => /Quintana Roo/.test(f.value ?? ''))).toBe(true);
  });

  it('dates Tlatelolco, Ayotzinapa and the inauguration at day precision', () => {
    expect(event('tlatelolco-massacre')).toMatchObject({ date_start: '1968-10-02', date_precision: 'day' });
    expect(event('ayotzinapa-disappearance')).toMatchObject({ date_start: '2014-09-26', date_precision: 'day' });
    expect(event('amlo-inauguration')).toMatchObject({ date_start: '2018-12-01', date_precision: 'day' });
  });

  it('gives every alias to exactly one actor (weak aliases excepted)', () => {
    const rows = db
      .prepare(
        `SELECT folded, count(DISTINCT entity_id) AS n FROM aliases WHERE entity_type = 'actor' AND weak = 0 GROUP BY folded HAVING n > 1`,
      )
      .all();
    expect(rows).toEqual([]);
    const owner = (alias: string) =>
      (
        db
          .prepare(
            `SELECT a.slug FROM aliases al JOIN actors a ON a.id = al.entity_id WHERE al.entity_type = 'actor' AND al.folded = ?`,
          )
          .get(fold(alias)) as { slug: string } | undefined
      )?.slug;
    expect(owner('AMLO')).toBe('andres-manuel-lopez-obrador');
    expect(owner('Lopez Obrador')).toBe('andres-manuel-lopez-obrador');
    expect(owner('El Chapo')).toBe('joaquin-guzman-loera');
    expect(owner('Cisen')).toBe('cisen');
    expect(owner('SEDENA')).toBe('sedena');
  });

  it('marks short ambiguous names as weak aliases', () => {
    const weak = db.prepare(`SELECT alias FROM aliases WHERE weak = 1`).all() as { alias: string }[];
    expect(weak.map((w) => w.alias)).toEqual(expect.arrayContaining(['Peña']));
  });
});
