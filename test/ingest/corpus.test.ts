import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, loadSeedArticles } from '../../src/ingest/corpus.js';
import { findDates, formatDate } from '../../src/ingest/dates.js';
import { findFurniture } from '../../src/ingest/furniture.js';
import { splitPassages } from '../../src/ingest/passages.js';
import { seededStore } from '../helpers/store.js';

const articles = loadSeedArticles();

describe('article splitting', () => {
  it('finds the 14 articles inside the 5 corpus files, ten of them in file 000', () => {
    expect(articles).toHaveLength(14);
    expect(articles.filter((a) => a.sourceFile.endsWith('000_d64ea16d8023a4bb.txt'))).toHaveLength(10);
  });

  it('cuts file 000 exactly at each article title, losing no text', () => {
    const file = readFileSync(join(CORPUS_DIR, '000_d64ea16d8023a4bb.txt'), 'utf8');
    const inFile = articles.filter((a) => a.sourceFile.endsWith('000_d64ea16d8023a4bb.txt'));
    for (const a of inFile) expect(file).toContain(a.body);
    expect(inFile.map((a) => a.body.split('\n')[0])).toContain(
      'Former Mexican Governor Extradited by Panama on Charges of Corruption',
    );
    const borge = inFile.find((a) => a.slug === 'borge-extradition')!;
    expect(borge.body).toContain('in the northern state of Chihuahua.');
    expect(borge.body).not.toContain('Mexican National Human Rights Commission');
  });

  it('keeps metadata only where the text states it', () => {
    const reforms = articles.find((a) => a.slug === 'security-law-reforms')!;
    expect(reforms.title).toBe('Mexican Security Law Reforms May Impact Bilateral Initiatives on Organized Crime');
    expect([reforms.published, reforms.publishedPrecision]).toEqual(['2021-01-11', 'day']);
    const arzt = articles.find((a) => a.slug === 'arzt-road-ahead')!;
    expect([arzt.author, arzt.published, arzt.publishedPrecision]).toEqual(['Sigrid Arzt', '2009-09', 'month']);
    expect(articles.find((a) => a.slug === 'borge-extradition')!.published).toBeNull();
  });
});

describe('page furniture', () => {
  const passagesOf = (slug: string) => {
    const a = articles.find((x) => x.slug === slug)!;
    return splitPassages(a.body, findFurniture(a.body, a.furniture)).map((p) => p.text);
  };
  const all = articles.flatMap((a) => passagesOf(a.slug)).join('\n');

  it('drops "Also Read" links, appeals, comment boxes and "do not quote" footers from every passage', () => {
    expect(all).not.toMatch(/Also Read:/i);
    expect(all).not.toContain('Support The Wire');
    expect(all).not.toContain('Leave a Comment');
    expect(all).not.toContain('Your email address will not be published');
    expect(all).not.toContain('Preliminary version, do not quote');
  });

  it('drops the "Similar documents" list of 004 and keeps the paper after "Transcription:"', () => {
    const p = passagesOf('arzt-road-ahead');
    expect(p.join('\n')).not.toContain('IN THE IOWA DISTRICT COURT');
    expect(p.join('\n')).not.toContain('Transcription:');
    expect(p.some((t) => t.includes('Make no mistake. A national security threat to Mexico'))).toBe(true);
  });

  it('drops the bibliography and comment box that end 002', () => {
    const p = passagesOf('security-law-reforms').join('\n');
    expect(p).not.toContain('Asmann, Parker.');
    expect(p).toContain('writes Vanda Felbab-Brown of Brookings');
  });

  it('keeps a photo caption printed twice only once', () => {
    const p = passagesOf('borge-extradition').filter((t) => t.startsWith('Roberto Borge (C), former governor'));
    expect(p).toHaveLength(1);
  });

  it('splits long paragraphs at sentence boundaries with offsets into the body', () => {
    const a = articles.find((x) => x.slug === 'arzt-road-ahead')!;
    const ps = splitPassages(a.body, findFurniture(a.body, a.furniture));
    for (const p of ps) {
      expect(a.body.slice(p.start, p.end)).toBe(p.text);
      expect(p.text.length).toBeLessThanOrEqual(1300);
    }
  });
});

describe('dates in text', () => {
  it('reads dates at the precision the text gives and ignores relative ones', () => {
    const found = findDates(
      'On September 26, 2014, they were last seen. In March 2017, journalist Cecilio Pineda was shot dead. Zerón escaped to Israel in 2019. The suspect was detained last week, on Monday.',
    );
    expect(found.map((d) => [d.value, d.precision])).toEqual([
      ['2014-09-26', 'day'],
      ['2017-03', 'month'],
      ['2019', 'year'],
    ]);
    expect(formatDate('2017-03')).toBe('March 2017');
    expect(formatDate('2017')).toBe('2017');
  });

  it('never reads a count as a year', () => {
    expect(findDates('With 329 votes in favor, 98 against, nearly 2,500 municipal police forces')).toEqual([]);
  });
});

describe('the seeded store', () => {
  const { db } = seededStore();
  it('holds 14 documents and every passage offset points at its text', () => {
    expect(db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 14 });
    const bad = db
      .prepare(
        'SELECT count(*) AS n FROM passages p JOIN documents d ON d.id = p.document_id WHERE substr(d.body, p.start + 1, p."end" - p.start) <> p.text',
      )
      .get();
    expect(bad).toEqual({ n: 0 });
  });
  it('records dates mentioned in passages', () => {
    const row = db.prepare("SELECT value, precision FROM date_mentions WHERE text LIKE 'October 2, 1968'").get();
    expect(row).toEqual({ value: '1968-10-02', precision: 'day' });
  });
});
