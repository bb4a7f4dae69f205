import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Form, Select, Typography } from 'antd';
import { useState } from 'react';
import { type Account, ADMIN_ROLES, type RoleGrantInput } from '../../../common/accounts/accounts.schema';
import { ROLES, type Role } from '../../../common/auth/auth.schema';
import { type MessageKey, t } from '../../../common/i18n/index';
import { ApiError, applyFieldErrors, errorMessage } from '../api/client';
import { accountKeys } from '../api/query-keys';
import { FormActions, FormFailureAlert, FormModal } from '../common/record-form.component';
import { useFetchFresh, useRecordReload } from '../common/record-form.hooks';
import { RegionCascader } from '../regions/region-cascader.component';
import { UnitSelect } from '../units/unit-select.component';
import { fetchAccount, useSetGrants } from './accounts.api';

interface GrantRow {
  role?: Role;
  regionCode?: string | null;
  unitId?: string | null;
  /** The unit's name, for the picker to show before any search. */
  unitName?: string | null;
  /** Kept as they are (not edited here yet), so saving does not drop them. */
  programmeIds?: string[] | null;
}

interface GrantsValues {
  grants: GrantRow[];
}

const needsRegion = (role: Role | undefined) => role === 'org_dept';
const needsUnit = (role: Role | undefined) => role === 'sending_liaison' || role === 'receiving_manager';
const isAdminRole = (role: Role | undefined) => (ADMIN_ROLES as readonly (Role | undefined)[]).includes(role);

function toRows(account: Account): GrantRow[] {
  return account.grants.map((g) => ({
    role: g.role,
    regionCode: g.regionCode,
    unitId: g.unitId,
    unitName: g.unitName,
    programmeIds: g.programmeIds,
  }));
}

function toInput(rows: GrantRow[]): RoleGrantInput[] {
  return rows.flatMap((row) =>
    row.role
      ? [
          {
            role: row.role,
            regionCode: needsRegion(row.role) ? (row.regionCode ?? null) : null,
            unitId: needsUnit(row.role) ? (row.unitId ?? null) : null,
            programmeIds: needsRegion(row.role) ? (row.programmeIds ?? null) : null,
          },
        ]
      : [],
  );
}

/** What is wrong with the set of roles as a whole (三员分立, one of each role), before saving. */
function setProblems(rows: GrantRow[]): MessageKey[] {
  const roles = rows.map((r) => r.role).filter((r): r is Role => r !== undefined);
  const problems: MessageKey[] = [];
  if (new Set(roles).size !== roles.length) problems.push('grant.duplicateRole');
  if (roles.some(isAdminRole) && roles.length > 1) problems.push('grant.adminExclusive');
  return problems;
}

export interface GrantsModalProps {
  /** The account whose roles to edit; null: closed. */
  account: Account | null;
  onClose: () => void;
}

/** 授权: the account's roles, each with its data scope (a region for 组织部, a unit for the unit roles). */
export function GrantsModal({ account, onClose }: GrantsModalProps) {
  return (
    <FormModal
      open={account !== null}
      title={account ? t('accounts.grantTitle', { name: account.displayName }) : ''}
      onClose={onClose}
      width={640}
    >
      {account ? <GrantsForm key={account.id} account={account} onClose={onClose} /> : null}
    </FormModal>
  );
}

/** The row fields server errors land on (`grants.0.regionCode`). */
const GRANT_FIELDS = ['grants.role', 'grants.regionCode', 'grants.unitId'];

