import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listMigrations, openDb, schemaVersion } from '../../src/store/db.js';
import { fold, slugify } from '../../src/store/fold.js';
import { tempDir } from '../helpers/store.js';

describe('folding', () => {
  it('folds "Peña Nieto", "PENA NIETO" and "pena-nieto" alike', () => {
    expect(fold('Peña Nieto')).toBe('pena nieto');
    expect(fold('PENA NIETO')).toBe('pena nieto');
    expect(fold('pena-nieto')).toBe('pena nieto');
  });
  it('drops accents and collapses punctuation', () => {
    expect(fold('Andrés Manuel López Obrador')).toBe('andres manuel lopez obrador');
    expect(fold('  Secretaría de Defensa Nacional (SEDENA) ')).toBe('secretaria de defensa nacional sedena');
    expect(slugify('Tomás Zerón')).toBe('tomas-zeron');
  });
});

describe('migrations', () => {
  it('opens with WAL, foreign keys and a busy timeout, and records every migration', () => {
    const db = openDb(join(tempDir(), 'a.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion(db)).toBe(listMigrations().at(-1)!.version);
    db.close();
  });

  it('migrates an older database when it is opened', () => {
    const path = join(tempDir(), 'old.sqlite');
    const old = openDb(path, { migrateTo: 1 });
    expect(schemaVersion(old)).toBe(1);
    old.prepare("INSERT INTO meta (key, value) VALUES ('kept', 'yes')").run();
    expect(() => old.prepare('SELECT count(*) FROM ingest_runs').get()).toThrow(/no such table/);
    old.close();

    const db = openDb(path);
    expect(schemaVersion(db)).toBe(listMigrations().at(-1)!.version);
    expect(db.prepare('SELECT count(*) AS n FROM ingest_runs').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT value FROM meta WHERE key = 'kept'").get()).toEqual({ value: 'yes' });
    db.close();
  });
});
