import type { Context, EntityKind } from './command.js';
import { notFound } from './errors.js';
import type { Reply } from './reply.js';
import { echo } from './reply.js';
import { type EntityRef, resolveEntity } from './resolve.js';

const KIND_WORD: Record<EntityKind, string> = { actor: 'actor', event: 'event', policy: 'policy', any: 'name' };

/**
 * Resolves a name for a command. Returns the entity, or the reply to show instead: a disambiguation with
 * choices, or "not in the store" with the nearest names. `choice` builds the command line a choice runs.
 */
export function lookup(
  ctx: Context,
  kind: EntityKind,
  text: string,
  choice: (e: EntityRef) => string,
): EntityRef | Reply {
  const r = resolveEntity(ctx.store, kind, text);
  if (r.status === 'found') return r.entity;
  if (r.status === 'ambiguous') {
    return {
      ok: true,
      title: `Which one did you mean by "${echo(text, 60)}"?`,
      body: r.candidates.map((c, i) => `${i + 1}. ${c.name} (${c.type})`).join('\n'),
      citations: [],
      choices: r.candidates.map((c) => ({ label: c.name, command: choice(c), description: c.type })),
    };
  }
  const reply = notFound(
    `No ${KIND_WORD[kind]} called "${echo(text, 60)}" is in the store.` +
      (r.suggestions.length ? ` Nearest names: ${r.suggestions.map((s) => s.name).join('; ')}.` : ''),
  );
  return { ...reply, choices: r.suggestions.map((c) => ({ label: c.name, command: choice(c), description: c.type })) };
}

export function isReply(x: EntityRef | Reply): x is Reply {
  return 'citations' in x;
}
