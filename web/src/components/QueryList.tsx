import type { ReactNode } from 'react';
import { Empty, ErrorMessage, Loading } from './Status.tsx';

/** What QueryList reads of a react-query result. */
interface ListQuery<D> {
  isPending: boolean;
  error: unknown;
  data: D | undefined;
}

/**
 * The loading / error / empty / list pattern of a list read from the server: "Đang tải…" while it loads, the
 * server's message when it fails, `empty` when there is nothing, else `children` with the items (and the whole
 * answer, for totals).
 */
export function QueryList<D, I>({ query, items, empty, children }: { query: ListQuery<D>; items: (data: D) => readonly I[]; empty: string; children: (items: readonly I[], data: D) => ReactNode }) {
  const list = query.data === undefined ? undefined : items(query.data);
  return (
    <>
      {query.isPending && <Loading />}
      <ErrorMessage error={query.error} />
      {list !== undefined && list.length === 0 && <Empty>{empty}</Empty>}
      {list !== undefined && list.length > 0 && children(list, query.data as D)}
    </>
  );
}
