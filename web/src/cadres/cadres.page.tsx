import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { CADRE_SORTS, type Cadre } from '../../../common/cadres/cadres.schema';
import { t } from '../../../common/i18n/index';
import { useAllowed } from '../access/access.hooks';
import { ListTable } from '../common/list-table.component';
import { useListTable, useWide } from '../common/list-table.hooks';
import { PageHeader } from '../common/page-header.component';
import { exportUrl } from '../excel/excel.api';
import { ExcelButtons } from '../excel/excel-buttons.component';
import { CadreFormModal } from './cadre.form';
import { ColumnChoice } from './cadre-columns.component';
import { useCadreList } from './cadres.api';
import { hasCadreFilters, useCadreListSearch, useHiddenColumns } from './cadres.hooks';
import { CadresFilter } from './cadres-filter.component';

/** 干部名册: search by name / pinyin / initials, filter, page, sort; Excel template, import, export. */
export function CadresPage() {
  const [params, update, reset] = useCadreListSearch();
  const list = useCadreList(params);
  const allowed = useAllowed();
  const canImport = allowed('excel.importCadres');
  const canExport = allowed('excel.exportCadres');
  const canExportFull = allowed('cadres.exportFull');
  const canCreate = allowed('cadres.create');
  const wide = useWide();
  const [creating, setCreating] = useState(false);
  const [hiddenColumns, setHiddenColumns] = useHiddenColumns();

  const data = list.data;
  const table = useListTable({ params, update, data, sorts: CADRE_SORTS });

  const columns: TableColumnsType<Cadre> = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('cadres.col.name'),
      sorter: true,
      sortOrder: table.sortOrderOf('name'),
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
      sortOrder: table.sortOrderOf('birthDate'),
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
      sortOrder: table.sortOrderOf('rankLevel'),
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
            <ExcelButtons
              kind="cadres"
              exportHref={canExport ? exportUrl('cadres', params) : undefined}
              fullExportHref={canExport && canExportFull ? exportUrl('cadres', params, true) : undefined}
            />
            <ColumnChoice columns={optionalColumns} hidden={hiddenColumns} onChange={setHiddenColumns} />
          </Flex>
        }
      />
      <Card className="list-card">
        <CadresFilter params={params} onChange={update} onReset={reset} />
        <ListTable<Cadre>
          list={list}
          loadFailed={t('cadres.loadFailed')}
          empty={
            filtered
              ? t('cadres.emptyFiltered')
              : canImport
                ? t('cadres.emptyAll')
                : t('cadres.emptyReadOnly')
          }
          columns={shownColumns}
          onChange={table.onChange}
          pagination={table.pagination}
          scroll={{ x: 1180 }}
        />
      </Card>
      {canCreate ? <CadreFormModal open={creating} cadre={null} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
