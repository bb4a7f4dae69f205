import { SafetyOutlined } from '@ant-design/icons';
import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { t } from '../../../common/i18n/index';

const CODE = /^\d{6}$/;

/**
 * The form field of a 6-digit TOTP code (`code`), as the login, the second step and the binding
 * pages ask for it: digits only, the one-time-code autofill, optional where a page offers it.
 */
export function TotpCodeItem({
  label = t('mfa.code'),
  required = true,
  extra,
  autoFocus = false,
  icon = true,
}: {
  label?: string;
  required?: boolean;
  extra?: ReactNode;
  autoFocus?: boolean;
  icon?: boolean;
}) {
  return (
    <Form.Item
      name="code"
      label={label}
      extra={extra}
      normalize={(value?: string) => value?.replace(/\D/g, '')}
      rules={[
        ...(required ? [{ required: true, message: t('mfa.codeRequired') }] : []),
        { pattern: CODE, message: t('totp.codeFormat') },
      ]}
    >
      <Input
        prefix={icon ? <SafetyOutlined aria-hidden /> : undefined}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        className="mono"
        autoFocus={autoFocus}
      />
    </Form.Item>
  );
}
