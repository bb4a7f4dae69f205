import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { legend } from '../../../common/attendance/attendance';
import { t } from '../../../common/i18n/index';
import { errorMessage } from '../api/client';
import { useActivePostings } from '../api/options.hooks';
import { PageHeader } from '../common/page-header.component';
import { pendingState } from '../common/query-state.component';
import { currentPosition, useCheckIn, usePostingMonth } from './attendance.api';
import { Legend, MonthCalendar, MonthPicker, MonthSummary } from './attendance.component';

/**
 * 考勤打卡 (issue 13 line 3): the cadre's phone page — one big button for today (the browser's
 * position sent when allowed), today's status, this month's calendar of own days and its summary.
 */
export function CheckInPage() {
  const postings = useActivePostings(true);
  const posting = postings.data?.items[0] ?? null;
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const view = usePostingMonth(posting?.id ?? null, month);
  const checkIn = useCheckIn();
  const [locating, setLocating] = useState(false);
  const { message } = App.useApp();

  const header = <PageHeader title={t('attendance.checkIn.title')} />;
  const waiting = pendingState(postings, t('attendance.loadFailed'));
  if (waiting)
    return (
      <>
        {header}
        {waiting}
      </>
    );
  if (!posting)
    return (
      <>
        {header}
        <Empty description={t('attendance.noPosting')} />
      </>
    );

  const press = async () => {
    setLocating(true);
    const location = await currentPosition();
    setLocating(false);
    try {
      const done = await checkIn.mutateAsync({ postingId: posting.id, location });
      const far = done.records.find((r) => r.date === done.today)?.far;
      message.success(far ? t('attendance.checkIn.successFar') : t('attendance.checkIn.success'));
      if (!location) message.info(t('attendance.checkIn.noLocation'));
      setMonth(done.today.slice(0, 7));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const data = view.data;
  const canCheckIn = data?.actions.includes('checkIn') ?? false;
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      {header}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space direction="vertical" style={{ width: '100%' }} size={8}>
          <Typography.Text strong>{`${posting.receivingUnitName} ${posting.title}`}</Typography.Text>
          <Typography.Text type="secondary">
            {t('attendance.checkIn.today', { date: data?.today ?? dayjs().format('YYYY-MM-DD') })}
          </Typography.Text>
          {data?.todayStatus ? (
            <Alert
              type={data.todayStatus === 'present' ? 'success' : 'warning'}
              showIcon
              icon={<CheckCircleFilled />}
              message={
                data.todayStatus === 'present'
                  ? t('attendance.checkIn.done')
                  : t('attendance.checkIn.doneAbsent')
              }
            />
          ) : (
            <Button
              type="primary"
              size="large"
              block
              style={{ height: 64, fontSize: 20 }}
              loading={locating || checkIn.isPending}
              disabled={!data || !canCheckIn}
              onClick={() => void press()}
            >
              {locating ? t('attendance.checkIn.locating') : t('attendance.checkIn.button')}
            </Button>
          )}
          {data && !data.todayStatus && !canCheckIn ? (
            <Typography.Text type="secondary">{t('attendance.checkIn.notToday')}</Typography.Text>
          ) : null}
        </Space>
      </Card>
      <Card
        size="small"
        title={t('attendance.calendar')}
        extra={<MonthPicker value={month} onChange={setMonth} />}
        style={{ marginBottom: 12 }}
      >
        {pendingState(view, t('attendance.loadFailed')) ?? (data ? <MonthCalendar month={data} /> : null)}
        <Legend text={legend()} />
      </Card>
      {data ? (
        <Card size="small" title={t('attendance.summary')}>
          <Flex vertical>
            <MonthSummary totals={data.totals} />
          </Flex>
        </Card>
      ) : null}
    </div>
  );
}
