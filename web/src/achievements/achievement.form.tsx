import { App, DatePicker, Form, Input, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { checkAmount, UNITS } from '../../../common/achievements/achievement-amount';
import { ACHIEVEMENT_KINDS, type AchievementKind } from '../../../common/achievements/achievement-moves';
import { type AchievementDetail, zAchievementInput } from '../../../common/achievements/achievements.schema';
import { t } from '../../../common/i18n/index';
import { useActivePostings } from '../api/options.hooks';
import { maxLengthOf, textLimits, zodRule } from '../common/form.utils';
import { FormFailureAlert } from '../common/record-form.component';
import { useFormFailure } from '../common/record-form.hooks';
import { useSaveAchievement } from './achievements.api';

const DAY = 'YYYY-MM-DD';
const FIELDS = ['postingId', 'kind', 'title', 'amount', 'unit', 'date', 'description'] as const;

interface Values {
  postingId: string;
  kind: AchievementKind;
  title: string;
  amount: string;
  unit: string | null;
  date: Dayjs | null;
  description: string;
}

const required = (label: string) => ({ required: true, message: t('postings.form.required', { label }) });

/**
 * 申报实事 / 修改实事: kind, title, an amount with its unit (checked here as the server checks it:
 * 1.9 万人 is fine, 1.5 人 is not), date and description. Phone-sized: one column, full width.
 */
export function AchievementFormModal({
  open,
  entry,
  onClose,
}: {
  open: boolean;
  /** The entry to edit, or null for a new one. */
  entry: AchievementDetail | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const mutation = useSaveAchievement();
  const postings = useActivePostings(open && entry === null);
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const items = postings.data?.items ?? [];
  const first = items[0]?.id;
  useEffect(() => {
    if (first && !form.getFieldValue('postingId')) form.setFieldValue('postingId', first);
  }, [first, form]);

  const submit = async (v: Values) => {
    clear();
    const body = {
      kind: v.kind,
      title: v.title,
      amount: v.amount?.trim() ? v.amount.trim() : null,
      unit: v.unit ?? null,
      date: v.date?.format(DAY) ?? '',
      description: v.description?.trim() ? v.description : null,
    };
    try {
      await mutation.mutateAsync(
        entry
          ? { id: entry.id, body: { ...body, version: entry.version } }
          : { id: null, body: { ...body, postingId: v.postingId } },
      );
      message.success(
        t('achievements.done', { action: entry ? t('achievements.save') : t('achievements.submit') }),
      );
      onClose();
    } catch (error) {
      fail(error);
    }
  };
  const title = zAchievementInput.shape.title;
  const description = zAchievementInput.shape.description;
  /** The amount and unit together, as the server will check them. */
  const amountRule = {
    validator: async (_: unknown, value: string) => {
      const checked = checkAmount(value, form.getFieldValue('unit'));
      if (!checked.ok && checked.field === 'amount') throw new Error(t(checked.key, checked.params));
    },
  };
  const unitRule = {
    validator: async (_: unknown, value: string | null) => {
      const checked = checkAmount(form.getFieldValue('amount'), value);
      if (!checked.ok && checked.field === 'unit') throw new Error(t(checked.key, checked.params));
    },
  };

  return (
    <Modal
      open={open}
      title={entry ? t('achievements.editTitle') : t('achievements.new')}
      onCancel={onClose}
      okText={entry ? t('achievements.save') : t('achievements.submit')}
      okButtonProps={{ htmlType: 'submit', form: 'achievement-form', disabled: !entry && items.length === 0 }}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      mask={{ closable: false }}
      afterClose={clear}
      width={560}
    >
      <FormFailureAlert failure={failure} />
      {!entry && postings.isSuccess && items.length === 0 ? (
        <Typography.Paragraph type="warning">{t('achievements.noPosting')}</Typography.Paragraph>
      ) : null}
      <Form<Values>
        form={form}
        id="achievement-form"
        layout="vertical"
        onFinish={submit}
        initialValues={
          entry
            ? {
                kind: entry.kind,
                title: entry.title,
                amount: entry.amount ?? '',
                unit: entry.unit,
                date: dayjs(entry.date),
                description: entry.description ?? '',
              }
            : { kind: 'funds_secured', unit: null, date: dayjs() }
        }
      >
        {entry ? null : (
          <Form.Item
            name="postingId"
            label={t('achievements.field.posting')}
            rules={[required(t('achievements.field.posting'))]}
          >
            <Select
              loading={postings.isPending}
              options={items.map((p) => ({ value: p.id, label: `${p.receivingUnitName} · ${p.title}` }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="kind"
          label={t('achievements.field.kind')}
          rules={[required(t('achievements.field.kind'))]}
        >
          <Select options={ACHIEVEMENT_KINDS.map((k) => ({ value: k, label: t(`achievementKind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('achievements.field.title')}
          rules={[
            required(t('achievements.field.title')),
            zodRule(title, t('achievements.titleLength', textLimits(title))),
          ]}
        >
          <Input maxLength={maxLengthOf(title)} />
        </Form.Item>
        <Form.Item
          label={t('achievements.field.amount')}
          extra={t('achievements.amountHint')}
          style={{ marginBottom: 0 }}
        >
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="amount" rules={[amountRule]} dependencies={['unit']} style={{ flex: 1 }}>
              <Input inputMode="decimal" aria-label={t('achievements.field.amount')} maxLength={30} />
            </Form.Item>
            <Form.Item name="unit" rules={[unitRule]} dependencies={['amount']} style={{ width: 110 }}>
              <Select
                allowClear
                aria-label={t('achievements.field.unit')}
                placeholder={t('achievements.field.unit')}
                options={UNITS.map((u) => ({ value: u, label: u }))}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item
          name="date"
          label={t('achievements.field.date')}
          rules={[required(t('achievements.field.date'))]}
        >
          <DatePicker style={{ width: '100%' }} format={DAY} aria-label={t('achievements.field.date')} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('achievements.field.description')}
          rules={[zodRule(description)]}
        >
          <Input.TextArea
            maxLength={maxLengthOf(description)}
            showCount
            autoSize={{ minRows: 2, maxRows: 6 }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
