import type { DB } from './db.js';
import type { AliasEntry, EntityType } from '../ingest/mentions.js';

/** Reads the ingest pipeline needs: the alias table for linking, and a document's passages. */
export function loadAliasEntries(db: DB): AliasEntry[] {
  const rows = db
    .prepare(
      `SELECT a.entity_type AS entityType, a.entity_id AS entityId, a.alias, a.weak,
        COALESCE(ac.kind, CASE a.entity_type WHEN 'event' THEN 'event' ELSE 'policy' END) AS kind
      FROM aliases a LEFT JOIN actors ac ON a.entity_type = 'actor' AND ac.id = a.entity_id`,
    )
    .all() as { entityType: EntityType; entityId: number; alias: string; weak: number; kind: string }[];
  return rows.map((r) => ({ ...r, weak: r.weak === 1 }));
}

export interface StoredPassage {
  id: number;
  start: number;
  end: number;
  text: string;
}

export function documentPassages(db: DB, documentId: number): StoredPassage[] {
  return db
    .prepare('SELECT id, start, "end" AS "end", text FROM passages WHERE document_id = ? ORDER BY ordinal')
    .all(documentId) as StoredPassage[];
}

export function documentBySlug(db: DB, slug: string): { id: number; body: string } | undefined {
  return db.prepare('SELECT id, body FROM documents WHERE slug = ?').get(slug) as
    { id: number; body: string } | undefined;
}

export function allDocumentIds(db: DB): number[] {
  return (db.prepare('SELECT id FROM documents ORDER BY id').all() as { id: number }[]).map((r) => r.id);
}

export function entityIdBySlug(db: DB, type: EntityType, slug: string): number | undefined {
  const table = type === 'actor' ? 'actors' : type === 'event' ? 'events' : 'policies';
  return (db.prepare(`SELECT id FROM ${table} WHERE slug = ?`).get(slug) as { id: number } | undefined)?.id;
}

export function getMeta(db: DB, key: string): string | undefined {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}
