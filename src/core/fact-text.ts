import { fold } from '../store/fold.js';
import type { EntityType, FactRow } from '../store/queries.js';

/**
 * A fact as a line of a reply. On the subject's own page the value stands alone; elsewhere it is prefixed with
 * the subject's name unless the value already begins with it ("El Universal notes …").
 */
export function factText(f: FactRow, self?: { type: EntityType; id: number }): string {
  if (self && f.subject_type === self.type && f.subject_id === self.id) return f.value;
  return fold(f.value).startsWith(fold(f.subject_name)) ? f.value : `${f.subject_name}: ${f.value}`;
}
