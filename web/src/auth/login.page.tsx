import { LockOutlined, LoginOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import type { LoginRequest } from '../../../common/auth/auth.schema';
import { t } from '../../../common/i18n/index';
import { applyFieldErrors, errorMessage, isApiError } from '../api/client';
import { usePageTitle } from '../common/page-title.hooks';
import { forgetSignOut, requiredStep, safeRedirect, useLogin, useSession, withRedirect } from './auth.api';
import { TotpCodeItem } from './totp-code.component';

export function LoginPage() {
  usePageTitle(t('auth.login'));
  const [form] = Form.useForm<LoginRequest>();
  const [search] = useSearchParams();
  const session = useSession();
  const login = useLogin();
  const target = safeRedirect(search.get('redirect'));
  // after a 429 the form offers the TOTP code too: password and code together pass the hold on
  // a source address with many failures (ADR 018)
  const [withCode, setWithCode] = useState(false);
  // from here on, a session that ends is an expiry again (back to /login remembering the page)
  useEffect(forgetSignOut, []);

  // signed in (just now, or already): on to the step the session owes (second factor, forced
  // password change, TOTP enrolment), else to the page asked for
  const me = session.data;
  if (me) {
    const step = requiredStep(me);
    return <Navigate to={step ? withRedirect(step, target) : target} replace />;
  }

  const submit = (values: LoginRequest) => {
    const code = values.code?.trim();
    login.mutate(
      { username: values.username, password: values.password, ...(code ? { code } : {}) },
      {
        onError: (error) => {
          applyFieldErrors(form, error, ['username', 'password', 'code']);
          form.setFieldsValue({ password: '', code: '' });
          if (isApiError(error, 'RATE_LIMITED')) setWithCode(true);
        },
      },
    );
  };

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
          {t('auth.loginTitle')}
        </Typography.Title>
        {login.isError ? (
          <Alert type="error" showIcon title={errorMessage(login.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Form<LoginRequest> form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large">
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
          </Form.Item>
          {withCode ? (
            <TotpCodeItem label={t('login.codeOptional')} required={false} extra={t('login.codeHint')} />
          ) : null}
          <Form.Item style={{ marginBottom: 0 }}>
            {/* with an icon, antd swaps in the spinner without the width animation that can leave it behind */}
            <Button
              type="primary"
              htmlType="submit"
              block
              icon={<LoginOutlined aria-hidden />}
              loading={login.isPending}
            >
              {t('auth.login')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </div>
  );
}
