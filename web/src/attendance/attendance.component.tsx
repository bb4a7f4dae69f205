import { DatePicker, Descriptions, Flex, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { GridDayOut, PostingMonth, ReportRow } from '../../../common/attendance/attendance.schema';
import { t } from '../../../common/i18n/index';
import { LEAVE_KINDS } from '../../../common/leave/leave-moves';

/** Colours of a day by its kind (the 考勤表's symbols carry the meaning; colour only helps). */
const COLOURS: Record<GridDayOut['kind'], string> = {
  out: 'transparent',
  future: 'transparent',
  rest: '#f5f5f5',
  present: '#f6ffed',
  absent: '#fff1f0',
  leave: '#e6f4ff',
  half: '#e6f4ff',
  missing: '#fff7e6',
};

export const dayLabel = (d: GridDayOut): string =>
  d.kind === 'leave' || d.kind === 'half'
    ? `${t(`attendanceDay.${d.kind}`)}（${t(`leaveKind.${d.leaveKind ?? 'other'}`)}）`
    : t(`attendanceDay.${d.kind}`);

/** A month picker over `YYYY-MM`. */
export function MonthPicker({ value, onChange }: { value: string; onChange: (month: string) => void }) {
  return (
    <DatePicker
      picker="month"
      allowClear={false}
      value={dayjs(`${value}-01`)}
      onChange={(d) => d && onChange(d.format('YYYY-MM'))}
      aria-label={t('attendance.month')}
    />
  );
}

/** The month as a calendar (7 columns, phone-sized): each day its symbol; far check-ins outlined. */
export function MonthCalendar({ month, onDay }: { month: PostingMonth; onDay?: (d: GridDayOut) => void }) {
  const first = new Date(`${month.month}-01T00:00:00Z`).getUTCDay();
  const cells: ReactNode[] = [];
  for (let i = 0; i < first; i++) cells.push(<div key={`pad${i}`} />);
  for (const d of month.days) {
    const n = Number(d.date.slice(8, 10));
    cells.push(
      <Tooltip key={d.date} title={`${d.date} ${dayLabel(d)}${d.far ? `（${t('attendance.far')}）` : ''}`}>
        <button
          type="button"
          data-date={d.date}
          data-kind={d.kind}
          aria-label={`${d.date} ${dayLabel(d)}`}
          onClick={onDay ? () => onDay(d) : undefined}
          disabled={!onDay || d.kind === 'out' || d.kind === 'future'}
          style={{
            minHeight: 44,
            border: d.far
              ? '2px solid #ff4d4f'
              : d.date === month.today
                ? '2px solid #1677ff'
                : '1px solid #f0f0f0',
            borderRadius: 6,
            background: COLOURS[d.kind],
            color: d.kind === 'out' ? '#bfbfbf' : undefined,
            padding: 2,
            cursor: onDay ? 'pointer' : 'default',
            font: 'inherit',
          }}
        >
          <div style={{ fontSize: 11, color: '#8c8c8c' }}>{n}</div>
          <div style={{ fontSize: 15, fontWeight: 600, minHeight: 20 }}>{d.symbol}</div>
        </button>
      </Tooltip>,
    );
  }
  return (
    <div>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(7, 1fr)',
          gap: 4,
          textAlign: 'center',
          marginBottom: 4,
        }}
      >
        {t('attendance.weekdays')
          .split(',')
          .map((w) => (
            <Typography.Text key={w} type="secondary" style={{ fontSize: 12 }}>
              {w}
            </Typography.Text>
          ))}
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 4 }}>{cells}</div>
    </div>
  );
}

