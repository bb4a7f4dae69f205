import { Alert, Button, type FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { t } from '../../../common/i18n/index';
import { ApiError, applyFieldErrors, errorMessage, isApiError } from '../api/client';

/**
 * A form's failed request: the server's field errors go onto the fields; anything else (a
 * refusal, a version conflict, a network failure) is kept for `FormFailureAlert`. Written for the
 * post-request forms; units and accounts repeat it and could use it from web/src/common.
 */
export function useFormFailure(form: FormInstance, fields: readonly string[]) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const fail = useCallback(
    (error: unknown) => {
      const unplaced = applyFieldErrors(form, error, fields);
      const placedAll = isApiError(error) && error.fields.length > 0 && unplaced.length === 0;
      if (placedAll) return;
      setFailure(
        error instanceof ApiError
          ? error
          : new ApiError({ status: 0, code: 'NETWORK', message: errorMessage(error) }),
      );
    },
    [form, fields],
  );
  const clear = useCallback(() => setFailure(null), []);
  return { failure, fail, clear };
}

export interface FormFailureAlertProps {
  failure: ApiError | null;
  /** Offered on VERSION_CONFLICT: load the record as it is now. */
  onReload?: (() => void) | undefined;
  reloading?: boolean;
}

/** The failure in the server's words above the form; 重新加载最新内容 after a version conflict. */
export function FormFailureAlert({ failure, onReload, reloading }: FormFailureAlertProps) {
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
            {t('common.staleReload')}
          </Button>
        ) : undefined
      }
    />
  );
}
