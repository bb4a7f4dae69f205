import {
  EyeInvisibleOutlined,
  EyeOutlined,
  KeyOutlined,
  SafetyOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ADMIN_ROLES } from '../../../common/accounts/accounts.schema';
import { t } from '../../../common/i18n/index';
import { applyFieldErrors, errorMessage, isApiError } from '../api/client';
import { PageHeader } from '../common/page-header.component';
import { fetchPersonal, type PersonalSelf, useDisableTotp, useMe } from './auth.api';

const isAdministrator = (roles: readonly string[]) =>
  roles.some((role) => (ADMIN_ROLES as readonly string[]).includes(role));

/** 安全设置: the second factor, the password, and one's own personal data (shown on request). */
export function SecurityPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [disabling, setDisabling] = useState(false);
  const administrator = isAdministrator(me.roles);

  return (
    <>
      <PageHeader title={t('security.title')} />
      <Flex vertical gap={16} style={{ maxWidth: 720 }}>
        <Card title={t('security.totp')}>
          <Typography.Paragraph type="secondary">{t('security.totpHint')}</Typography.Paragraph>
          <Flex align="center" justify="space-between" wrap gap={12}>
            <span>
              {t('security.status')}：
              {me.totpEnabled ? (
                <Tag color="success">{t('mfa.on')}</Tag>
              ) : (
                <Tag color="default">{t('mfa.off')}</Tag>
              )}
            </span>
            {me.totpEnabled ? (
              administrator ? null : (
                <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setDisabling(true)}>
                  {t('security.disable')}
                </Button>
              )
            ) : (
              <Button
                type="primary"
                icon={<SafetyOutlined aria-hidden />}
                onClick={() => navigate('/totp-setup')}
              >
                {t('mfa.bind')}
              </Button>
            )}
          </Flex>
          {administrator ? (
            <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
              {t('security.totpAdminHint')}
            </Typography.Paragraph>
          ) : null}
        </Card>
        <Card title={t('security.passwordSection')}>
          <Flex align="center" justify="space-between" wrap gap={12}>
            <Typography.Text type="secondary">{t('security.passwordHint')}</Typography.Text>
            <Button icon={<KeyOutlined aria-hidden />} onClick={() => navigate('/change-password')}>
              {t('auth.changePassword')}
            </Button>
          </Flex>
        </Card>
        <PersonalCard />
      </Flex>
      <DisableTotpModal open={disabling} onClose={() => setDisabling(false)} />
    </>
  );
}

/** Own phone and ID number: hidden until asked for, after a warning that viewing is audited. */
function PersonalCard() {
  const { modal, message } = App.useApp();
  const [personal, setPersonal] = useState<PersonalSelf | null>(null);
  const [loading, setLoading] = useState(false);

  const view = () => {
    modal.confirm({
      title: t('security.viewConfirm'),
      content: t('security.viewConfirmHint'),
      okText: t('security.view'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setLoading(true);
        try {
          setPersonal(await fetchPersonal());
        } catch (error) {
          message.error(errorMessage(error));
        } finally {
          setLoading(false);
        }
      },
    });
  };

  const shown = (value: string | null | undefined) =>
    personal ? (
      value ? (
        <span className="mono">{value}</span>
      ) : (
        <Typography.Text type="secondary">{t('security.notRecorded')}</Typography.Text>
      )
    ) : (
      <Typography.Text type="secondary">{t('security.hiddenValue')}</Typography.Text>
    );

  return (
    <Card
      title={t('security.personal')}
      extra={
        personal ? (
          <Button icon={<EyeInvisibleOutlined aria-hidden />} onClick={() => setPersonal(null)}>
            {t('security.hide')}
          </Button>
        ) : (
          <Button icon={<EyeOutlined aria-hidden />} loading={loading} onClick={view}>
            {t('security.viewFull')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('security.personalHint')}</Typography.Paragraph>
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 120 } }}>
        <Descriptions.Item label={t('security.phone')}>{shown(personal?.phone)}</Descriptions.Item>
        <Descriptions.Item label={t('security.idNumber')}>{shown(personal?.idNumber)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function DisableTotpModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const disable = useDisableTotp();
  const { message } = App.useApp();

  const close = () => {
    form.resetFields();
    disable.reset();
    onClose();
  };

  const submit = ({ password }: { password: string }) => {
    disable.mutate(password, {
      onSuccess: () => {
        message.success(t('security.disabled'));
        close();
      },
      onError: (error) => applyFieldErrors(form, error, ['password']),
    });
  };
  const showAlert = disable.isError && !(isApiError(disable.error) && disable.error.fields.length > 0);

  return (
    <Modal
      open={open}
      title={t('security.disableTitle')}
      onCancel={close}
      okText={t('security.confirmDisable')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: disable.isPending, icon: <StopOutlined aria-hidden /> }}
      onOk={() => form.submit()}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Typography.Paragraph>{t('security.disableHint')}</Typography.Paragraph>
      {showAlert ? (
        <Alert type="error" showIcon title={errorMessage(disable.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<{ password: string }> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="password"
          label={t('security.password')}
          rules={[{ required: true, message: t('security.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
