import { App, Form, InputNumber, Modal, Switch, Typography } from 'antd';
import { t } from '../../../common/i18n/index';
import {
  FIT_FACTORS,
  type MatchingSettings,
  type MatchingSettingsView,
} from '../../../common/matching/matching.schema';
import { errorMessage } from '../api/client';
import { useSaveSettings } from './matching.api';

/** The batch's weights, allowed rank gap and home-county avoidance (pairing rules are kept as they are). */
export function SettingsModal({
  batchId,
  settings,
  onClose,
}: {
  batchId: string;
  settings: MatchingSettingsView;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Pick<MatchingSettings, 'weights' | 'rankGap' | 'homeCountyAvoidance'>>();
  const save = useSaveSettings(batchId);
  const { message } = App.useApp();
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await save.mutateAsync({
        ...values,
        counterpart: settings.counterpart,
        mutual: settings.mutual,
        version: settings.version,
      });
      message.success(t('matching.ui.settingsSaved'));
      onClose();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <Modal
      open
      title={t('matching.ui.settings')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 12 }}
        initialValues={{
          weights: settings.weights,
          rankGap: settings.rankGap,
          homeCountyAvoidance: settings.homeCountyAvoidance,
        }}
      >
        <Typography.Title level={5}>{t('matching.ui.weights')}</Typography.Title>
        {FIT_FACTORS.map((f) => (
          <Form.Item
            key={f}
            name={['weights', f]}
            label={t(`matching.factorName.${f}`)}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={100} precision={0} />
          </Form.Item>
        ))}
        <Form.Item name="rankGap" label={t('matching.ui.rankGap')} rules={[{ required: true }]}>
          <InputNumber min={0} max={6} precision={0} />
        </Form.Item>
        <Form.Item name="homeCountyAvoidance" label={t('matching.ui.homeCounty')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Typography.Text type="secondary">
          {t('matching.ui.pairingRules', {
            counterpart: settings.counterpart.length,
            mutual: settings.mutual.length,
          })}
        </Typography.Text>
      </Form>
    </Modal>
  );
}
