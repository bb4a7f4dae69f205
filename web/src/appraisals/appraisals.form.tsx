import { App, Form, Modal, Select, Typography } from 'antd';
import { t } from '../../../common/i18n/index';
import { FormFailureAlert } from '../common/record-form.component';
import { useFormFailure } from '../common/record-form.hooks';
import { useAppraisablePostings, useCreateAppraisal } from './appraisals.api';

const FIELDS = ['postingId'] as const;
interface Values {
  postingId: string;
}

/** 起草期满鉴定: the receiving unit picks a posting on post or at 期满; the server drafts the text. */
export function AppraisalCreateModal({
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
  const create = useCreateAppraisal();
  const postings = useAppraisablePostings(open);
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const items = postings.data ?? [];

  const submit = async (v: Values) => {
    clear();
    try {
      const made = await create.mutateAsync({ postingId: v.postingId });
      message.success(t('appraisals.done'));
      onClose();
      onCreated(made.id);
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Modal
      open={open}
      title={t('appraisals.newTitle')}
      onCancel={onClose}
      okText={t('appraisals.create')}
      okButtonProps={{ htmlType: 'submit', form: 'appraisal-form', disabled: items.length === 0 }}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
      afterClose={clear}
      width={520}
    >
      <FormFailureAlert failure={failure} />
      <Typography.Paragraph type="secondary">{t('appraisals.newHint')}</Typography.Paragraph>
      {postings.isSuccess && items.length === 0 ? (
        <Typography.Paragraph type="warning">{t('appraisals.noPosting')}</Typography.Paragraph>
      ) : null}
      <Form<Values> form={form} id="appraisal-form" layout="vertical" onFinish={submit}>
        <Form.Item
          name="postingId"
          label={t('appraisals.field.posting')}
          rules={[
            {
              required: true,
              message: t('postings.form.required', { label: t('appraisals.field.posting') }),
            },
          ]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={postings.isPending}
            options={items.map((p) => ({
              value: p.id,
              label: `${p.cadreName} · ${p.receivingUnitName} · ${p.title}（${p.endDate}期满）`,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
