import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Modal } from 'antd';
import type { ReactNode } from 'react';
import { t } from '../../../common/i18n/index';
import { type ApiError, errorMessage } from '../api/client';

export interface FormFailureAlertProps {
  failure: ApiError | null;
  /** Offered on VERSION_CONFLICT: load the record as it is now. */
  onReload?: (() => void) | undefined;
  reloading?: boolean;
  /** The reload button's text; 重新加载最新内容 by default. */
  reloadText?: string;
}

/** The failure in the server's words above the form; 重新加载最新内容 after a version conflict. */
export function FormFailureAlert({ failure, onReload, reloading, reloadText }: FormFailureAlertProps) {
  if (!failure) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={errorMessage(failure)}
      action={
        failure.code === 'VERSION_CONFLICT' && onReload ? (
          <Button size="small" loading={reloading} onClick={onReload}>
            {reloadText ?? t('common.staleReload')}
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

export interface FormModalProps {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  width: number;
  children: ReactNode;
}

/** The dialog a form lives in: its own buttons, Esc closes it, a click beside it does not; emptied when closed. */
export function FormModal({ open, title, onClose, width, children }: FormModalProps) {
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      mask={{ closable: false }}
      width={width}
    >
      {children}
    </Modal>
  );
}
