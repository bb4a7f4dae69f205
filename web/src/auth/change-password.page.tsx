import { CheckCircleFilled, CheckOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { type PasswordProblem, passwordProblems } from '../../../common/auth/password-policy';
import { t } from '../../../common/i18n/index';
import { applyFieldErrors, errorMessage, isApiError } from '../api/client';
import { PageHeader } from '../common/page-header.component';
import { usePageTitle } from '../common/page-title.hooks';
import { safeRedirect, useChangePassword, useMe } from './auth.api';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The rules shown as a checklist; "too long" appears only when it applies. */
const CHECKLIST: PasswordProblem[] = [
  'password.tooShort',
  'password.classes',
  'password.containsUsername',
  'password.common',
];

function PolicyChecklist({ password, username }: { password: string; username: string }) {
  const problems = passwordProblems(password, username);
  const rules = problems.includes('password.tooLong')
    ? [...CHECKLIST, 'password.tooLong' as const]
    : CHECKLIST;
  return (
    <div className="policy-checklist" aria-live="polite">
      <Typography.Text type="secondary">{t('auth.policyTitle')}</Typography.Text>
      <ul>
        {rules.map((rule) => {
          const ok = password.length > 0 && !problems.includes(rule);
          return (
            <li key={rule} className={ok ? 'is-ok' : undefined} data-ok={ok}>
              {ok ? <CheckCircleFilled aria-hidden /> : <CloseCircleOutlined aria-hidden />}
              <span>{t(rule)}</span>
            </li>
          );
        })}
      </ul>
      <Typography.Text type="secondary">{t('login.historyNote')}</Typography.Text>
    </div>
  );
}

/**
 * Change one's own password. Forced (no menu, with an explanation) while the account must
 * change it; otherwise a normal page reached from the user menu.
 */
export function ChangePasswordPage() {
  const me = useMe();
  const forced = me.mustChangePassword;
  const [form] = Form.useForm<ChangePasswordValues>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const change = useChangePassword();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  usePageTitle(t('auth.changePassword'));

  const submit = (values: ChangePasswordValues) => {
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          message.success(t('auth.passwordChanged'));
          navigate(safeRedirect(search.get('redirect')), { replace: true });
        },
        onError: (error) => applyFieldErrors(form, error, ['currentPassword', 'newPassword']),
      },
    );
  };

  const formNode = (
    <Form<ChangePasswordValues> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
      {/* lets password managers tie the new password to the account */}
      <input type="text" name="username" value={me.username} autoComplete="username" readOnly hidden />
      <Form.Item
        name="currentPassword"
        label={t('auth.currentPassword')}
        rules={[{ required: true, message: t('auth.currentPasswordRequired') }]}
      >
        <Input.Password autoComplete="current-password" autoFocus />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('auth.newPassword')}
        dependencies={['currentPassword']}
        extra={<PolicyChecklist password={newPassword} username={me.username} />}
        rules={[
          { required: true, message: t('auth.newPasswordRequired') },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              if (!value) return;
              const problems = passwordProblems(value, me.username);
              if (problems.length > 0) throw new Error(t('auth.policyNotMet'));
              if (value === getFieldValue('currentPassword')) throw new Error(t('password.sameAsOld'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('auth.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('auth.confirmPasswordRequired') },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(t('auth.confirmMismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {change.isError && !(isApiError(change.error) && change.error.fields.length > 0) ? (
        <Alert type="error" showIcon title={errorMessage(change.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item style={{ marginBottom: 0 }}>
        <Button
          type="primary"
          htmlType="submit"
          icon={<CheckOutlined aria-hidden />}
          loading={change.isPending}
          block={forced}
        >
          {t('auth.submitChange')}
        </Button>
      </Form.Item>
    </Form>
  );

  if (forced) {
    return (
      <div className="auth-page auth-page--in-shell">
        <Card className="auth-card" title={t('auth.changePassword')}>
          <Alert
            type="warning"
            showIcon
            title={t('auth.forcedChange')}
            description={t('auth.forcedChangeHint')}
            style={{ marginBottom: 16 }}
          />
          {formNode}
        </Card>
      </div>
    );
  }
  return (
    <>
      <PageHeader title={t('auth.changePassword')} />
      <Card style={{ maxWidth: 520 }}>{formNode}</Card>
    </>
  );
}
