import { Flex, Tag, Typography } from 'antd';
import type { GrantView } from '../../../common/accounts/accounts.schema';
import type { Role } from '../../../common/auth/auth.schema';
import { t } from '../../../common/i18n/index';

const ROLE_COLORS: Record<Role, string> = {
  system_admin: 'geekblue',
  security_admin: 'volcano',
  audit_admin: 'gold',
  org_dept: 'blue',
  sending_liaison: 'cyan',
  receiving_manager: 'green',
  cadre: 'default',
};

/** A grant as one line: `组织部 · 贵州省 / 黔东南苗族侗族自治州`, `派出单位联络员 · 某单位`. */
export function grantText(grant: GrantView): string {
  const scope = grant.regionName ?? grant.regionCode ?? grant.unitName ?? grant.unitId;
  return scope ? `${t(`role.${grant.role}`)} · ${scope}` : t(`role.${grant.role}`);
}

/** An account's roles with their scopes, one tag each. */
export function AccountRoles({ grants }: { grants: readonly GrantView[] }) {
  if (grants.length === 0) return <Typography.Text type="secondary">{t('accounts.noGrant')}</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      {grants.map((grant) => (
        <Tag key={grant.role} color={ROLE_COLORS[grant.role]} className="role-tag">
          {grantText(grant)}
        </Tag>
      ))}
    </Flex>
  );
}
