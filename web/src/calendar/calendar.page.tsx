import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { CALENDAR_DAY_KINDS, type CalendarDayKind } from '../../../common/calendar/calendar';
import type { CalendarDayRecord } from '../../../common/calendar/calendar.schema';
import { t } from '../../../common/i18n/index';
import { errorMessage } from '../api/client';
import { PageHeader } from '../common/page-header.component';
import { useCalendarChange, useCalendarYear } from '../leave/leave.api';

/**
 * 工作日历 (system administrator): a year's official days from the data package, the local days
 * added (a province's extra day off, a year before the package has it), and adding either.
 */
export function CalendarPage() {
  const [year, setYear] = useState(new Date().getFullYear());
  const data = useCalendarYear(year);
  const change = useCalendarChange();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date: Dayjs; kind: CalendarDayKind; name: string; regionCode?: string }>();
  const y = data.data;

  const run = async (vars: Parameters<typeof change.mutateAsync>[0]) => {
    try {
      await change.mutateAsync(vars);
      message.success(t('leave.saved'));
      return true;
    } catch (error) {
      message.error(errorMessage(error));
      return false;
    }
  };
  const kindTag = (k: CalendarDayKind) => (
    <Tag color={k === 'holiday' ? 'red' : 'blue'}>{t(`calendarKind.${k}`)}</Tag>
  );

  return (
    <>
      <PageHeader title={t('calendar.title')} />
      <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
        <span>{t('calendar.year')}</span>
        <InputNumber
          aria-label={t('calendar.year')}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && setYear(v)}
        />
        {y ? (
          <Tag color={y.official || y.added ? 'green' : 'default'}>
            {y.official ? t('calendar.official') : y.added ? t('calendar.added') : t('calendar.unknown')}
          </Tag>
        ) : null}
        {y && !y.official && !y.added ? (
          <Button
            type="primary"
            onClick={() => run({ method: 'POST', path: '/api/calendar/years', body: { year, note: null } })}
          >
            {t('calendar.addYear')}
          </Button>
        ) : null}
      </Flex>
      <Flex gap={16} wrap align="start">
        <Card title={t('calendar.addDay')} style={{ flex: '1 1 320px' }}>
          <Form
            form={form}
            layout="vertical"
            initialValues={{ kind: 'holiday' }}
            onFinish={async (v) => {
              const done = await run({
                method: 'POST',
                path: '/api/calendar/days',
                body: {
                  date: v.date.format('YYYY-MM-DD'),
                  kind: v.kind,
                  name: v.name,
                  regionCode: v.regionCode?.trim() || null,
                },
              });
              if (done) form.resetFields();
            }}
          >
            <Form.Item
              name="date"
              label={t('field.date')}
              rules={[{ required: true, message: t('field.date') }]}
            >
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item name="kind" label={t('field.kind')}>
              <Select
                options={CALENDAR_DAY_KINDS.map((k) => ({ value: k, label: t(`calendarKind.${k}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="name"
              label={t('field.name')}
              rules={[{ required: true, min: 2, max: 40, message: t('field.name') }]}
            >
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="regionCode" label={t('calendar.region')}>
              <Input maxLength={9} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={change.isPending}>
              {t('calendar.addDay')}
            </Button>
          </Form>
        </Card>
        <Card title={t('calendar.localDays')} style={{ flex: '2 1 420px' }}>
          <Table<CalendarDayRecord>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={y?.localDays ?? []}
            columns={[
              { key: 'date', dataIndex: 'date', title: t('field.date') },
              { key: 'kind', dataIndex: 'kind', title: t('field.kind'), render: kindTag },
              { key: 'name', dataIndex: 'name', title: t('field.name') },
              {
                key: 'region',
                dataIndex: 'regionPrefix',
                title: t('calendar.region'),
                render: (p: string) => p || t('calendar.whole'),
              },
              {
                key: 'remove',
                title: '',
                render: (_: unknown, d) => (
                  <Button
                    danger
                    type="link"
                    onClick={() => run({ method: 'DELETE', path: `/api/calendar/days/${d.id}` })}
                  >
                    {t('calendar.remove')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      </Flex>
      <Card title={t('calendar.officialDays')} style={{ marginTop: 16 }}>
        {y && y.officialDays.length === 0 ? (
          <Typography.Text type="secondary">{t('calendar.unknown')}</Typography.Text>
        ) : null}
        <Flex gap={6} wrap>
          {(y?.officialDays ?? []).map((d) => (
            <Tag key={d.date} color={d.kind === 'holiday' ? 'red' : 'blue'}>
              {d.date} {d.name} {t(`calendarKind.${d.kind}`)}
            </Tag>
          ))}
        </Flex>
      </Card>
    </>
  );
}
