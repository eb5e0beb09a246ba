import type { Paging } from './reply.js';

export const PAGE_SIZE = 10;

/** One page of `items`, and the command lines that reach its neighbours. */
export function paginate<T>(
  items: T[],
  page: number,
  baseLine: string,
  size = PAGE_SIZE,
): { items: T[]; paging?: Paging } {
  const w = pageWindow(items.length, page, baseLine, size);
  const slice = items.slice(w.start, w.end);
  return w.paging ? { items: slice, paging: w.paging } : { items: slice };
}

/**
 * The bounds of one page among `total` items that are not in memory (the store reads only up to `end`), and
 * the command lines that reach its neighbours. A page past the last is the last.
 */
export function pageWindow(
  total: number,
  page: number,
  baseLine: string,
  size = PAGE_SIZE,
): { start: number; end: number; paging?: Paging } {
  const pages = Math.max(1, Math.ceil(total / size));
  const p = Math.min(Math.max(1, page), pages);
  const start = (p - 1) * size;
  const end = Math.min(total, p * size);
  if (pages === 1) return { start, end };
  return {
    start,
    end,
    paging: {
      page: p,
      pages,
      ...(p < pages ? { next: `${baseLine} page:${p + 1}` } : {}),
      ...(p > 1 ? { prev: `${baseLine} page:${p - 1}` } : {}),
    },
  };
}
