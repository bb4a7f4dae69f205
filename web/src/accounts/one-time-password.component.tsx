import { Alert, Button, Flex, Modal, Typography } from 'antd';
import { t } from '../../../common/i18n/index';
import { CopyButton } from '../common/copy-button.component';
import type { AccountWithPassword } from './accounts.api';

export interface OneTimePasswordModalProps {
  /** The account and its new password; null: closed. */
  value: AccountWithPassword | null;
  onClose: () => void;
}

/**
 * Shows a new account's (or a reset account's) one-time password, once: the server keeps only
 * its hash. Closes only by its button, so it is not dismissed by a stray click.
 */
export function OneTimePasswordModal({ value, onClose }: OneTimePasswordModalProps) {
  return (
    <Modal
      open={value !== null}
      title={t('otp.title')}
      closable={false}
      keyboard={false}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('otp.done')}
        </Button>
      }
    >
      {value ? (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('otp.warning')}
            description={t('otp.onlyOnce')}
            style={{ marginBottom: 16 }}
          />
          <Typography.Paragraph>
            {t('otp.account', { username: value.account.username, name: value.account.displayName })}
          </Typography.Paragraph>
          <Flex gap={8} align="center" wrap>
            <code className="one-time-password" data-testid="one-time-password">
              {value.oneTimePassword}
            </code>
            <CopyButton text={value.oneTimePassword} />
          </Flex>
        </>
      ) : null}
    </Modal>
  );
}
