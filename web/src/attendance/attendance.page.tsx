import {
  App,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AttendanceStatus } from '../../../common/attendance/attendance';
import { DEFAULT_RADIUS_M, legend } from '../../../common/attendance/attendance';
import { type GridDayOut, type ReportRow, zDayInput } from '../../../common/attendance/attendance.schema';
import { t } from '../../../common/i18n/index';
import { errorMessage } from '../api/client';
import { maxLengthOf } from '../common/form.utils';
import { PageHeader } from '../common/page-header.component';
import { pendingState } from '../common/query-state.component';
import {
  currentPosition,
  useMyUnits,
  usePlace,
  usePostingMonth,
  useRecordDay,
  useReport,
  useSavePlace,
} from './attendance.api';
import {
  dayLabel,
  Legend,
  MonthCalendar,
  MonthPicker,
  MonthSummary,
  MonthTable,
} from './attendance.component';

/**
 * 考勤管理 (issue 13 line 3): the receiving unit's postings day by day (far check-ins outlined in
 * red), a posting's month in a drawer where a day is recorded 缺勤 or corrected (after a
 * confirmation), and the unit's check-in place.
 */
export function AttendancePage() {
  const [search, setSearch] = useSearchParams();
  const month = search.get('month') ?? dayjs().format('YYYY-MM');
  const report = useReport(month, null);
  const [open, setOpen] = useState<ReportRow | null>(null);
  return (
    <>
      <PageHeader
        title={t('attendance.unit.title')}
        extra={<MonthPicker value={month} onChange={(m) => setSearch({ month: m })} />}
      />
      <Typography.Paragraph type="secondary">{t('attendance.unit.farHint')}</Typography.Paragraph>
      {report.isError ? (
        pendingState(report, t('attendance.loadFailed'))
      ) : (
        <MonthTable
          rows={report.data?.items ?? []}
          loading={report.isPending}
          empty={t('attendance.unit.empty')}
          onOpen={setOpen}
        />
      )}
      <Legend text={legend()} />
      <PlaceCard />
      <PostingDrawer row={open} month={month} onClose={() => setOpen(null)} />
    </>
  );
}

function PostingDrawer({
  row,
  month,
  onClose,
}: {
  row: ReportRow | null;
  month: string;
  onClose: () => void;
}) {
  const view = usePostingMonth(row?.postingId ?? null, month);
  const [day, setDay] = useState<GridDayOut | null>(null);
  const data = view.data;
  const canRecord = data?.actions.includes('record') ?? false;
  return (
    <Drawer
      open={row !== null}
      onClose={onClose}
      width={Math.min(560, typeof window === 'undefined' ? 560 : window.innerWidth)}
      title={row ? `${row.cadreName} ${t('attendance.unit.detail')}` : ''}
    >
      {pendingState(view, t('attendance.loadFailed')) ??
        (data ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <MonthCalendar month={data} onDay={canRecord ? setDay : undefined} />
            <MonthSummary totals={data.totals} />
            <Typography.Title level={5}>{t('attendance.unit.records')}</Typography.Title>
            <List
              size="small"
              dataSource={data.records}
              locale={{ emptyText: t('attendance.sum.missing') }}
              renderItem={(r) => (
                <List.Item>
                  <Space wrap>
                    <span>{r.date}</span>
                    <Tag color={r.status === 'present' ? 'green' : 'red'}>
                      {t(`attendanceStatus.${r.status}`)}
                    </Tag>
                    <Typography.Text type="secondary">{t(`attendanceSource.${r.source}`)}</Typography.Text>
                    {r.far ? <Tag color="red">{t('attendance.far')}</Tag> : null}
                    {r.distanceM !== null ? (
                      <span>{t('attendance.unit.distance', { m: r.distanceM })}</span>
                    ) : null}
                    {r.reason ? <Typography.Text>{r.reason}</Typography.Text> : null}
                  </Space>
                </List.Item>
              )}
            />
          </Space>
        ) : null)}
      {data ? (
        <RecordDayModal
          day={day}
          name={data.cadreName}
          postingId={data.postingId}
          onClose={() => setDay(null)}
        />
      ) : null}
    </Drawer>
  );
}

