import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Form } from 'antd';
import type { ReactNode } from 'react';
import { t } from '../../../common/i18n/index';
import { type ApiError, errorMessage } from '../api/client';

export interface FormFailureProps {
  failure: ApiError | null;
  onReload: () => void;
  reloading: boolean;
}

/** A failed save shown above its form; a version conflict offers to load the current copy. */
export function FormFailure({ failure, onReload, reloading }: FormFailureProps) {
  if (!failure) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={errorMessage(failure)}
      action={
        failure.code === 'VERSION_CONFLICT' ? (
          <Button size="small" loading={reloading} onClick={onReload}>
            {t('common.staleReload')}
          </Button>
        ) : undefined
      }
    />
  );
}

export interface FormActionsProps {
  onCancel: () => void;
  saving: boolean;
  /** The submit button's text and icon; 保存 by default. */
  okText?: string;
  okIcon?: ReactNode;
  disabled?: boolean;
}

/** 取消 and the submit button at the foot of a dialog's form. */
export function FormActions({ onCancel, saving, okText, okIcon, disabled }: FormActionsProps) {
  return (
    <Form.Item style={{ marginBottom: 0, textAlign: 'right' }}>
      <Button onClick={onCancel} style={{ marginRight: 8 }}>
        {t('common.cancel')}
      </Button>
      <Button
        type="primary"
        htmlType="submit"
        icon={okIcon ?? <SaveOutlined aria-hidden />}
        loading={saving}
        disabled={disabled}
      >
        {okText ?? t('common.save')}
      </Button>
    </Form.Item>
  );
}
