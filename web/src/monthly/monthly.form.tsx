import { App, DatePicker, Form, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { t } from '../../../common/i18n/index';
import { useActivePostings } from '../api/options.hooks';
import { FormFailureAlert } from '../common/record-form.component';
import { useFormFailure } from '../common/record-form.hooks';
import { useCreateMonthly } from './monthly.api';

const FIELDS = ['postingId', 'month'] as const;
interface Values {
  postingId: string;
  month: Dayjs | null;
}
const required = (label: string) => ({ required: true, message: t('postings.form.required', { label }) });

/** 生成月度草稿: the cadre's 在岗 posting and the month; the server generates the draft from the records. */
export function MonthlyCreateModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useCreateMonthly();
  const postings = useActivePostings(open);
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const items = postings.data?.items ?? [];
  const first = items[0]?.id;
  useEffect(() => {
    if (open && first && !form.getFieldValue('postingId')) form.setFieldValue('postingId', first);
  }, [open, first, form]);

  const submit = async (v: Values) => {
    clear();
    try {
      const made = await create.mutateAsync({
        postingId: v.postingId,
        month: v.month?.format('YYYY-MM') ?? '',
      });
      message.success(t('monthly.done', { action: t('monthly.create') }));
      onClose();
      onCreated(made.id);
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Modal
      open={open}
      title={t('monthly.newTitle')}
      onCancel={onClose}
      okText={t('monthly.create')}
      okButtonProps={{ htmlType: 'submit', form: 'monthly-form', disabled: items.length === 0 }}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
      afterClose={clear}
      width={480}
    >
      <FormFailureAlert failure={failure} />
      {postings.isSuccess && items.length === 0 ? (
        <Typography.Paragraph type="warning">{t('monthly.noPosting')}</Typography.Paragraph>
      ) : null}
      <Form<Values>
        form={form}
        id="monthly-form"
        layout="vertical"
        onFinish={submit}
        initialValues={{ month: dayjs() }}
      >
        <Form.Item
          name="postingId"
          label={t('monthly.field.posting')}
          rules={[required(t('monthly.field.posting'))]}
        >
          <Select
            loading={postings.isPending}
            options={items.map((p) => ({ value: p.id, label: `${p.receivingUnitName} · ${p.title}` }))}
          />
        </Form.Item>
        <Form.Item name="month" label={t('monthly.field.month')} rules={[required(t('monthly.field.month'))]}>
          <DatePicker
            picker="month"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'month')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
