import { App } from 'antd';
import { t } from '../../../common/i18n/index';
import { errorMessage } from '../api/client';

export interface ConfirmDelete {
  title: string;
  hint: string;
  remove: () => Promise<unknown>;
  /** Said once it is gone. */
  done: string;
}

/** Asks before deleting; a refusal (e.g. a programme that still has batches) shows the server's words. */
export function useConfirmDelete(): (what: ConfirmDelete) => void {
  const { modal, message } = App.useApp();
  return ({ title, hint, remove, done }) => {
    modal.confirm({
      title,
      content: hint,
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await remove();
          message.success(done);
        } catch (error) {
          modal.error({
            title: t('programmes.deleteRefused'),
            content: errorMessage(error),
            okText: t('common.confirm'),
          });
        }
      },
    });
  };
}
