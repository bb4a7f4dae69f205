import { DownloadOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { legend, reportTitle } from '../../../common/attendance/attendance';
import { t } from '../../../common/i18n/index';
import { BatchSelect } from '../common/batch-select.component';
import { PageHeader } from '../common/page-header.component';
import { pendingState } from '../common/query-state.component';
import { download } from '../excel/excel.api';
import { reportExportUrl, useReport } from './attendance.api';
import { Legend, MonthPicker, MonthTable } from './attendance.component';

/**
 * 月度考勤表 (issue 13 line 3): a batch's month for the 组织部 (due by the 5th of the next month),
 * one row per posting and one column per day, with the .xlsx download; a receiving unit sees its
 * part and a sending unit its cadres.
 */
export function AttendanceReportPage() {
  const [search, setSearch] = useSearchParams();
  // the report is of the month just past until the 5th (its due day), then of the current month
  const fallback = dayjs().date() <= 5 ? dayjs().subtract(1, 'month') : dayjs();
  const month = search.get('month') ?? fallback.format('YYYY-MM');
  const batchId = search.get('batchId');
  const report = useReport(month, batchId);
  const set = (next: { month?: string; batchId?: string | null }) => {
    const merged = { month, batchId, ...next };
    setSearch({ month: merged.month, ...(merged.batchId ? { batchId: merged.batchId } : {}) });
  };
  const rows = report.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('attendance.report.pageTitle')}
        extra={
          <>
            <BatchSelect
              style={{ minWidth: 220 }}
              placeholder={t('attendance.report.allBatches')}
              value={batchId}
              onChange={(v) => set({ batchId: v ?? null })}
              aria-label={t('attendance.report.batch')}
            />
            <MonthPicker value={month} onChange={(m) => set({ month: m })} />
            <Button
              icon={<DownloadOutlined />}
              disabled={rows.length === 0}
              onClick={() => download(reportExportUrl(month, batchId))}
            >
              {t('attendance.report.download')}
            </Button>
          </>
        }
      />
      <Typography.Title level={5} style={{ textAlign: 'center' }}>
        {reportTitle(month)}
      </Typography.Title>
      {report.data ? (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('attendance.report.due', { date: report.data.dueBy })}
        </Typography.Paragraph>
      ) : null}
      {report.isError ? (
        pendingState(report, t('attendance.loadFailed'))
      ) : (
        <MonthTable rows={rows} loading={report.isPending} empty={t('attendance.report.empty')} />
      )}
      <Legend text={legend()} />
    </>
  );
}
