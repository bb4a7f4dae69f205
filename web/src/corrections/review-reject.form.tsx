import { Form, Input, Modal } from 'antd';
import type { Correction } from '../../../common/corrections/corrections.schema';
import { zCorrectionReview } from '../../../common/corrections/corrections.schema';
import { t } from '../../../common/i18n/index';
import { maxLengthOf, zodRule } from '../common/form.utils';

export interface RejectModalProps {
  correction: Correction | null;
  pending: boolean;
  onReject: (comment: string) => Promise<void>;
  onClose: () => void;
}

/** 驳回 with its required comment; Enter in the box does not submit (it is a text area), 驳回 does. */
export function RejectModal({ correction, pending, onReject, onClose }: RejectModalProps) {
  const [form] = Form.useForm<{ comment: string }>();
  return (
    <Modal
      open={correction !== null}
      title={t('corrections.rejectTitle', { name: correction?.cadreName ?? '' })}
      okText={t('corrections.reject')}
      okButtonProps={{ danger: true, loading: pending }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      modalRender={(dom) => (
        <Form form={form} layout="vertical" onFinish={(v) => onReject(v.comment.trim())} clearOnDestroy>
          {dom}
        </Form>
      )}
    >
      <Form.Item
        name="comment"
        label={t('corrections.rejectComment')}
        rules={[
          { required: true, whitespace: true, message: t('corrections.rejectCommentRequired') },
          zodRule(zCorrectionReview.shape.comment),
        ]}
      >
        <Input.TextArea
          autoFocus
          rows={3}
          maxLength={maxLengthOf(zCorrectionReview.shape.comment)}
          showCount
        />
      </Form.Item>
    </Modal>
  );
}
