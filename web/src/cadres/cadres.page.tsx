import { DownloadOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Empty,
  Flex,
  Grid,
  Table,
  type TableColumnsType,
  type TableColumnType,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { CADRE_SORTS, type Cadre } from '../../../common/cadres/cadres.schema';
import { t } from '../../../common/i18n/index';
import { useAllowed } from '../access/access.hooks';
import { ErrorState } from '../common/error-state.component';
import { PageHeader } from '../common/page-header.component';
import { CadreFormModal } from './cadre.form';
import { ColumnChoice } from './cadre-columns.component';
import { CadreImportModal } from './cadre-import.form';
import { cadreExportUrl, cadreTemplateUrl, useCadreList } from './cadres.api';
import { hasCadreFilters, useCadreListSearch, useHiddenColumns } from './cadres.hooks';
import { CadresFilter } from './cadres-filter.component';

const PAGE_SIZES = [10, 20, 50, 100];
type CadreSort = (typeof CADRE_SORTS)[number];
const isCadreSort = (value: unknown): value is CadreSort => CADRE_SORTS.includes(value as CadreSort);

/** 干部名册: search by name / pinyin / initials, filter, page, sort; Excel template, import, export. */
export function CadresPage() {
  const [params, update, reset] = useCadreListSearch();
  const list = useCadreList(params);
  const allowed = useAllowed();
  const canImport = allowed('excel.importCadres');
  const canExport = allowed('excel.exportCadres');
  const canCreate = allowed('cadres.create');
  const screens = Grid.useBreakpoint();
  const wide = screens.md !== false;
  const [importing, setImporting] = useState(false);
  const [creating, setCreating] = useState(false);
  const [hiddenColumns, setHiddenColumns] = useHiddenColumns();

  // past the last page: go to the last page there is
  const data = list.data;
  useEffect(() => {
    if (data && data.items.length === 0 && data.total > 0 && params.page > 1) {
      update({ page: Math.max(1, Math.ceil(data.total / params.pageSize)) });
    }
  }, [data, params.page, params.pageSize, update]);

  const sortOrderOf = (key: CadreSort): TableColumnType<Cadre>['sortOrder'] =>
    params.sort === key ? (params.order === 'asc' ? 'ascend' : 'descend') : null;

  const columns: TableColumnsType<Cadre> = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('cadres.col.name'),
      sorter: true,
      sortOrder: sortOrderOf('name'),
      width: 96,
      render: (name: string, cadre) => (
        <Link to={`/cadres/${encodeURIComponent(cadre.id)}`}>
          <Typography.Text strong>{name}</Typography.Text>
        </Link>
      ),
    },
    {
      key: 'gender',
      dataIndex: 'gender',
      title: t('cadres.col.gender'),
      width: 60,
      render: (gender: Cadre['gender']) => t(`gender.${gender}`),
    },
    {
      key: 'birthDate',
      dataIndex: 'birthDate',
      title: t('cadres.col.birthDate'),
      sorter: true,
      sortOrder: sortOrderOf('birthDate'),
      width: 112,
    },
    {
      key: 'idNumber',
      dataIndex: 'idNumber',
      title: t('cadres.col.idNumber'),
      width: 176,
      render: (idNumber: string) => <span className="mono">{idNumber}</span>,
    },
    { key: 'unitName', dataIndex: 'unitName', title: t('cadres.col.unit') },
    { key: 'position', dataIndex: 'position', title: t('cadres.col.position') },
    {
      key: 'rankLevel',
      dataIndex: 'rankLevel',
      title: t('cadres.col.rankLevel'),
      sorter: true,
      sortOrder: sortOrderOf('rankLevel'),
      width: 104,
      render: (level: Cadre['rankLevel']) => t(`rankLevel.${level}`),
    },
    {
      key: 'reserve',
      dataIndex: 'reserve',
      title: t('cadres.col.reserve'),
      width: 84,
      render: (reserve: boolean) =>
        reserve ? <Tag color="processing">{t('common.yes')}</Tag> : t('common.no'),
    },
    {
      key: 'expertise',
      dataIndex: 'expertise',
      title: t('cadres.col.expertise'),
      render: (expertise: string[]) => (
        <Flex wrap gap={4}>
          {expertise.map((item) => (
            <Tag key={item} style={{ marginInlineEnd: 0 }}>
              {item}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 72,
      fixed: wide ? 'right' : undefined,
      render: (_: unknown, cadre: Cadre) => (
        <Link to={`/cadres/${encodeURIComponent(cadre.id)}`}>{t('cadres.view')}</Link>
      ),
    },
  ];

  /** Name and actions always show; the others may be hidden with 列设置. */
  const optionalColumns = columns
    .filter((c) => c.key !== 'name' && c.key !== 'actions')
    .map((c) => ({ key: String(c.key), title: String(c.title) }));
  const shownColumns = columns.filter((c) => !hiddenColumns.includes(String(c.key)));

  const onTableChange: TableProps<Cadre>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = one?.columnKey;
      if (one?.order && isCadreSort(key))
        update({ sort: key, order: one.order === 'ascend' ? 'asc' : 'desc' });
      else update({ sort: undefined, order: undefined });
      return;
    }
    if (extra.action === 'paginate') {
      const pageSize = pagination.pageSize ?? params.pageSize;
      update({ page: pageSize === params.pageSize ? (pagination.current ?? 1) : 1, pageSize });
    }
  };

  // downloads: the server answers with Content-Disposition: attachment, so the page stays
  const download = (url: string) => {
    window.location.href = url;
  };

  const filtered = hasCadreFilters(params);

  return (
    <>
      <PageHeader
        title={t('cadres.title')}
        extra={
          <Flex gap={8} wrap>
            {canCreate ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
                {t('cadreForm.create')}
              </Button>
            ) : null}
            {canImport ? (
              <Button icon={<FileExcelOutlined aria-hidden />} onClick={() => download(cadreTemplateUrl())}>
                {t('cadres.downloadTemplate')}
              </Button>
            ) : null}
            {canImport ? (
              <Button icon={<UploadOutlined aria-hidden />} onClick={() => setImporting(true)}>
                {t('cadres.import')}
              </Button>
            ) : null}
            {canExport ? (
              <Button
                icon={<DownloadOutlined aria-hidden />}
                onClick={() => download(cadreExportUrl(params))}
              >
                {t('cadres.export')}
              </Button>
            ) : null}
            <ColumnChoice columns={optionalColumns} hidden={hiddenColumns} onChange={setHiddenColumns} />
          </Flex>
        }
      />
      <Card className="list-card">
        <CadresFilter params={params} onChange={update} onReset={reset} />
        {list.isError && !data ? (
          <ErrorState
            title={t('cadres.loadFailed')}
            error={list.error}
            onRetry={() => void list.refetch()}
            retrying={list.isFetching}
          />
        ) : (
          <Table<Cadre>
            rowKey="id"
            columns={shownColumns}
            dataSource={data?.items ?? []}
            loading={list.isFetching}
            onChange={onTableChange}
            scroll={{ x: 1180 }}
            size={wide ? 'middle' : 'small'}
            sortDirections={['ascend', 'descend']}
            showSorterTooltip={false}
            locale={{
              emptyText: list.isPending ? (
                <div style={{ height: 120 }} />
              ) : (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={
                    filtered
                      ? t('cadres.emptyFiltered')
                      : canImport
                        ? t('cadres.emptyAll')
                        : t('cadres.emptyReadOnly')
                  }
                />
              ),
            }}
            pagination={{
              current: params.page,
              pageSize: params.pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (total) => t('common.total', { total }),
              showQuickJumper: wide,
              size: wide ? 'medium' : 'small',
            }}
          />
        )}
      </Card>
      {canCreate ? <CadreFormModal open={creating} cadre={null} onClose={() => setCreating(false)} /> : null}
      {canImport ? <CadreImportModal open={importing} onClose={() => setImporting(false)} /> : null}
    </>
  );
}