function RecordDayModal({
  day,
  name,
  postingId,
  onClose,
}: {
  day: GridDayOut | null;
  name: string;
  postingId: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ status: AttendanceStatus; reason: string }>();
  const mutation = useRecordDay();
  const { modal, message } = App.useApp();
  useEffect(() => {
    if (day) form.setFieldsValue({ status: day.status === 'present' ? 'absent' : 'present', reason: '' });
  }, [day, form]);
  const submit = (v: { status: AttendanceStatus; reason: string }) => {
    if (!day) return;
    modal.confirm({
      title: t('attendance.unit.record'),
      content: t('attendance.unit.recordConfirm', {
        name,
        date: day.date,
        status: t(`attendanceStatus.${v.status}`),
      }),
      onOk: async () => {
        try {
          await mutation.mutateAsync({ postingId, date: day.date, body: v });
          message.success(t('attendance.unit.recordDone'));
          onClose();
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });
  };
  return (
    <Modal
      open={day !== null}
      title={day ? t('attendance.unit.recordTitle', { name, date: day.date }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('attendance.unit.record')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {day ? <Typography.Paragraph type="secondary">{dayLabel(day)}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="status" label={t('field.status')} rules={[{ required: true }]}>
          <Radio.Group
            options={(['present', 'absent'] as const).map((s) => ({
              value: s,
              label: t(`attendanceStatus.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('field.reason')}
          rules={[
            { required: true, min: 2, message: t('postings.form.required', { label: t('field.reason') }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={maxLengthOf(zDayInput.shape.reason)} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PlaceCard() {
  const units = useMyUnits();
  const [unitId, setUnitId] = useState<string | null>(null);
  const chosen = unitId ?? units.data?.[0]?.id ?? null;
  const place = usePlace(chosen);
  const save = useSavePlace();
  const [form] = Form.useForm<{ lat: number; lng: number; radiusM: number }>();
  const { message } = App.useApp();
  useEffect(() => {
    if (place.data)
      form.setFieldsValue({
        lat: place.data.lat ?? undefined,
        lng: place.data.lng ?? undefined,
        radiusM: place.data.radiusM ?? DEFAULT_RADIUS_M,
      });
  }, [place.data, form]);
  if (!units.data?.length) return null;
  const here = async () => {
    const p = await currentPosition();
    if (p) form.setFieldsValue({ lat: Number(p.lat.toFixed(6)), lng: Number(p.lng.toFixed(6)) });
    else message.warning(t('attendance.checkIn.noLocation'));
  };
  return (
    <Card size="small" title={t('attendance.place.title')} style={{ marginTop: 16, maxWidth: 560 }}>
      <Typography.Paragraph type="secondary">{t('attendance.place.hint')}</Typography.Paragraph>
      {units.data.length > 1 ? (
        <Select
          style={{ width: '100%', marginBottom: 12 }}
          value={chosen}
          onChange={setUnitId}
          options={units.data.map((u) => ({ value: u.id, label: u.name }))}
          aria-label={t('attendance.place.unit')}
        />
      ) : (
        <Typography.Paragraph strong>{units.data[0]?.name}</Typography.Paragraph>
      )}
      {place.data && place.data.lat === null ? (
        <Typography.Paragraph type="warning">{t('attendance.place.none')}</Typography.Paragraph>
      ) : null}
      <Form
        form={form}
        layout="inline"
        onFinish={async (v) => {
          if (!chosen) return;
          try {
            await save.mutateAsync({ unitId: chosen, body: v });
            message.success(t('attendance.place.saved'));
          } catch (error) {
            message.error(errorMessage(error));
          }
        }}
      >
        <Form.Item name="lat" label={t('field.lat')} rules={[{ required: true }]}>
          <InputNumber min={-90} max={90} step={0.0001} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="lng" label={t('field.lng')} rules={[{ required: true }]}>
          <InputNumber min={-180} max={180} step={0.0001} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="radiusM" label={t('field.radiusM')} rules={[{ required: true }]}>
          <InputNumber min={50} max={50000} step={100} precision={0} style={{ width: 110 }} />
        </Form.Item>
        <Space style={{ marginTop: 8 }}>
          <Button onClick={() => void here()}>{t('attendance.place.here')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('attendance.place.save')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
