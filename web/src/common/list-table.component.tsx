import type { UseQueryResult } from '@tanstack/react-query';
import { Empty, Table, type TableProps } from 'antd';
import type { Page } from '../../../common/http/paging.schema';
import { ErrorState } from './error-state.component';
import { useWide } from './list-table.hooks';

export interface ListTableProps<Row> extends Omit<TableProps<Row>, 'dataSource' | 'loading'> {
  /** The page being shown, as its query has it. */
  list: Pick<
    UseQueryResult<Page<Row>>,
    'data' | 'error' | 'isError' | 'isFetching' | 'isPending' | 'refetch'
  >;
  /** The title of the error shown when the first load failed. */
  loadFailed: string;
  /** What an empty list says (filtered, nothing yet, nothing for a reader). */
  empty: string;
}

/**
 * A list's table with its states: the error (with 重试) when it could not load, a quiet space
 * while the first page loads, a sentence when it is empty; sorting by the arrows only.
 */
export function ListTable<Row extends object>({ list, loadFailed, empty, ...table }: ListTableProps<Row>) {
  const wide = useWide();
  if (list.isError && !list.data) {
    return (
      <ErrorState
        title={loadFailed}
        error={list.error}
        onRetry={() => void list.refetch()}
        retrying={list.isFetching}
      />
    );
  }
  return (
    <Table<Row>
      rowKey="id"
      size={wide ? 'middle' : 'small'}
      sortDirections={['ascend', 'descend']}
      showSorterTooltip={false}
      {...table}
      dataSource={list.data?.items ?? []}
      loading={list.isFetching}
      locale={{
        emptyText: list.isPending ? (
          <div style={{ height: 120 }} />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
        ),
      }}
    />
  );
}
