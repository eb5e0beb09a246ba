import { AliasMatcher, type Mention } from '../ingest/mentions.js';
import type { Store } from '../store/queries.js';
import { type EntityRef, entityRef } from './resolve.js';

export interface MentionedEntity extends EntityRef {
  /** Where the name was found in the text (first occurrence). */
  start: number;
  end: number;
  /** The actor's kind ("person", "media"…), or the entity type for events and policies. */
  kind: string;
}

// One matcher per store, rebuilt when the alias table changes (an ingest in another process adds names).
const cache = new WeakMap<Store, { stamp: string; version: string; anyCase: AliasMatcher; strict: AliasMatcher }>();

function matcherFor(store: Store, anyCase: boolean): AliasMatcher {
  // The change stamp costs microseconds; the alias count behind aliasVersion() is only read when it moved.
  const stamp = store.changeStamp();
  let hit = cache.get(store);
  if (!hit || hit.stamp !== stamp) {
    const version = store.aliasVersion();
    if (hit && hit.version === version) hit.stamp = stamp;
    else {
      const entries = store.aliasEntries();
      hit = {
        stamp,
        version,
        anyCase: new AliasMatcher(entries, { anyCase: true }),
        strict: new AliasMatcher(entries),
      };
      cache.set(store, hit);
    }
  }
  return anyCase ? hit.anyCase : hit.strict;
}

/**
 * Raw name matches in a text. `anyCase` for what people type in chat; strict (names capitalised, as in edited
 * copy) for corpus sentences.
 */
export function findMentions(store: Store, text: string, anyCase: boolean): Mention[] {
  return matcherFor(store, anyCase).find(text);
}

/**
 * A strict finder for one read of the store (one command): the matcher is looked up once, and each sentence is
 * scanned once however often it is asked about — `ask` scores the same sentences from several angles.
 */
export function mentionFinder(store: Store): (text: string) => Mention[] {
  const matcher = matcherFor(store, false);
  let seen = found.get(matcher);
  if (!seen) found.set(matcher, (seen = new Map()));
  const memo = seen;
  return (text) => {
    let ms = memo.get(text);
    if (!ms) {
      // Sentences recur question after question; a few thousand cover a working set without growing forever.
      if (memo.size > 5000) memo.clear();
      memo.set(text, (ms = matcher.find(text)));
    }
    return ms;
  };
}
const found = new WeakMap<AliasMatcher, Map<string, Mention[]>>();

/**
 * The actors, events and policies a piece of chat text names, in order of first mention, each once. Only
 * strong aliases link (a bare "Peña" is too ambiguous to act on), acronyms only in capitals.
 */
export function entitiesMentioned(store: Store, text: string, limit = 10): MentionedEntity[] {
  const seen = new Map<string, MentionedEntity>();
  for (const m of findMentions(store, text, true)) {
    const key = `${m.entityType}:${m.entityId}`;
    if (seen.has(key)) continue;
    const ref = entityRef(store, m.entityType, m.entityId);
    if (ref) seen.set(key, { ...ref, start: m.start, end: m.end, kind: m.kind });
    if (seen.size >= limit) break;
  }
  return [...seen.values()];
}
