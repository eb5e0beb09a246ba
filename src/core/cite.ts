import type { Store } from '../store/queries.js';
import type { Citation } from './reply.js';

/** The citation for a passage, optionally narrowed to the cited words at [start, end) of the body. */
export function cite(
  store: Store,
  passageId: number,
  excerpt?: string,
  start?: number,
  end?: number,
): Citation | undefined {
  const c = store.citation(passageId);
  if (!c) return undefined;
  return {
    ref: start !== undefined && end !== undefined ? `P${passageId}@${start}-${end}` : `P${passageId}`,
    passageId,
    documentSlug: c.slug,
    title: c.title,
    outlet: c.outlet,
    published: c.published,
    ...(excerpt ? { excerpt } : {}),
  };
}
