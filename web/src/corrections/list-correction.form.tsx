import { SendOutlined } from '@ant-design/icons';
import { Alert, App, Divider, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { CadreDetail } from '../../../common/cadres/cadres.schema';
import { type CorrectionInput, zCorrectionInput } from '../../../common/corrections/corrections.schema';
import { canonical } from '../../../common/corrections/entry-diff';
import { t } from '../../../common/i18n/index';
import { type ApiError, errorMessage } from '../api/client';
import { type CadreFormLists, fromFormLists, toFormLists } from '../cadres/cadre-form.utils';
import { CadreRelativesField, CadreResumeField } from '../cadres/cadre-lists.component';
import { maxLengthOf, zodRule } from '../common/form.utils';
import { FormActions, FormModal } from '../common/record-form.component';
import { useProposeCorrection } from './corrections.api';
import { formFailure } from './corrections.utils';

type FormValues = CadreFormLists & { note?: string };
const FIELDS = ['resume', 'relatives', 'note'] as const;

export interface ListCorrectionModalProps {
  profile: CadreDetail;
  open: boolean;
  onClose: () => void;
}

/**
 * 申请更正简历及家庭成员: the résumé and the relatives as they are, in the cadre form's list
 * fields; what the cadre changes is sent as a correction (only the lists that differ).
 */
export function ListCorrectionModal({ profile, open, onClose }: ListCorrectionModalProps) {
  return (
    <FormModal open={open} title={t('listCorrection.title')} onClose={onClose} width={880}>
      <ListCorrectionForm profile={profile} onClose={onClose} />
    </FormModal>
  );
}

function ListCorrectionForm({ profile, onClose }: Omit<ListCorrectionModalProps, 'open'>) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const propose = useProposeCorrection();
  const [failure, setFailure] = useState<ApiError | string | null>(null);

  const submit = async (values: FormValues) => {
    setFailure(null);
    const lists = fromFormLists(values);
    const changes = Object.fromEntries(
      (['resume', 'relatives'] as const)
        .filter((f) => canonical(lists[f]) !== canonical(profile[f]))
        .map((f) => [f, lists[f]]),
    );
    if (Object.keys(changes).length === 0) {
      setFailure(t('listCorrection.empty'));
      return;
    }
    try {
      await propose.mutateAsync({ changes, note: values.note?.trim() || null } as CorrectionInput);
      message.success(t('correctionForm.submitted'));
      onClose();
    } catch (error) {
      setFailure(formFailure(form, error, FIELDS));
    }
  };

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={toFormLists(profile)}
      onFinish={submit}
      onFinishFailed={() => message.warning(t('common.formHasErrors'))}
    >
      <Typography.Paragraph type="secondary">{t('listCorrection.hint')}</Typography.Paragraph>
      {failure ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={typeof failure === 'string' ? failure : errorMessage(failure)}
        />
      ) : null}
      <Divider titlePlacement="start">{t('cadreForm.sectionResume')}</Divider>
      <CadreResumeField />
      <Divider titlePlacement="start">{t('cadreForm.sectionRelatives')}</Divider>
      <CadreRelativesField />
      <Form.Item name="note" label={t('correctionForm.note')} rules={[zodRule(zCorrectionInput.shape.note)]}>
        <Input.TextArea
          rows={2}
          maxLength={maxLengthOf(zCorrectionInput.shape.note)}
          placeholder={t('correctionForm.notePlaceholder')}
        />
      </Form.Item>
      <FormActions
        onCancel={onClose}
        saving={propose.isPending}
        okText={t('correctionForm.submit')}
        okIcon={<SendOutlined aria-hidden />}
      />
    </Form>
  );
}
