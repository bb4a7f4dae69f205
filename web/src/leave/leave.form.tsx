import { App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { HALVES, type Half } from '../../../common/calendar/calendar';
import { t } from '../../../common/i18n/index';
import { zLeaveInput } from '../../../common/leave/leave.schema';
import { LEAVE_KINDS, type LeaveKind } from '../../../common/leave/leave-moves';
import { useActivePostings } from '../api/options.hooks';
import { maxLengthOf, textLimits, zodRule } from '../common/form.utils';
import { FormFailureAlert } from '../common/record-form.component';
import { useFormFailure } from '../common/record-form.hooks';
import { useCreateLeave, useWorkingDays } from './leave.api';

const DAY = 'YYYY-MM-DD';
const FIELDS = ['postingId', 'kind', 'startDate', 'startHalf', 'endDate', 'endHalf', 'reason'] as const;

interface LeaveValues {
  postingId: string;
  kind: LeaveKind;
  startDate: Dayjs | null;
  startHalf: Half;
  endDate: Dayjs | null;
  endHalf: Half;
  reason: string;
}

const required = (label: string) => ({ required: true, message: t('postings.form.required', { label }) });
const halfOptions = HALVES.map((h) => ({ value: h, label: t(`leaveHalf.${h}`) }));

/** 请假: the cadre's form — posting, kind, dates with half days, reason; the working days previewed. */
export function LeaveFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<LeaveValues>();
  const { message } = App.useApp();
  const mutation = useCreateLeave();
  const postings = useActivePostings(open);
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const start = Form.useWatch('startDate', form);
  const end = Form.useWatch('endDate', form);
  const items = postings.data?.items ?? [];
  // the one 在岗 posting (a cadre has at most one current) is chosen once it has loaded
  const first = items[0]?.id;
  useEffect(() => {
    if (first && !form.getFieldValue('postingId')) form.setFieldValue('postingId', first);
  }, [first, form]);
  const preview = useWorkingDays(start?.format(DAY) ?? null, end?.format(DAY) ?? null, null);

  const submit = async (v: LeaveValues) => {
    clear();
    try {
      await mutation.mutateAsync({
        ...v,
        startDate: v.startDate?.format(DAY) ?? '',
        endDate: v.endDate?.format(DAY) ?? '',
      });
      message.success(t('leave.saved'));
      onClose();
    } catch (error) {
      fail(error);
    }
  };
  const reason = zLeaveInput.shape.reason;

  return (
    <Modal
      open={open}
      title={t('leave.newTitle')}
      onCancel={onClose}
      okText={t('leave.submit')}
      okButtonProps={{ htmlType: 'submit', form: 'leave-form', disabled: items.length === 0 }}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      mask={{ closable: false }}
      afterClose={clear}
      width={560}
    >
      <FormFailureAlert failure={failure} />
      {postings.isSuccess && items.length === 0 ? (
        <Typography.Paragraph type="warning">{t('leave.noPosting')}</Typography.Paragraph>
      ) : null}
      <Form<LeaveValues>
        form={form}
        id="leave-form"
        layout="vertical"
        onFinish={submit}
        initialValues={{ startHalf: 'am', endHalf: 'pm', kind: 'personal' }}
      >
        <Form.Item name="postingId" label={t('field.postingId')} rules={[required(t('field.postingId'))]}>
          <Select
            loading={postings.isPending}
            options={items.map((p) => ({ value: p.id, label: `${p.receivingUnitName} · ${p.title}` }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('leave.field.kind')} rules={[required(t('leave.field.kind'))]}>
          <Select options={LEAVE_KINDS.map((k) => ({ value: k, label: t(`leaveKind.${k}`) }))} />
        </Form.Item>
        <Form.Item label={t('field.startDate')} required style={{ marginBottom: 0 }}>
          <div style={{ display: 'flex', gap: 8 }}>
            <Form.Item name="startDate" rules={[required(t('field.startDate'))]} style={{ flex: 1 }}>
              <DatePicker style={{ width: '100%' }} format={DAY} aria-label={t('field.startDate')} />
            </Form.Item>
            <Form.Item name="startHalf" style={{ width: 110 }}>
              <Select options={halfOptions} aria-label={t('field.startHalf')} />
            </Form.Item>
          </div>
        </Form.Item>
        <Form.Item label={t('leave.field.endDate')} required style={{ marginBottom: 0 }}>
          <div style={{ display: 'flex', gap: 8 }}>
            <Form.Item name="endDate" rules={[required(t('leave.field.endDate'))]} style={{ flex: 1 }}>
              <DatePicker style={{ width: '100%' }} format={DAY} aria-label={t('leave.field.endDate')} />
            </Form.Item>
            <Form.Item name="endHalf" style={{ width: 110 }}>
              <Select options={halfOptions} aria-label={t('field.endHalf')} />
            </Form.Item>
          </div>
        </Form.Item>
        {preview.data ? (
          <Typography.Paragraph type="secondary">
            {t('leave.preview', { days: preview.data.workingDays })}
          </Typography.Paragraph>
        ) : null}
        <Form.Item
          name="reason"
          label={t('field.reason')}
          rules={[
            required(t('field.reason')),
            zodRule(reason, t('postings.form.reasonLength', textLimits(reason))),
          ]}
        >
          <Input.TextArea maxLength={maxLengthOf(reason)} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
