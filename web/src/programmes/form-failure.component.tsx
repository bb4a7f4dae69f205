import { Alert, Button } from 'antd';
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
