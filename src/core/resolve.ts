import Fuse from 'fuse.js';
import { fold } from '../store/fold.js';
import type { AliasCandidate, EntityType, Store } from '../store/queries.js';
import type { EntityKind } from './command.js';
import { GROUP, type StoreNameIndex, storeNameIndex } from './name-index.js';

export interface EntityRef {
  type: EntityType;
  id: number;
  slug: string;
  name: string;
}

export type Resolution =
  | { status: 'found'; entity: EntityRef; via: 'exact' | 'prefix' | 'fuzzy' | 'slug' }
  | { status: 'ambiguous'; candidates: EntityRef[] }
  | { status: 'none'; suggestions: EntityRef[] };

const accepts = (kind: EntityKind, type: EntityType) => kind === 'any' || kind === type;
/** The name index's group mask for a kind. */
const groupsOf = (kind: EntityKind) => (kind === 'any' ? 0xff : 1 << GROUP[kind]);

function distinct(cands: AliasCandidate[], kind: EntityKind): EntityRef[] {
  const seen = new Map<string, EntityRef>();
  for (const c of cands) {
    if (!accepts(kind, c.type)) continue;
    const key = `${c.type}:${c.id}`;
    if (!seen.has(key)) seen.set(key, { type: c.type, id: c.id, slug: c.slug, name: c.name });
  }
  return [...seen.values()];
}

/** The stored row of an actor, event or policy, by id or slug. */
export function entityRow(store: Store, type: EntityType, idOrSlug: number | string) {
  return type === 'actor' ? store.actor(idOrSlug) : type === 'event' ? store.event(idOrSlug) : store.policy(idOrSlug);
}

/** An actor, event or policy as the commands refer to it, by id or slug. */
export function entityRef(store: Store, type: EntityType, idOrSlug: number | string): EntityRef | undefined {
  const row = entityRow(store, type, idOrSlug);
  return row && { type, id: row.id, slug: row.slug, name: 'name' in row ? row.name : row.title };
}

/**
 * Name resolution shared by every command: exact alias → prefix → trigram candidates reranked with fuse.js.
 * Insensitive to accents, case and punctuation. A clear winner is returned as found; close candidates are
 * ambiguous; otherwise the nearest names are offered. Prefixes and trigram candidates come from the store's
 * in-memory name index (src/core/name-index.ts); fuse.js only ever sees those few candidates.
 */
export function resolveEntity(store: Store, kind: EntityKind, text: string): Resolution {
  const q = fold(text);
  if (!q) return { status: 'none', suggestions: [] };

  // A slug (from a disambiguation button) names exactly one entity.
  if (/^[a-z0-9]+(-[a-z0-9]+)+$/.test(text.trim())) {
    for (const type of ['actor', 'event', 'policy'] as const) {
      const entity = accepts(kind, type) ? entityRef(store, type, text.trim()) : undefined;
      if (entity) return { status: 'found', via: 'slug', entity };
    }
  }

  const exact = store.exactAliases(q);
  const strong = distinct(
    exact.filter((c) => !c.weak),
    kind,
  );
  if (strong.length === 1) return { status: 'found', via: 'exact', entity: strong[0]! };
  if (strong.length > 1) return { status: 'ambiguous', candidates: strong };
  const weak = distinct(exact, kind);
  if (weak.length === 1) return { status: 'found', via: 'exact', entity: weak[0]! };
  if (weak.length > 1) return { status: 'ambiguous', candidates: weak };

  const names = storeNameIndex(store);
  const prefixed = candidates(names, names.index.prefix(q, 50));
  const prefix = distinct(prefixed, kind);
  if (prefix.length === 1) return { status: 'found', via: 'prefix', entity: prefix[0]! };

  const similar = names.index.search(q, { limit: 40, perEntity: false, minScore: 0.6, groups: groupsOf(kind) });
  const pool = [
    ...prefixed,
    ...candidates(
      names,
      similar.map((h) => h.entry),
    ),
  ].filter((c) => accepts(kind, c.type));
  if (pool.length === 0) return { status: 'none', suggestions: [] };
  const ranked = rerank(q, pool);
  const best = ranked[0];
  if (!best) return { status: 'none', suggestions: [] };
  const second = ranked[1];
  if (best.score <= 0.3 && (!second || second.score - best.score >= 0.12)) {
    return { status: 'found', via: 'fuzzy', entity: best.entity };
  }
  const close = ranked
    .filter((r) => r.score <= Math.max(0.45, best.score + 0.1))
    .slice(0, 5)
    .map((r) => r.entity);
  if (close.length > 1 && best.score <= 0.45) return { status: 'ambiguous', candidates: close };
  if (close.length === 1 && best.score <= 0.45) return { status: 'found', via: 'fuzzy', entity: best.entity };
  return { status: 'none', suggestions: ranked.slice(0, 5).map((r) => r.entity) };
}

/** fuse.js over a small candidate set: the best score per entity, best first. */
function rerank(q: string, pool: AliasCandidate[]): { entity: EntityRef; score: number }[] {
  const fuse = new Fuse(pool, { keys: ['folded'], includeScore: true, threshold: 0.6, ignoreLocation: true });
  const best = new Map<string, { entity: EntityRef; score: number }>();
  for (const r of fuse.search(q)) {
    const c = r.item;
    const key = `${c.type}:${c.id}`;
    // Weak aliases ("Peña") count, but a little less than full names.
    const score = (r.score ?? 1) + (c.weak ? 0.05 : 0);
    const prev = best.get(key);
    if (!prev || score < prev.score)
      best.set(key, { entity: { type: c.type, id: c.id, slug: c.slug, name: c.name }, score });
  }
  return [...best.values()].sort((a, b) => a.score - b.score || a.entity.name.localeCompare(b.entity.name));
}

function candidates(names: StoreNameIndex, entries: number[]): AliasCandidate[] {
  return entries.map((e) => names.candidate(e));
}

/**
 * Up to 25 choices for a typed prefix, for the platforms' autocomplete: names starting with what was typed
 * (shortest first), then — from three characters on — the closest spellings, ranked by the name index.
 */
export function autocomplete(store: Store, kind: EntityKind, typed: string): EntityRef[] {
  const q = fold(typed);
  if (!q) return [];
  const names = storeNameIndex(store);
  return names.index.complete(q, 25, groupsOf(kind)).map((h) => ({ ...names.entities[h.entity]! }));
}
