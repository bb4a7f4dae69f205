import type { TableColumnType, TableProps } from 'antd';
import { useEffect } from 'react';
import type { Page } from '../../../common/http/paging.schema';
import { t } from '../../../common/i18n/index';

const PAGE_SIZES = [10, 20, 50, 100];

interface SortedListParams<S extends string> {
  page: number;
  pageSize: number;
  sort: S;
  order: 'asc' | 'desc';
}

/**
 * What every list page wires between its URL state and an antd Table: the sort arrows, sorting
 * and paging from the table's clicks, the pagination bar, and going back to the last page there
 * is when the one shown has emptied (e.g. after deleting its only row). Written once for the
 * post requests; units, cadres, accounts and audit repeat it and could use it from web/src/common.
 */
export function useListTable<Row, S extends string, P extends SortedListParams<S>>(options: {
  params: P;
  update: (change: Partial<P>) => void;
  data: Page<Row> | undefined;
  sorts: readonly S[];
  wide: boolean;
}) {
  const { params, update, data, sorts, wide } = options;
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
      const key = one?.columnKey;
      const sort = sorts.find((s) => s === key);
      if (one?.order && sort) update({ sort, order: one.order === 'ascend' ? 'asc' : 'desc' } as Partial<P>);
      else update({ sort: undefined, order: undefined } as Partial<P>);
      return;
    }
    if (extra.action === 'paginate') {
      const pageSize = pagination.pageSize ?? params.pageSize;
      update({ page: pageSize === params.pageSize ? (pagination.current ?? 1) : 1, pageSize } as Partial<P>);
    }
  };

  const pagination: TableProps<Row>['pagination'] = {
    current: params.page,
    pageSize: params.pageSize,
    total: data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES,
    showTotal: (total) => t('common.total', { total }),
    showQuickJumper: wide,
    size: wide ? 'medium' : 'small',
  };

  return { sortOrderOf, onChange, pagination };
}
