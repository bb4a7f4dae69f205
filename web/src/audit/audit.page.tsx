import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import type { AuditEntry } from '../../../common/audit/audit.schema';
import { formatTime } from '../../../common/format/date-time';
import { t } from '../../../common/i18n/index';
import { useAllowed } from '../access/access.hooks';
import { ListTable } from '../common/list-table.component';
import { useListTable } from '../common/list-table.hooks';
import { PageHeader } from '../common/page-header.component';
import { auditExportUrl, useAuditList } from './audit.api';
import { hasAuditFilters, useAuditListSearch } from './audit.hooks';
import { actionLabel, diffLines, isKnownAction, objectTypeLabel, shortId } from './audit.utils';
import { AuditFilter } from './audit-filter.component';

const PAGE_SIZES = [20, 50, 100];
const RESULT_COLORS: Record<AuditEntry['result'], string> = {
  success: 'success',
  denied: 'warning',
  failure: 'error',
};

/** One entry's changes: `字段: 原值 → 新值`, one per line. */
function DiffView({ entry }: { entry: AuditEntry }) {
  const lines = entry.diff ? diffLines(entry.diff) : [];
  if (lines.length === 0) return <Typography.Text type="secondary">{t('audit.noDiff')}</Typography.Text>;
  return (
    <div className="audit-diff">
      <Typography.Text type="secondary">{t('audit.diff')}</Typography.Text>
      <ul>
        {lines.map((line) => (
          <li key={line.field}>
            <span className="audit-diff__field">{line.label}</span>: <span>{line.from}</span>
            <span className="audit-diff__arrow"> → </span>
            <span>{line.to}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** 审计日志 (audit administrator): filter, read the changes of an entry, export what is shown as CSV. */
export function AuditPage() {
  const [params, update, reset] = useAuditListSearch();
  const list = useAuditList(params);
  const allowed = useAllowed();
  const data = list.data;
  const table = useListTable({ params, update, data, pageSizes: PAGE_SIZES });

  const columns: TableColumnsType<AuditEntry> = [
    {
      key: 'seq',
      dataIndex: 'seq',
      title: t('audit.col.seq'),
      width: 84,
      sorter: true,
      sortOrder: params.order === 'asc' ? 'ascend' : 'descend',
    },
    { key: 'at', dataIndex: 'at', title: t('audit.col.at'), width: 168, render: formatTime },
    { key: 'actor', dataIndex: 'actorName', title: t('audit.col.actor'), width: 140, ellipsis: true },
    {
      key: 'action',
      dataIndex: 'action',
      title: t('audit.col.action'),
      width: 160,
      render: (action: string) =>
        isKnownAction(action) ? (
          <Tooltip title={action}>
            <span>{actionLabel(action)}</span>
          </Tooltip>
        ) : (
          <span className="mono">{action}</span>
        ),
    },
    {
      key: 'object',
      title: t('audit.col.object'),
      render: (_: unknown, entry: AuditEntry) =>
        entry.objectType || entry.objectId ? (
          <span>
            {entry.objectType ? objectTypeLabel(entry.objectType) : null}{' '}
            {entry.objectId ? (
              <Tooltip title={`${entry.objectId}（${t('audit.onlyThisObject')}）`}>
                <Typography.Link
                  onClick={() =>
                    update({
                      objectType: entry.objectType ?? undefined,
                      objectId: entry.objectId ?? undefined,
                    })
                  }
                >
                  {/* the object by its name (账号 张三); its id only when it has none or is gone */}
                  {entry.objectName ?? <span className="mono">{shortId(entry.objectId)}</span>}
                </Typography.Link>
              </Tooltip>
            ) : null}
          </span>
        ) : null,
    },
    {
      key: 'result',
      dataIndex: 'result',
      title: t('audit.col.result'),
      width: 80,
      render: (result: AuditEntry['result']) => (
        <Tag color={RESULT_COLORS[result]}>{t(`audit.result.${result}`)}</Tag>
      ),
    },
    {
      key: 'ip',
      dataIndex: 'ip',
      title: t('audit.col.ip'),
      width: 136,
      render: (ip: string | null) => (ip ? <span className="mono">{ip}</span> : null),
    },
  ];

  const exportCsv = () => {
    // a download: the server answers with Content-Disposition: attachment, so the page stays
    window.location.href = auditExportUrl(params);
  };

  const filtered = hasAuditFilters(params);

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        extra={
          allowed('audit.export') ? (
            <Button icon={<DownloadOutlined aria-hidden />} onClick={exportCsv}>
              {t('audit.export')}
            </Button>
          ) : undefined
        }
      />
      <Card className="list-card">
        <AuditFilter params={params} onChange={update} onReset={reset} />
        <ListTable<AuditEntry>
          list={list}
          loadFailed={t('audit.loadFailed')}
          empty={filtered ? t('audit.emptyFiltered') : t('audit.emptyAll')}
          columns={columns}
          onChange={table.onChange}
          pagination={table.pagination}
          rowKey="seq"
          scroll={{ x: 1000 }}
          sortDirections={['descend', 'ascend']}
          expandable={{
            expandedRowRender: (entry) => <DiffView entry={entry} />,
            rowExpandable: (entry) => entry.diff !== null && Object.keys(entry.diff).length > 0,
          }}
        />
      </Card>
    </>
  );
}
