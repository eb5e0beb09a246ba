import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleFileError, readArticleFile } from '../../src/ingest/article-file.js';
import { SEEDS_DIR } from '../../src/ingest/corpus.js';
import { CuratedError } from '../../src/ingest/curated.js';
import { AliasMatcher } from '../../src/ingest/mentions.js';
import { addArticle, extractDocument, seed } from '../../src/ingest/pipeline.js';
import { openDb } from '../../src/store/db.js';
import { loadAliasEntries } from '../../src/store/read-ingest.js';
import { StoreWriter } from '../../src/store/write.js';
import { seededStore, snapshot, tempDir } from '../helpers/store.js';

const ARTICLE = `---
title: Senate approves reform on foreign agents
outlet: Test Desk
published: 2020-12
---
The Senate approved the reform on Wednesday.

“Essentially, this is a test of the ingest path,” said Vanda Felbab-Brown, adding that the Defense Ministry must issue permits.
`;

function ingest(db: ReturnType<typeof openDb>, path: string) {
  const w = new StoreWriter(db);
  const matcher = new AliasMatcher(loadAliasEntries(db));
  const article = readArticleFile(path);
  return db.transaction(() => {
    const id = addArticle(w, article);
    if (id !== null) extractDocument(db, w, id, matcher);
    return id;
  })();
}

describe('ingesting newsroom articles', () => {
  const { db } = seededStore();
  const dir = tempDir();

  it('adds a Markdown article with front-matter, links its quote to a known actor', () => {
    const path = join(dir, 'story.md');
    writeFileSync(path, ARTICLE);
    const id = ingest(db, path)!;
    const doc = db
      .prepare('SELECT title, outlet, published, published_precision AS p FROM documents WHERE id = ?')
      .get(id);
    expect(doc).toEqual({
      title: 'Senate approves reform on foreign agents',
      outlet: 'Test Desk',
      published: '2020-12',
      p: 'month',
    });
    const q = db
      .prepare(
        'SELECT q.text, a.name FROM quotes q JOIN passages p ON p.id = q.passage_id JOIN actors a ON a.id = q.speaker_actor_id WHERE p.document_id = ?',
      )
      .get(id);
    expect(q).toEqual({ text: 'Essentially, this is a test of the ingest path,', name: 'Vanda Felbab-Brown' });
  });

  it('is idempotent: the same content again adds no rows', () => {
    const before = snapshot(db);
    const again = join(dir, 'copy.md');
    writeFileSync(again, ARTICLE);
    expect(ingest(db, again)).toBeNull();
    expect(snapshot(db)).toEqual(before);
  });

  it('refuses bad files with a one-line error naming the file, and changes nothing', () => {
    const before = snapshot(db);
    const cases: [string, string | Buffer, RegExp][] = [
      ['empty.txt', '', /is empty/],
      ['binary.bin', Buffer.from([0x89, 0x50, 0x00, 0x01, 0x02]), /binary/],
      ['latin1.txt', Buffer.from([0x50, 0x65, 0xf1, 0x61, 0x0a]), /not valid UTF-8/],
      ['broken.md', '---\ntitle: [unclosed\n---\nBody', /front-matter is not valid YAML/],
      ['open.md', '---\ntitle: x\nBody without closing', /never closed/],
      ['baddate.md', '---\npublished: March 2017\n---\nBody', /published/],
    ];
    for (const [name, content, msg] of cases) {
      const path = join(dir, name);
      writeFileSync(path, content);
      expect(() => readArticleFile(path)).toThrow(ArticleFileError);
      expect(() => readArticleFile(path)).toThrow(msg);
      expect(
        String(
          (() => {
            try {
              readArticleFile(path);
            } catch (e) {
              return (e as Error).message;
            }
          })(),
        ),
      ).toContain(name);
    }
    expect(() => readArticleFile(join(dir, 'missing.txt'))).toThrow(/missing\.txt: no such file/);
    expect(() => readArticleFile(dir)).toThrow(/is a directory/);
    const big = join(dir, 'big.txt');
    writeFileSync(big, Buffer.alloc(6 * 1024 * 1024, 0x61));
    expect(() => readArticleFile(big)).toThrow(/limited to 5 MB/);
    expect(snapshot(db)).toEqual(before);
  });

  it('rolls back a document whose extraction fails midway', () => {
    const before = snapshot(db);
    const w = new StoreWriter(db);
    const path = join(dir, 'rollback.txt');
    writeFileSync(path, 'A different story\n\nIts body has words.');
    const article = readArticleFile(path);
    expect(() =>
      db.transaction(() => {
        addArticle(w, article);
        throw new Error('disk full');
      })(),
    ).toThrow('disk full');
    expect(snapshot(db)).toEqual(before);
  });
});

describe('seeding', () => {
  it('re-seeding gives the same counts (no duplicate rows) and keeps ingested articles', () => {
    const { db } = seededStore();
    const first = snapshot(db);
    seed(db, undefined, { progress: false });
    expect(snapshot(db)).toEqual(first);
  });

  it('refuses a curated item whose evidence is not in its document, naming file, line, item and words, and changes nothing', () => {
    const dir = tempDir();
    cpSync(SEEDS_DIR, dir, { recursive: true });
    const facts = join(dir, 'facts.yaml');
    writeFileSync(
      facts,
      `${readFileSync(facts, 'utf8')}\n- subject: actor:roberto-borge\n  predicate: governed\n  value: Governed Chihuahua\n  source: borge-extradition\n  evidence: "Roberto Borge, who governed the touristy state of Chihuahua"\n`,
    );
    const db = openDb(join(dir, 's.sqlite'));
    seed(db, undefined, { progress: false });
    const before = snapshot(db);
    let err: unknown;
    try {
      seed(db, dir, { progress: false });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CuratedError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/seeds\/facts\.yaml:\d+ fact "actor:roberto-borge governed"/);
    expect(msg).toContain(
      'evidence not found in a passage of borge-extradition: "Roberto Borge, who governed the touristy state of Chihuahua"',
    );
    expect(snapshot(db)).toEqual(before);
    db.close();
  });
});
