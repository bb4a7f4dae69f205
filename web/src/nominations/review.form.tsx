import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Flex, Form, Input, Modal } from 'antd';
import { t } from '../../../common/i18n/index';
import { type Nomination, zNominationReview } from '../../../common/nominations/nominations.schema';
import { nominationKeys } from '../api/query-keys';
import { maxLengthOf } from '../common/form.utils';
import { FormFailureAlert } from '../common/record-form.component';
import { useFetchFresh, useFormFailure, useRecordReload } from '../common/record-form.hooks';
import { Eligibility } from './eligibility.component';
import { type Decision, fetchNomination, useReviewNomination } from './nominations.api';

export interface ReviewTarget {
  nomination: Nomination;
  decision: Decision;
}

export interface ReviewModalProps {
  target: ReviewTarget | null;
  onClose: () => void;
}

/** 同意 / 不同意 a nomination: the dialog shows what is decided on and is the confirmation. */
export function ReviewModal({ target, onClose }: ReviewModalProps) {
  return (
    <Modal
      open={target !== null}
      title={
        target
          ? t(target.decision === 'accept' ? 'nominations.acceptTitle' : 'nominations.refuseTitle', {
              name: target.nomination.cadreName,
            })
          : null
      }
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      {target ? <ReviewForm target={target} onClose={onClose} /> : null}
    </Modal>
  );
}

const FIELDS = ['comment'] as const;

function ReviewForm({ target, onClose }: { target: ReviewTarget; onClose: () => void }) {
  const [form] = Form.useForm<{ comment?: string }>();
  const { message } = App.useApp();
  const review = useReviewNomination();
  const { decision } = target;
  const refuse = decision === 'refuse';
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  /** The copy decided on: replaced when the user reloads after a version conflict. */
  const {
    record: nomination,
    reload,
    reloading,
  } = useRecordReload(
    target.nomination,
    useFetchFresh<Nomination>(nominationKeys.detail, fetchNomination),
    clear,
  );

  const submit = async ({ comment }: { comment?: string }) => {
    clear();
    try {
      await review.mutateAsync({
        id: nomination.id,
        decision,
        comment: comment?.trim() || null,
        version: nomination.version,
      });
      message.success(
        t(refuse ? 'nominations.refused' : 'nominations.accepted', { name: nomination.cadreName }),
      );
      onClose();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Form<{ comment?: string }>
      form={form}
      layout="vertical"
      onFinish={submit}
      onFinishFailed={() => message.warning(t('common.formHasErrors'))}
    >
      <FormFailureAlert failure={failure} onReload={reload} reloading={reloading} />
      {nomination.eligible ? null : (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('nominations.ineligibleWarning')}
        />
      )}
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('nominations.col.cadre')}>{nomination.cadreName}</Descriptions.Item>
        <Descriptions.Item label={t('nominations.col.unit')}>{nomination.unitName}</Descriptions.Item>
        <Descriptions.Item label={t('nominations.col.batch')}>{nomination.batchName}</Descriptions.Item>
        <Descriptions.Item label={t('nominations.col.status')}>
          {t(`nominationStatus.${nomination.status}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('nominations.col.eligibility')}>
          <Eligibility eligible={nomination.eligible} reasons={nomination.reasons} />
        </Descriptions.Item>
        <Descriptions.Item label={t('nominations.col.justification')}>
          {nomination.justification ?? t('nominations.noJustification')}
        </Descriptions.Item>
      </Descriptions>
      <Form.Item
        name="comment"
        label={t('nominations.field.comment')}
        rules={[{ required: refuse, whitespace: true, message: t('nominations.field.commentRequired') }]}
      >
        <Input.TextArea
          autoFocus
          rows={3}
          maxLength={maxLengthOf(zNominationReview.shape.comment)}
          showCount
          placeholder={t(
            refuse ? 'nominations.commentPlaceholderRefuse' : 'nominations.commentPlaceholderAccept',
          )}
        />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button
          type="primary"
          danger={refuse}
          htmlType="submit"
          icon={refuse ? <CloseOutlined aria-hidden /> : <CheckOutlined aria-hidden />}
          loading={review.isPending}
        >
          {t(refuse ? 'nominations.confirmRefuse' : 'nominations.confirmAccept')}
        </Button>
      </Flex>
    </Form>
  );
}
