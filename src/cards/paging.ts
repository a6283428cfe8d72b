/**
 * Items per page of the update form and receipt. Ten items fit a Slack modal (7 blocks each, 100 at
 * most) and, with the longest answers the inputs allow, stay well under the 80 KB of a Teams card.
 */
export const ITEMS_PER_PAGE = 10;

export interface Page<T> {
  items: T[];
  /** 1-based. */
  page: number;
  pages: number;
}

/** Page `page` of `items`, brought within the pages; an empty list is one empty page. */
export function pageOf<T>(items: readonly T[], page: number, size = ITEMS_PER_PAGE): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  return { items: items.slice((current - 1) * size, current * size), page: current, pages };
}
