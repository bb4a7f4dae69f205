import { App, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { type CadreDetail, EXPERTISE_MAX_TAGS } from '../../../common/cadres/cadres.schema';
import { zSelfUpdate } from '../../../common/corrections/corrections.schema';
import { t } from '../../../common/i18n/index';
import type { ApiError } from '../api/client';
import { maxLengthOf, zodRule } from '../common/form.utils';
import { FormActions, FormFailureAlert, FormModal } from '../common/record-form.component';
import { useUpdateOwnProfile } from './corrections.api';
import { formFailure } from './corrections.utils';

interface SelfEditValues {
  phone?: string;
  school?: string;
  major?: string;
  expertise: string[];
}
const FIELDS = ['phone', 'school', 'major', 'expertise'] as const;

export interface SelfEditModalProps {
  profile: CadreDetail;
  open: boolean;
  onClose: () => void;
  /** Reloads the profile (after a version conflict). */
  onReload: () => Promise<unknown>;
}

/** The direct fields, saved at once: phone (blank keeps it), school, major, expertise. */
export function SelfEditModal({ profile, open, onClose, onReload }: SelfEditModalProps) {
  return (
    <FormModal open={open} title={t('myProfile.editTitle')} onClose={onClose} width={560}>
      <SelfEditForm key={profile.version} profile={profile} onClose={onClose} onReload={onReload} />
    </FormModal>
  );
}

function SelfEditForm({ profile, onClose, onReload }: Omit<SelfEditModalProps, 'open'>) {
  const [form] = Form.useForm<SelfEditValues>();
  const { message } = App.useApp();
  const save = useUpdateOwnProfile();
  const [failure, setFailure] = useState<ApiError | null>(null);

  const submit = async (values: SelfEditValues) => {
    setFailure(null);
    try {
      await save.mutateAsync({
        ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
        school: values.school?.trim() || null,
        major: values.major?.trim() || null,
        expertise: values.expertise,
        version: profile.version,
      });
      message.success(t('myProfile.saved'));
      onClose();
    } catch (error) {
      setFailure(formFailure(form, error, FIELDS));
    }
  };

  return (
    <Form<SelfEditValues>
      form={form}
      layout="vertical"
      initialValues={{
        school: profile.school ?? '',
        major: profile.major ?? '',
        expertise: profile.expertise,
      }}
      onFinish={submit}
      onFinishFailed={() => message.warning(t('common.formHasErrors'))}
    >
      <Typography.Paragraph type="secondary">{t('myProfile.editHint')}</Typography.Paragraph>
      <FormFailureAlert
        failure={failure}
        onReload={() => void onReload()}
        reloadText={t('myProfile.reload')}
      />
      <Form.Item name="phone" label={t('cadres.field.phone')} rules={[zodRule(zSelfUpdate.shape.phone)]}>
        <Input
          autoFocus
          inputMode="tel"
          autoComplete="off"
          placeholder={profile.phone ? t('myProfile.phoneKeep', { phone: profile.phone }) : undefined}
        />
      </Form.Item>
      <Form.Item name="school" label={t('cadres.field.school')} rules={[zodRule(zSelfUpdate.shape.school)]}>
        <Input maxLength={maxLengthOf(zSelfUpdate.shape.school)} autoComplete="off" />
      </Form.Item>
      <Form.Item name="major" label={t('cadres.field.major')} rules={[zodRule(zSelfUpdate.shape.major)]}>
        <Input maxLength={maxLengthOf(zSelfUpdate.shape.major)} autoComplete="off" />
      </Form.Item>
      <Form.Item name="expertise" label={t('cadres.field.expertise')}>
        <Select
          mode="tags"
          maxCount={EXPERTISE_MAX_TAGS}
          open={false}
          suffixIcon={null}
          tokenSeparators={[',', '，']}
        />
      </Form.Item>
      <FormActions onCancel={onClose} saving={save.isPending} />
    </Form>
  );
}
