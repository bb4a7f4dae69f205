import { App, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { t } from '../../../common/i18n/index';
import { type Post, zPostReview } from '../../../common/posts/posts.schema';
import { maxLengthOf, textLimits, zodRule } from '../common/form.utils';
import { FormFailureAlert } from '../common/record-form.component';
import { useFormFailure } from '../common/record-form.hooks';
import { type ReviewDecision, usePostAction } from './posts.api';

const REVIEW_FIELDS = ['comment'] as const;

export interface PostReviewModalProps {
  /** The request under review and the decision chosen; null when closed. */
  review: { post: Post; decision: ReviewDecision } | null;
  onClose: () => void;
}

/**
 * 通过 / 退回 / 不通过 a submitted request: the dialog is the confirmation. A comment is needed to
 * return or reject; a refusal (e.g. over the batch's quota) stays in the dialog in the server's words.
 */
export function PostReviewModal({ review, onClose }: PostReviewModalProps) {
  const [form] = Form.useForm<{ comment?: string }>();
  const { message } = App.useApp();
  const action = usePostAction();
  const { failure, fail, clear } = useFormFailure(form, REVIEW_FIELDS);
  const decision = review?.decision ?? 'approve';
  const commentRequired = decision !== 'approve';

  const submit = async ({ comment }: { comment?: string }) => {
    if (!review) return;
    clear();
    try {
      await action.mutateAsync({
        kind: 'review',
        post: review.post,
        decision,
        comment: comment?.trim() || null,
      });
      message.success(t(`posts.reviewed.${decision}`, { title: review.post.title }));
      onClose();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Modal
      open={review !== null}
      title={t(`posts.reviewTitle.${decision}`)}
      onCancel={onClose}
      okText={t(`posts.reviewOk.${decision}`)}
      okButtonProps={{ danger: decision === 'reject', htmlType: 'submit', form: 'post-review' }}
      cancelText={t('common.cancel')}
      confirmLoading={action.isPending}
      destroyOnHidden
      mask={{ closable: false }}
      afterClose={clear}
    >
      {review ? (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'unit', label: t('posts.field.unit'), children: review.post.unitName },
            { key: 'title', label: t('field.title'), children: review.post.title },
            { key: 'headcount', label: t('field.headcount'), children: review.post.headcount },
            {
              key: 'batch',
              label: t('field.batchId'),
              children: `${review.post.programmeName} · ${review.post.batchName}`,
            },
          ]}
        />
      ) : null}
      {decision === 'approve' ? (
        <Typography.Paragraph type="secondary">{t('posts.approveHint')}</Typography.Paragraph>
      ) : null}
      <FormFailureAlert failure={failure} />
      <Form form={form} id="post-review" layout="vertical" onFinish={submit}>
        <Form.Item
          name="comment"
          label={t('field.comment')}
          rules={[
            { required: commentRequired, whitespace: true, message: t('post.commentRequired') },
            zodRule(
              zPostReview.shape.comment,
              t('posts.field.commentLength', textLimits(zPostReview.shape.comment)),
            ),
          ]}
        >
          <Input.TextArea
            autoFocus
            maxLength={maxLengthOf(zPostReview.shape.comment)}
            showCount
            autoSize={{ minRows: 3, maxRows: 6 }}
            placeholder={t(commentRequired ? 'posts.commentPlaceholder' : 'posts.commentOptional')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
