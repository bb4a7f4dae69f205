import { ArrowRightOutlined, SafetyOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, QRCode, Result, Spin, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { t } from '../../../common/i18n/index';
import { applyFieldErrors, errorMessage, isApiError } from '../api/client';
import { CopyButton } from '../common/copy-button.component';
import { ErrorState } from '../common/error-state.component';
import { PageHeader } from '../common/page-header.component';
import { usePageTitle } from '../common/page-title.hooks';
import { safeRedirect, sessionKey, useEnableTotp, useMe, useTotpSetup } from './auth.api';
import { TotpCodeItem } from './totp-code.component';

/**
 * Binding a TOTP authenticator: QR code (and the secret to type in), a first code to confirm,
 * then the 10 recovery codes, shown once. Forced (no menu, with an explanation) while an
 * administrator has none; otherwise reached from 安全设置.
 */
export function TotpSetupPage() {
  usePageTitle(t('mfa.setupTitle'));
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  // decided once: the session is reloaded only after the recovery codes have been seen
  const [forced] = useState(() => me.totpEnrolmentRequired);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [leaving, setLeaving] = useState(false);

  const goOn = async () => {
    setLeaving(true);
    try {
      await queryClient.refetchQueries({ queryKey: sessionKey });
    } finally {
      navigate(forced ? safeRedirect(search.get('redirect')) : '/security', { replace: true });
    }
  };

  let body: ReactNode;
  if (codes) body = <RecoveryCodesView codes={codes} onContinue={() => void goOn()} leaving={leaving} />;
  else if (me.totpEnabled) {
    body = (
      <Result
        status="success"
        title={t('mfa.alreadyBound')}
        extra={
          <Button type="primary" onClick={() => navigate('/security')}>
            {t('mfa.backToSecurity')}
          </Button>
        }
      />
    );
  } else body = <SetupForm onEnabled={setCodes} />;

  if (forced) {
    return (
      <div className="auth-page auth-page--in-shell">
        <Card className="auth-card" title={t('mfa.setupTitle')}>
          {codes ? null : (
            <Alert
              type="warning"
              showIcon
              title={t('mfa.setupRequired')}
              description={t('mfa.setupRequiredHint')}
              style={{ marginBottom: 16 }}
            />
          )}
          {body}
        </Card>
      </div>
    );
  }
  return (
    <>
      <PageHeader title={t('mfa.setupTitle')} />
      <Card style={{ maxWidth: 560 }}>
        {codes ? null : <Typography.Paragraph>{t('mfa.setupIntro')}</Typography.Paragraph>}
        {body}
      </Card>
    </>
  );
}

function SetupForm({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const setup = useTotpSetup();
  const enable = useEnableTotp();
  const [form] = Form.useForm<{ code: string }>();

  if (setup.isPending) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin description={t('app.loading')} />
      </Flex>
    );
  }
  if (setup.isError) {
    return (
      <ErrorState
        title={t('mfa.setupFailed')}
        error={setup.error}
        onRetry={() => void setup.refetch()}
        retrying={setup.isFetching}
      />
    );
  }

  const submit = ({ code }: { code: string }) => {
    enable.mutate(code.trim(), {
      onSuccess: ({ recoveryCodes }) => onEnabled(recoveryCodes),
      onError: (error) => applyFieldErrors(form, error, ['code']),
    });
  };
  const showAlert = enable.isError && !(isApiError(enable.error) && enable.error.fields.length > 0);

  return (
    <>
      <Typography.Paragraph strong>{t('mfa.scanStep')}</Typography.Paragraph>
      <Flex vertical align="center" gap={8} style={{ marginBottom: 16 }}>
        <QRCode value={setup.data.uri} size={176} role="img" aria-label={t('mfa.qrLabel')} />
        <Typography.Text type="secondary">{t('mfa.secretCaption')}</Typography.Text>
        <Flex gap={8} align="center" wrap justify="center">
          <code className="totp-secret" data-testid="totp-secret">
            {setup.data.secret}
          </code>
          <CopyButton size="small" text={setup.data.secret} />
        </Flex>
      </Flex>
      <Typography.Paragraph strong>{t('mfa.codeStep')}</Typography.Paragraph>
      <Form<{ code: string }> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <TotpCodeItem icon={false} />
        {showAlert ? (
          <Alert type="error" showIcon title={errorMessage(enable.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Form.Item style={{ marginBottom: 0 }}>
          <Button
            type="primary"
            htmlType="submit"
            block
            icon={<SafetyOutlined aria-hidden />}
            loading={enable.isPending}
          >
            {t('mfa.bind')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}

function RecoveryCodesView({
  codes,
  onContinue,
  leaving,
}: {
  codes: string[];
  onContinue: () => void;
  leaving: boolean;
}) {
  return (
    <>
      <Alert type="success" showIcon title={t('mfa.bound')} style={{ marginBottom: 12 }} />
      <Alert
        type="warning"
        showIcon
        title={t('mfa.recoveryWarning')}
        description={t('mfa.recoveryWarningHint')}
        style={{ marginBottom: 16 }}
      />
      <ol className="recovery-codes" aria-label={t('mfa.recoveryList')} data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <Flex justify="flex-end" style={{ marginBottom: 16 }}>
        <CopyButton text={codes.join('\n')} label={t('mfa.copyAll')} />
      </Flex>
      <Button
        type="primary"
        block
        icon={<ArrowRightOutlined aria-hidden />}
        loading={leaving}
        onClick={onContinue}
      >
        {t('mfa.continue')}
      </Button>
    </>
  );
}
