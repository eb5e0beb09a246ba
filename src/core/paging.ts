import type { Paging } from './reply.js';

export const PAGE_SIZE = 10;

/** One page of `items`, and the command lines that reach its neighbours. */
export function paginate<T>(
  items: T[],
  page: number,
  baseLine: string,
  size = PAGE_SIZE,
): { items: T[]; paging?: Paging } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(1, page), pages);
  const slice = items.slice((p - 1) * size, p * size);
  if (pages === 1) return { items: slice };
  return {
    items: slice,
    paging: {
      page: p,
      pages,
      ...(p < pages ? { next: `${baseLine} page:${p + 1}` } : {}),
      ...(p > 1 ? { prev: `${baseLine} page:${p - 1}` } : {}),
    },
  };
}
