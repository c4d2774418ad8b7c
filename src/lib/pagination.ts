/**
 * Static pagination for listings. Page 1 lives at the listing's own URL, later pages at
 * `<base>page/N/`, so an article slug can never collide with a page number.
 */
export interface Page<T> {
  items: T[];
  /** 1-based. */
  current: number;
  total: number;
  /** Total item count across all pages. */
  count: number;
  prevUrl?: string;
  nextUrl?: string;
}

export interface PagedPath<T> {
  params: { page: string | undefined };
  props: { page: Page<T> };
}

/** One static path per page; `urlOf(n)` must match the route's URL scheme. */
export function paginate<T>(
  items: readonly T[],
  pageSize: number,
  urlOf: (page: number) => string,
): PagedPath<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new Error(`page size must be a positive integer, got ${pageSize}`);
  const total = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: total }, (_, index) => {
    const current = index + 1;
    const page: Page<T> = {
      items: items.slice(index * pageSize, current * pageSize),
      current,
      total,
      count: items.length,
      ...(current > 1 ? { prevUrl: urlOf(current - 1) } : {}),
      ...(current < total ? { nextUrl: urlOf(current + 1) } : {}),
    };
    return { params: { page: current === 1 ? undefined : `page/${current}` }, props: { page } };
  });
}

/** `paginate` for one listing among several (a beat, a tag): every path also carries the group's route params and props. */
export function paginateGroup<T, P extends Record<string, string>, X extends object>(
  items: readonly T[],
  pageSize: number,
  urlOf: (page: number) => string,
  group: { params: P; props: X },
) {
  return paginate(items, pageSize, urlOf).map((path) => ({
    params: { ...group.params, page: path.params.page },
    props: { ...path.props, ...group.props },
  }));
}
