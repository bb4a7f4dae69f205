import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { t } from '../../../common/i18n/index';
import { ApiError, applyFieldErrors, errorMessage, isApiError } from '../api/client';
import type { FormFailureAlertProps } from './record-form.component';

/**
 * A form's failed request: the server's field errors go onto the fields; anything else (a
 * refusal, a version conflict, a network failure) is kept for `FormFailureAlert`.
 */
export function useFormFailure(form: FormInstance, fields: readonly string[]) {
  const [failure, setFailure] = useState<ApiError | null>(null);
  const fail = useCallback(
    (error: unknown) => {
      const unplaced = applyFieldErrors(form, error, fields);
      const placedAll = isApiError(error) && error.fields.length > 0 && unplaced.length === 0;
      setFailure(
        placedAll
          ? null
          : error instanceof ApiError
            ? error
            : new ApiError({ status: 0, code: 'NETWORK', message: errorMessage(error) }),
      );
    },
    [form, fields],
  );
  const clear = useCallback(() => setFailure(null), []);
  return { failure, fail, clear };
}

/**
 * Loads the current copy of a record past the cache (and puts it there), for reloading after a
 * version conflict.
 */
export function useFetchFresh<R extends { id: string }>(
  keyOf: (id: string) => QueryKey,
  fetchOne: (id: string, signal?: AbortSignal) => Promise<R>,
): (record: R) => Promise<R> {
  const queryClient = useQueryClient();
  return (record) =>
    queryClient.fetchQuery({
      queryKey: keyOf(record.id),
      queryFn: ({ signal }) => fetchOne(record.id, signal),
      staleTime: 0,
    });
}

/**
 * The copy of a record a form works on and, after `VERSION_CONFLICT`, loading the current one
 * (`onReloaded` puts it into the form); says so, or why it could not.
 */
export function useRecordReload<R extends object | null>(
  initial: R,
  fetchFresh: (record: NonNullable<R>) => Promise<NonNullable<R>>,
  onReloaded: (fresh: NonNullable<R>) => void,
) {
  const { message } = App.useApp();
  const [record, setRecord] = useState<R>(initial);
  const [reloading, setReloading] = useState(false);
  const reload = async () => {
    if (!record) return;
    setReloading(true);
    try {
      const fresh = await fetchFresh(record);
      setRecord(fresh);
      onReloaded(fresh);
      message.info(t('common.staleReloaded'));
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setReloading(false);
    }
  };
  return { record, reload: () => void reload(), reloading };
}

export interface RecordFormOptions<R extends object, V> {
  form: FormInstance<V>;
  /** The form's field names, which are the schema's: server field errors land on them. */
  fields: readonly string[];
  /** The record being edited, or null when creating one. */
  initial: R | null;
  /** Loads the current copy of the record (after a version conflict). */
  fetchFresh: (record: R) => Promise<R>;
  toValues: (record: R | null) => V | Partial<V>;
  /** Called once a save went through (closes the dialog). */
  onDone: () => void;
}

/**
 * What the forms that create or edit a record share: the copy being edited, a save that says
 * what it did, server failures (field errors on the fields, the rest above the form) and, after
 * `VERSION_CONFLICT`, reloading the current copy into the form.
 */
export function useRecordForm<R extends object, V>(options: RecordFormOptions<R, V>) {
  const { form, fields, initial, fetchFresh, toValues, onDone } = options;
  const { message } = App.useApp();
  const { failure, fail, clear } = useFormFailure(form, fields);
  const { record, reload, reloading } = useRecordReload<R | null>(initial, fetchFresh, (fresh) => {
    form.resetFields();
    form.setFieldsValue(toValues(fresh) as Parameters<typeof form.setFieldsValue>[0]);
    clear();
  });

  /** Runs a save; `save` answers the success message. */
  const attempt = async (save: () => Promise<string>) => {
    clear();
    try {
      message.success(await save());
      onDone();
    } catch (error) {
      fail(error);
    }
  };

  const failureProps: FormFailureAlertProps = { failure, onReload: reload, reloading };
  /** The props every such form has (vertical layout, required marks, a warning when a field is wrong). */
  const formProps = {
    form,
    layout: 'vertical',
    initialValues: toValues(record),
    onFinishFailed: () => message.warning(t('common.formHasErrors')),
    requiredMark: true,
    scrollToFirstError: true,
  } as const;
  return { record, attempt, failureProps, formProps };
}