/** The month's totals. */
export function MonthSummary({ totals }: { totals: PostingMonth['totals'] }) {
  const days = (n: number) => t('attendance.days', { n });
  const leave = LEAVE_KINDS.filter((k) => totals.leave[k])
    .map((k) => `${t(`leaveKind.${k}`)} ${totals.leave[k]}`)
    .join('，');
  return (
    <Descriptions
      size="small"
      column={{ xs: 2, sm: 3, md: 4 }}
      items={[
        { key: 'present', label: t('attendance.sum.present'), children: days(totals.present) },
        {
          key: 'leave',
          label: t('attendance.sum.leave'),
          children: `${days(totals.leaveTotal)}${leave ? `（${leave}）` : ''}`,
        },
        { key: 'absent', label: t('attendance.sum.absent'), children: days(totals.absent) },
        {
          key: 'missing',
          label: t('attendance.sum.missing'),
          children: totals.missing ? <Tag color="orange">{days(totals.missing)}</Tag> : days(0),
        },
        { key: 'unreturned', label: t('attendance.sum.unreturned'), children: String(totals.unreturned) },
        {
          key: 'far',
          label: t('attendance.sum.far'),
          children: totals.far ? <Tag color="red">{t('attendance.times', { n: totals.far })}</Tag> : '0',
        },
        { key: 'working', label: t('attendance.sum.workingDays'), children: days(totals.workingDays) },
      ]}
    />
  );
}

/** The 考勤表 on a page: one row per posting, one column per day, the totals; rows lacking records flagged. */
export function MonthTable({
  rows,
  loading,
  empty,
  onOpen,
}: {
  rows: ReportRow[];
  loading: boolean;
  empty: string;
  onOpen?: (row: ReportRow) => void;
}) {
  const dayCount = rows[0]?.days.length ?? 0;
  const columns: TableColumnsType<ReportRow> = [
    {
      key: 'name',
      title: t('attendance.report.col.name'),
      fixed: 'left',
      width: 90,
      sorter: (a, b) => a.cadreName.localeCompare(b.cadreName, 'zh-CN'),
      render: (_: unknown, r) =>
        onOpen ? (
          <Typography.Link
            onClick={() => onOpen(r)}
            aria-label={`${t('attendance.unit.detail')} ${r.cadreName}`}
          >
            {r.cadreName}
          </Typography.Link>
        ) : (
          r.cadreName
        ),
    },
    {
      key: 'post',
      title: t('attendance.report.col.post'),
      width: 200,
      render: (_: unknown, r) => `${r.receivingUnitName} ${r.title}`,
    },
    ...Array.from({ length: dayCount }, (_, i) => ({
      key: `d${i + 1}`,
      title: String(i + 1),
      width: 34,
      align: 'center' as const,
      onCell: (r: ReportRow) => {
        const d = r.days[i] as GridDayOut;
        return {
          style: {
            background: COLOURS[d.kind],
            padding: 2,
            ...(d.far ? { outline: '2px solid #ff4d4f', outlineOffset: -2 } : {}),
          },
          title: `${d.date} ${dayLabel(d)}`,
        };
      },
      render: (_: unknown, r: ReportRow) => r.days[i]?.symbol,
    })),
    {
      key: 'present',
      title: t('attendance.report.col.present'),
      width: 70,
      render: (_: unknown, r) => r.totals.present,
    },
    {
      key: 'leave',
      title: t('attendance.report.col.leave'),
      width: 70,
      render: (_: unknown, r) => r.totals.leaveTotal,
    },
    {
      key: 'absent',
      title: t('attendance.report.col.absent'),
      width: 70,
      render: (_: unknown, r) => r.totals.absent,
    },
    {
      key: 'missing',
      title: t('attendance.report.col.missing'),
      width: 80,
      sorter: (a, b) => a.totals.missing - b.totals.missing,
      render: (_: unknown, r) =>
        r.totals.missing ? (
          <Tag color="orange" title={t('attendance.report.missingFlag', { n: r.totals.missing })}>
            {r.totals.missing}
          </Tag>
        ) : (
          0
        ),
    },
  ];
  return (
    <Table<ReportRow>
      rowKey="postingId"
      size="small"
      bordered
      columns={columns}
      dataSource={rows}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: empty }}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: true }}
    />
  );
}

/** The legend of the symbols. */
export function Legend({ text }: { text: string }) {
  return (
    <Flex style={{ marginTop: 8 }}>
      <Typography.Text type="secondary">{text}</Typography.Text>
    </Flex>
  );
}
