import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { t } from '../../../common/i18n/index';
import { ApiError, applyFieldErrors, errorMessage, isApiError } from '../api/client';
import type { FormFailureProps } from './record-form.component';

export interface RecordFormOptions<R, V> {
  form: FormInstance<V>;
  /** The form's field names, which are the schema's: server field errors land on them. */
  fields: readonly string[];
  /** The record being edited, or null when creating one. */
  initial: R | null;
  /** Loads the current copy of the record (after a version conflict). */
  fetchFresh: (record: R) => Promise<R>;
  toValues: (record: R | null) => V;
  /** Called once a save went through (closes the dialog). */
  onDone: () => void;
}

/**
 * What the programme and batch forms share: the copy being edited, a save that says what
 * it did, server failures (field errors on the fields, the rest above the form) and, after
 * `VERSION_CONFLICT`, reloading the current copy into the form.
 */
export function useRecordForm<R, V>(options: RecordFormOptions<R, V>) {
  const { form, fields, initial, fetchFresh, toValues, onDone } = options;
  const { message } = App.useApp();
  const [record, setRecord] = useState(initial);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [reloading, setReloading] = useState(false);

  const fail = (error: unknown) => {
    const unplaced = applyFieldErrors(form, error, fields);
    const placedAll = isApiError(error) && error.fields.length > 0 && unplaced.length === 0;
    if (placedAll) setFailure(null);
    else if (error instanceof ApiError) setFailure(error);
    else setFailure(new ApiError({ status: 0, code: 'NETWORK', message: errorMessage(error) }));
  };

  /** Runs a save; `save` answers the success message. */
  const attempt = async (save: () => Promise<string>) => {
    setFailure(null);
    try {
      message.success(await save());
      onDone();
    } catch (error) {
      fail(error);
    }
  };

  const reload = async () => {
    if (!record) return;
    setReloading(true);
    try {
      const fresh = await fetchFresh(record);
      setRecord(fresh);
      form.resetFields();
      form.setFieldsValue(toValues(fresh) as Parameters<typeof form.setFieldsValue>[0]);
      setFailure(null);
      message.info(t('common.staleReloaded'));
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setReloading(false);
    }
  };

  const failureProps: FormFailureProps = { failure, onReload: () => void reload(), reloading };
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
