import { KeyOutlined, LoginOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { t } from '../../../common/i18n/index';
import { applyFieldErrors, errorMessage, isApiError } from '../api/client';
import { usePageTitle } from '../common/page-title.hooks';
import { useLogout, useMe, useVerifySecondFactor } from './auth.api';
import { TotpCodeItem } from './totp-code.component';

interface VerifyValues {
  code?: string;
  recoveryCode?: string;
}

const RECOVERY = /^[a-z0-9]{5}-[a-z0-9]{5}$/i;

/**
 * The second step of a login for an account with a TOTP authenticator: the 6-digit code, or
 * one of the recovery codes. On success the session guard goes on (to a forced password
 * change, or to the page asked for). Five wrong answers end the session (back to the password,
 * which then waits a moment); the account locks only after many failures (ADR 018).
 */
export function VerifyPage() {
  usePageTitle(t('mfa.verifyTitle'));
  const me = useMe();
  const [form] = Form.useForm<VerifyValues>();
  const [recovery, setRecovery] = useState(false);
  const verify = useVerifySecondFactor();
  const logout = useLogout();
  const locked = isApiError(verify.error, 'ACCOUNT_LOCKED');

  const submit = (values: VerifyValues) => {
    const body = recovery
      ? { recoveryCode: values.recoveryCode?.trim().toLowerCase() ?? '' }
      : { code: values.code?.trim() ?? '' };
    verify.mutate(body, {
      onError: (error) => {
        applyFieldErrors(form, error, ['code', 'recoveryCode']);
        if (isApiError(error, 'INVALID_SECOND_FACTOR')) form.setFieldsValue({ code: '', recoveryCode: '' });
      },
    });
  };

  const switchMode = () => {
    setRecovery((r) => !r);
    verify.reset();
    form.resetFields();
  };

  // a field error is shown on the field; anything else (wrong code, locked, network) above the form
  const showAlert = verify.isError && !(isApiError(verify.error) && verify.error.fields.length > 0);

  return (
    <div className="auth-page">
      <Card className="auth-card">
        <div className="auth-card__brand">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
        </div>
        <Typography.Title level={5} type="secondary" style={{ marginTop: 0, textAlign: 'center' }}>
          {t('mfa.verifyTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {me.displayName}（{me.username}）：{recovery ? t('mfa.recoveryHint') : t('mfa.verifyHint')}
        </Typography.Paragraph>
        {showAlert ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(verify.error)}
            description={locked ? t('mfa.lockedHint') : undefined}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        {locked ? (
          <Button
            type="primary"
            block
            size="large"
            icon={<LoginOutlined aria-hidden />}
            loading={logout.isPending}
            onClick={() => logout.mutate()}
          >
            {t('auth.backToLogin')}
          </Button>
        ) : (
          <Form<VerifyValues>
            form={form}
            layout="vertical"
            onFinish={submit}
            requiredMark={false}
            size="large"
          >
            {recovery ? (
              <Form.Item
                key="recoveryCode"
                name="recoveryCode"
                label={t('mfa.recoveryCode')}
                rules={[
                  { required: true, whitespace: true, message: t('mfa.recoveryRequired') },
                  { pattern: RECOVERY, message: t('totp.recoveryFormat') },
                ]}
              >
                <Input
                  prefix={<KeyOutlined aria-hidden />}
                  autoComplete="off"
                  autoCapitalize="none"
                  spellCheck={false}
                  maxLength={11}
                  placeholder="xxxxx-xxxxx"
                  className="mono"
                  autoFocus
                />
              </Form.Item>
            ) : (
              <TotpCodeItem key="code" autoFocus />
            )}
            <Form.Item style={{ marginBottom: 8 }}>
              <Button
                type="primary"
                htmlType="submit"
                block
                icon={<SafetyOutlined aria-hidden />}
                loading={verify.isPending}
              >
                {t('mfa.verify')}
              </Button>
            </Form.Item>
            <div className="auth-card__links">
              <Button type="link" size="small" onClick={switchMode}>
                {recovery ? t('mfa.useCode') : t('mfa.useRecovery')}
              </Button>
              <Button type="link" size="small" disabled={logout.isPending} onClick={() => logout.mutate()}>
                {t('auth.backToLogin')}
              </Button>
            </div>
          </Form>
        )}
      </Card>
    </div>
  );
}
