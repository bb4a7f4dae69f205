import { App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { t } from '../../../common/i18n/index';
import { DESTRUCTIVE_MOVES, type PostingMove } from '../../../common/postings/posting-moves';
import {
  EXTENSION_REQUESTERS,
  type PostingDetail,
  zPostingHandover,
  zPostingRecall,
} from '../../../common/postings/postings.schema';
import { maxLengthOf, textLimits, zodRule } from '../common/form.utils';
import { FormFailureAlert } from '../common/record-form.component';
import { useFormFailure } from '../common/record-form.hooks';
import { DutiesInput } from '../posts/post.form';
import type { Duty } from '../posts/post-tags.component';
import { usePostingMove } from './postings.api';

const DAY = 'YYYY-MM-DD';
const FIELDS = [
  'date',
  'reason',
  'duties',
  'dutiesText',
  'endDate',
  'requestedBy',
  'consultedOn',
  'consultedWith',
  'consultation',
] as const;

interface MoveValues {
  date: Dayjs | null;
  reason: string;
  duties?: Duty[];
  dutiesText?: string;
  endDate?: Dayjs | null;
  requestedBy?: (typeof EXTENSION_REQUESTERS)[number];
  consultedOn?: Dayjs | null;
  consultedWith?: string;
  consultation?: string;
}

const initialOf = (posting: PostingDetail, move: PostingMove): Partial<MoveValues> => ({
  date: move === 'end' ? dayjs(posting.endDate) : dayjs(),
  ...(move === 'handover' ? { duties: posting.duties, dutiesText: posting.dutiesText ?? '' } : {}),
  ...(move === 'extend' ? { requestedBy: 'receiving_unit' } : {}),
  ...(move === 'recall' ? { consultedOn: dayjs() } : {}),
});

function bodyOf(move: PostingMove, v: MoveValues): object {
  const day = (d: Dayjs | null | undefined) => d?.format(DAY) ?? '';
  const base = { date: day(v.date), reason: v.reason };
  if (move === 'handover') return { ...base, duties: v.duties ?? [], dutiesText: v.dutiesText || null };
  if (move === 'extend') return { ...base, endDate: day(v.endDate), requestedBy: v.requestedBy };
  if (move === 'recall')
    return {
      ...base,
      consultedOn: day(v.consultedOn),
      consultedWith: v.consultedWith,
      consultation: v.consultation,
    };
  return base;
}

const required = (label: string) => ({ required: true, message: t('postings.form.required', { label }) });
const reasonSchema = zPostingHandover.shape.reason;

export interface PostingMoveModalProps {
  /** The posting and the move chosen; null when closed. */
  target: { posting: PostingDetail; move: PostingMove } | null;
  onClose: () => void;
}

/**
 * One move's form: its date and reason, and what the move carries (the duties agreed at the
 * 对接, a new end date, the sending unit's consultation). 召回 and 终止 ask once more before they go.
 */
export function PostingMoveModal({ target, onClose }: PostingMoveModalProps) {
  const [form] = Form.useForm<MoveValues>();
  const { message, modal } = App.useApp();
  const mutation = usePostingMove();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const move = target?.move ?? 'handover';
  const moveName = t(`postingMove.${move}`);
  const cadre = target?.posting.cadreName ?? '';

  const send = async (values: MoveValues) => {
    if (!target) return;
    clear();
    try {
      await mutation.mutateAsync({ posting: target.posting, move, body: bodyOf(move, values) });
      message.success(t('postings.moved', { move: moveName, cadre }));
      onClose();
    } catch (error) {
      fail(error);
    }
  };
  const submit = (values: MoveValues) => {
    if (!DESTRUCTIVE_MOVES.includes(move)) return send(values);
    modal.confirm({
      title: t(move === 'recall' ? 'postings.confirm.recall' : 'postings.confirm.terminate', { cadre }),
      content: t('postings.confirm.hint'),
      okText: t('postings.moveOk', { move: moveName }),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => send(values),
    });
  };

  return (
    <Modal
      open={target !== null}
      title={t('postings.moveTitle', { move: moveName, cadre })}
      onCancel={onClose}
      okText={t('postings.moveOk', { move: moveName })}
      okButtonProps={{
        danger: DESTRUCTIVE_MOVES.includes(move),
        htmlType: 'submit',
        form: 'posting-move',
      }}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      mask={{ closable: false }}
      afterClose={clear}
      width={560}
    >
      {target && move === 'extend' ? (
        <Typography.Paragraph type="secondary">
          {t('postings.form.extendHint', { endDate: target.posting.endDate })}
        </Typography.Paragraph>
      ) : null}
      {move === 'recall' ? (
        <Typography.Paragraph type="secondary">{t('postings.form.recallHint')}</Typography.Paragraph>
      ) : null}
      <FormFailureAlert failure={failure} />
      {target ? (
        <Form<MoveValues>
          form={form}
          id="posting-move"
          layout="vertical"
          onFinish={submit}
          initialValues={initialOf(target.posting, move)}
        >
          <Form.Item
            name="date"
            label={t(`postings.form.date.${move}`)}
            rules={[required(t(`postings.form.date.${move}`))]}
          >
            <DatePicker style={{ width: '100%' }} format={DAY} />
          </Form.Item>
          {move === 'handover' ? (
            <>
              <Form.Item
                name="duties"
                label={t('postings.form.duties')}
                extra={t('postings.form.dutiesHint')}
                rules={[
                  { required: true, type: 'array', min: 1, message: t('postings.form.dutiesRequired') },
                  zodRule(zPostingHandover.shape.duties, t('postings.form.dutiesRequired')),
                ]}
              >
                <DutiesInput />
              </Form.Item>
              <Form.Item name="dutiesText" label={t('postings.form.dutiesText')}>
                <Input.TextArea
                  maxLength={maxLengthOf(zPostingHandover.shape.dutiesText)}
                  showCount
                  autoSize={{ minRows: 2, maxRows: 5 }}
                  placeholder={t('postings.form.dutiesTextPlaceholder')}
                />
              </Form.Item>
            </>
          ) : null}
          {move === 'extend' ? (
            <>
              <Form.Item
                name="endDate"
                label={t('postings.form.endDate')}
                rules={[required(t('postings.form.endDate'))]}
              >
                <DatePicker style={{ width: '100%' }} format={DAY} />
              </Form.Item>
              <Form.Item
                name="requestedBy"
                label={t('postings.form.requestedBy')}
                rules={[required(t('postings.form.requestedBy'))]}
              >
                <Select
                  options={EXTENSION_REQUESTERS.map((r) => ({ value: r, label: t(`postingRequester.${r}`) }))}
                />
              </Form.Item>
            </>
          ) : null}
          {move === 'recall' ? (
            <>
              <Form.Item
                name="consultedOn"
                label={t('postings.form.consultedOn')}
                rules={[required(t('postings.form.consultedOn'))]}
              >
                <DatePicker style={{ width: '100%' }} format={DAY} />
              </Form.Item>
              <Form.Item
                name="consultedWith"
                label={t('postings.form.consultedWith')}
                rules={[
                  required(t('postings.form.consultedWith')),
                  zodRule(zPostingRecall.shape.consultedWith),
                ]}
              >
                <Input
                  maxLength={maxLengthOf(zPostingRecall.shape.consultedWith)}
                  placeholder={t('postings.form.consultedWithPlaceholder')}
                />
              </Form.Item>
              <Form.Item
                name="consultation"
                label={t('postings.form.consultation')}
                rules={[
                  required(t('postings.form.consultation')),
                  zodRule(zPostingRecall.shape.consultation),
                ]}
              >
                <Input.TextArea
                  maxLength={maxLengthOf(zPostingRecall.shape.consultation)}
                  showCount
                  autoSize={{ minRows: 2, maxRows: 5 }}
                />
              </Form.Item>
            </>
          ) : null}
          <Form.Item
            name="reason"
            label={t('postings.form.reason')}
            rules={[
              required(t('postings.form.reason')),
              zodRule(reasonSchema, t('postings.form.reasonLength', textLimits(reasonSchema))),
            ]}
          >
            <Input.TextArea
              maxLength={maxLengthOf(reasonSchema)}
              showCount
              autoSize={{ minRows: 2, maxRows: 5 }}
              placeholder={t(`postings.form.reasonHint.${move}`)}
            />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
