import { App } from 'antd';
import { t } from '../../../common/i18n/index';
import { errorMessage } from '../api/client';

export interface ConfirmAction {
  title: string;
  hint: string;
  /** The (danger) button that goes ahead; 删除 by default. */
  okText?: string;
  run: () => Promise<unknown>;
  /** Said once it went through. */
  done?: string;
  /** The title over the server's reason when it was refused; 无法删除 by default. */
  refused?: string;
}

/**
 * Asks before a destructive action; a refusal (e.g. a programme that still has batches) shows the
 * server's words in a dialog.
 */
export function useConfirmAction(): (action: ConfirmAction) => void {
  const { modal, message } = App.useApp();
  return ({ title, hint, okText, run, done, refused }) => {
    modal.confirm({
      title,
      content: hint,
      okText: okText ?? t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await run();
          if (done) message.success(done);
        } catch (error) {
          modal.error({
            title: refused ?? t('common.deleteRefused'),
            content: errorMessage(error),
            okText: t('common.confirm'),
          });
        }
      },
    });
  };
}
