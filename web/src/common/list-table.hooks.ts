import { Grid, type TableColumnType, type TableProps } from 'antd';
import { useEffect } from 'react';
import type { Page } from '../../../common/http/paging.schema';
import { t } from '../../../common/i18n/index';

const PAGE_SIZES = [10, 20, 50, 100];

/** A list state kept in the URL (see list-search.hooks.ts) that a table pages and sorts. */
export interface TableListParams<S extends string> {
  page: number;
  pageSize: number;
  sort?: S;
  order?: 'asc' | 'desc';
}

/** Whether the screen is wide enough for the full table (md and up). */
export function useWide(): boolean {
  return Grid.useBreakpoint().md !== false;
}

/**
 * The pagination bar's total: "共 N 条", or "超过 10000 条" when the server stopped counting
 * (`totalCapped`, common/http/paging.schema.ts) — the bar then pages within the first 10 000.
 */
export function showTotalOf(data: Page<unknown> | undefined): (total: number) => string {
  return (total) => t(data?.totalCapped ? 'common.totalCapped' : 'common.total', { total });
}

/** The page, its size and what a page-size change means: back to page 1. */
export function nextPage(
  pagination: { current?: number | undefined; pageSize?: number | undefined },
  pageSize: number,
): { page: number; pageSize: number } {
  const size = pagination.pageSize ?? pageSize;
  return { page: size === pageSize ? (pagination.current ?? 1) : 1, pageSize: size };
}

/**
 * What every list page wires between its URL state and an antd Table: the sort arrows, sorting
 * and paging from the table's clicks, the pagination bar, and going back to the last page there
 * is when the one shown has emptied (e.g. after deleting its only row). Without `sorts` the
 * table sorts by one thing and only the order changes (the audit log).
 */
export function useListTable<Row, S extends string, P extends TableListParams<S>>(options: {
  params: P;
  update: (change: Partial<P>) => void;
  data: Page<Row> | undefined;
  sorts?: readonly S[];
  pageSizes?: number[];
}) {
  const { params, update, data, sorts, pageSizes = PAGE_SIZES } = options;
  const wide = useWide();
  useEffect(() => {
    if (data && data.items.length === 0 && data.total > 0 && params.page > 1) {
      update({ page: Math.max(1, Math.ceil(data.total / params.pageSize)) } as Partial<P>);
    }
  }, [data, params.page, params.pageSize, update]);

  const sortOrderOf = (key: S): TableColumnType<Row>['sortOrder'] =>
    params.sort === key ? (params.order === 'asc' ? 'ascend' : 'descend') : null;

  const onChange: TableProps<Row>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const order = one?.order === 'ascend' ? 'asc' : 'desc';
      if (!sorts) {
        update({ order } as Partial<P>);
        return;
      }
      const sort = sorts.find((s) => s === one?.columnKey);
      if (one?.order && sort) update({ sort, order } as Partial<P>);
      else update({ sort: undefined, order: undefined } as Partial<P>);
      return;
    }
    if (extra.action === 'paginate') update(nextPage(pagination, params.pageSize) as Partial<P>);
  };

  const pagination: TableProps<Row>['pagination'] = {
    current: params.page,
    pageSize: params.pageSize,
    total: data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: pageSizes,
    showTotal: showTotalOf(data),
    showQuickJumper: wide,
    size: wide ? 'medium' : 'small',
  };

  return { sortOrderOf, onChange, pagination };
}