function GrantsForm({ account: initial, onClose }: { account: Account; onClose: () => void }) {
  const [form] = Form.useForm<GrantsValues>();
  const { message } = App.useApp();
  const save = useSetGrants();
  const [formError, setFormError] = useState<ApiError | null>(null);
  const {
    record: account,
    reload,
    reloading,
  } = useRecordReload(initial, useFetchFresh(accountKeys.detail, fetchAccount), (fresh) => {
    form.setFieldsValue({ grants: toRows(fresh) });
    setFormError(null);
  });
  const rows: GrantRow[] = Form.useWatch('grants', form) ?? toRows(account);
  const problems = setProblems(rows);
  const chosen = new Set(rows.map((r) => r.role));

  const submit = async () => {
    setFormError(null);
    if (problems.length > 0) return;
    // the whole store, with the values no field shows (programmeIds)
    const all = (form.getFieldValue('grants') ?? []) as GrantRow[];
    try {
      const saved = await save.mutateAsync({
        id: account.id,
        grants: toInput(all),
        version: account.version,
      });
      message.success(t('accounts.granted', { name: saved.displayName }));
      onClose();
    } catch (error) {
      const apiError =
        error instanceof ApiError
          ? error
          : new ApiError({ status: 0, code: 'NETWORK', message: errorMessage(error) });
      // `grants.0.regionCode` on that row's field, anything else above the form
      const rest = applyFieldErrors(form, apiError, GRANT_FIELDS);
      if (apiError.fields.length === 0 || rest.length > 0) {
        // a whole-set error (e.g. 三员分立) is worded better than the generic "提交的内容有误"
        setFormError(
          rest.length > 0 && rest.every((f) => f.field === 'grants')
            ? new ApiError({
                status: apiError.status,
                code: apiError.code,
                message: rest.map((f) => f.message).join('；'),
              })
            : apiError,
        );
      }
    }
  };

  const roleOptions = (current: Role | undefined) =>
    ROLES.map((role) => ({
      value: role,
      label: t(`role.${role}`),
      disabled: role !== current && chosen.has(role),
    }));

  return (
    <Form<GrantsValues>
      form={form}
      layout="vertical"
      initialValues={{ grants: toRows(account) }}
      onFinish={submit}
      onFinishFailed={() => message.warning(t('common.formHasErrors'))}
      requiredMark={false}
    >
      <Typography.Paragraph type="secondary">{t('accounts.grantHint')}</Typography.Paragraph>
      {/* the rules of the set as a hint, or what breaks them as a warning */}
      {problems.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={problems.map((p) => t(p)).join('；')}
          style={{ marginBottom: 12 }}
        />
      ) : (
        <Alert type="info" showIcon title={t('accounts.grantAdminHint')} style={{ marginBottom: 12 }} />
      )}
      <FormFailureAlert failure={formError} onReload={reload} reloading={reloading} />
      <Form.List name="grants">
        {(fields, { add, remove }) => (
          <>
            {fields.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('accounts.grantEmpty')} />
            ) : null}
            <Flex vertical gap={8}>
              {fields.map((field) => {
                const row = rows[field.name];
                const role = row?.role;
                return (
                  <Card key={field.key} size="small" className="grant-row">
                    <Flex gap={12} wrap align="flex-start">
                      <Form.Item
                        name={[field.name, 'role']}
                        label={t('accounts.grantRole')}
                        rules={[{ required: true, message: t('accounts.grantRoleRequired') }]}
                        className="grant-row__role"
                      >
                        <Select<Role>
                          options={roleOptions(role)}
                          placeholder={t('accounts.grantRoleRequired')}
                          onChange={() =>
                            form.setFields([
                              { name: ['grants', field.name, 'regionCode'], value: null, errors: [] },
                              { name: ['grants', field.name, 'unitId'], value: null, errors: [] },
                            ])
                          }
                        />
                      </Form.Item>
                      {needsRegion(role) ? (
                        <Form.Item
                          name={[field.name, 'regionCode']}
                          label={t('accounts.grantRegion')}
                          rules={[{ required: true, message: t('grant.regionRequired') }]}
                          className="grant-row__scope"
                        >
                          <RegionCascader />
                        </Form.Item>
                      ) : null}
                      {needsUnit(role) ? (
                        <Form.Item
                          name={[field.name, 'unitId']}
                          label={t('accounts.grantUnit')}
                          rules={[{ required: true, message: t('grant.unitRequired') }]}
                          className="grant-row__scope"
                        >
                          <UnitSelect
                            valueLabel={row?.unitName}
                            placeholder={t('accounts.grantUnitPlaceholder')}
                          />
                        </Form.Item>
                      ) : null}
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined aria-hidden />}
                        aria-label={t('accounts.grantRemove')}
                        title={t('accounts.grantRemove')}
                        onClick={() => remove(field.name)}
                        className="grant-row__remove"
                      />
                    </Flex>
                  </Card>
                );
              })}
            </Flex>
            <Button
              type="dashed"
              block
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add({ role: undefined, regionCode: null, unitId: null })}
              style={{ margin: '12px 0 16px' }}
              disabled={fields.length >= ROLES.length}
            >
              {t('accounts.grantAdd')}
            </Button>
          </>
        )}
      </Form.List>
      <FormActions onCancel={onClose} saving={save.isPending} disabled={problems.length > 0} />
    </Form>
  );
}
