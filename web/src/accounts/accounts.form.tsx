import { Alert, Checkbox, Form, Input } from 'antd';
import { type Account, zAccountCreate } from '../../../common/accounts/accounts.schema';
import { t } from '../../../common/i18n/index';
import { idNumberProblems, normalizeIdNumber } from '../../../common/personal/id-number';
import { accountKeys } from '../api/query-keys';
import { maxLengthOf, textLimits, zodRule } from '../common/form.utils';
import { FormActions, FormFailureAlert, FormModal } from '../common/record-form.component';
import { useFetchFresh, useRecordForm } from '../common/record-form.hooks';
import {
  type AccountUpdate,
  type AccountWithPassword,
  fetchAccount,
  useCreateAccount,
  useUpdateAccount,
} from './accounts.api';

interface AccountFormValues {
  username: string;
  displayName: string;
  phone?: string;
  idNumber?: string;
  clearPhone?: boolean;
  clearIdNumber?: boolean;
}

/** The form's field names are the schema's, so server field errors land on them as they are. */
const FIELDS = ['username', 'displayName', 'phone', 'idNumber'] as const;

/** The ID number checked here as the server will (GB 11643 check digit, birth date, region). */
const idNumberRule = {
  validator: async (_rule: unknown, value: string | undefined) => {
    if (!value?.trim()) return;
    const problem = idNumberProblems(value)[0];
    if (problem) throw new Error(t(problem));
  },
};

export interface AccountFormModalProps {
  open: boolean;
  /** The account to edit; null to create one. */
  account: Account | null;
  onClose: () => void;
  /** A new account with its one-time password (to show once). */
  onCreated: (created: AccountWithPassword) => void;
}

/** Create or edit an account in a modal. Enter submits; server field errors appear on the fields. */
export function AccountFormModal({ open, account, onClose, onCreated }: AccountFormModalProps) {
  return (
    <FormModal
      open={open}
      title={account ? t('accounts.editTitle') : t('accounts.create')}
      onClose={onClose}
      width={560}
    >
      {/* keyed so that every opening starts from the record's values */}
      <AccountForm key={account?.id ?? 'new'} account={account} onClose={onClose} onCreated={onCreated} />
    </FormModal>
  );
}

function AccountForm({ account: initial, onClose, onCreated }: Omit<AccountFormModalProps, 'open'>) {
  const [form] = Form.useForm<AccountFormValues>();
  const create = useCreateAccount();
  const update = useUpdateAccount();
  const {
    record: account,
    attempt,
    failureProps,
    formProps,
  } = useRecordForm({
    form,
    fields: FIELDS,
    initial,
    fetchFresh: useFetchFresh(accountKeys.detail, fetchAccount),
    toValues: (a) => ({ username: a?.username ?? '', displayName: a?.displayName ?? '' }),
    onDone: onClose,
  });
  const clearPhone = Form.useWatch('clearPhone', form) ?? false;
  const clearIdNumber = Form.useWatch('clearIdNumber', form) ?? false;

  const submit = (values: AccountFormValues) =>
    attempt(async () => {
      const phone = values.phone?.trim() || undefined;
      const idNumber = values.idNumber?.trim() ? normalizeIdNumber(values.idNumber) : undefined;
      if (account) {
        // the client only sees phone and ID number masked: send them only when typed anew (or removed)
        const input: AccountUpdate = {
          displayName: values.displayName.trim(),
          version: account.version,
          ...(values.clearPhone ? { phone: null } : phone ? { phone } : {}),
          ...(values.clearIdNumber ? { idNumber: null } : idNumber ? { idNumber } : {}),
        };
        const saved = await update.mutateAsync({ id: account.id, input });
        return t('accounts.saved', { name: saved.displayName });
      }
      const created = await create.mutateAsync({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        phone: phone ?? null,
        idNumber: idNumber ?? null,
      });
      onCreated(created);
      return t('accounts.created', { name: created.account.displayName });
    });

  const editing = account !== null;
  const keepHint = (masked: string | null | undefined) =>
    editing && masked ? t('accounts.field.current', { value: masked }) : undefined;

  return (
    <Form<AccountFormValues> {...formProps} onFinish={submit}>
      <FormFailureAlert {...failureProps} />
      {editing ? null : (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('accounts.rolesBySecurityAdmin')} />
      )}
      <Form.Item
        name="username"
        label={t('accounts.field.username')}
        extra={editing ? undefined : t('accounts.field.usernameHint')}
        rules={
          editing
            ? []
            : [
                { required: true, whitespace: true, message: t('accounts.field.usernameRequired') },
                zodRule(zAccountCreate.shape.username),
              ]
        }
      >
        <Input
          disabled={editing}
          autoFocus={!editing}
          maxLength={32}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('accounts.field.displayName')}
        rules={[
          { required: true, whitespace: true, message: t('accounts.field.displayNameRequired') },
          zodRule(
            zAccountCreate.shape.displayName,
            t('accounts.field.displayNameLength', textLimits(zAccountCreate.shape.displayName)),
          ),
        ]}
      >
        <Input
          autoFocus={editing}
          maxLength={maxLengthOf(zAccountCreate.shape.displayName)}
          autoComplete="off"
        />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('accounts.field.phone')}
        extra={keepHint(account?.phone)}
        rules={clearPhone ? [] : [zodRule(zAccountCreate.shape.phone)]}
      >
        <Input
          inputMode="tel"
          autoComplete="off"
          disabled={clearPhone}
          placeholder={t('accounts.field.optional')}
          maxLength={20}
        />
      </Form.Item>
      {editing && account?.phone ? (
        <Form.Item name="clearPhone" valuePropName="checked" style={{ marginTop: -16 }}>
          <Checkbox onChange={() => form.setFields([{ name: 'phone', errors: [] }])}>
            {t('accounts.field.clearPhone')}
          </Checkbox>
        </Form.Item>
      ) : null}
      <Form.Item
        name="idNumber"
        label={t('accounts.field.idNumber')}
        extra={keepHint(account?.idNumber)}
        rules={clearIdNumber ? [] : [idNumberRule]}
      >
        <Input
          autoComplete="off"
          disabled={clearIdNumber}
          placeholder={t('accounts.field.optional')}
          maxLength={18}
          className="mono"
        />
      </Form.Item>
      {editing && account?.idNumber ? (
        <Form.Item name="clearIdNumber" valuePropName="checked" style={{ marginTop: -16 }}>
          <Checkbox onChange={() => form.setFields([{ name: 'idNumber', errors: [] }])}>
            {t('accounts.field.clearIdNumber')}
          </Checkbox>
        </Form.Item>
      ) : null}
      <FormActions onCancel={onClose} saving={create.isPending || update.isPending} />
    </Form>
  );
}
