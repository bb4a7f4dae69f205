import { ADMIN_ROLES, type RoleGrant } from '../../common/accounts/accounts.schema.js';
import { t } from '../../common/i18n/index.js';
import type { UnitKind } from '../../common/units/units.schema.js';
import { createAccount } from '../accounts/accounts.service.js';
import { findUserByUsername } from '../auth/auth.repository.js';
import { type AppContext, systemActor } from '../core/context.js';
import { findRegion } from '../regions/regions.repository.js';
import { findByRegionAndName } from '../units/units.repository.js';
import * as units from '../units/units.service.js';
import { COHORT_UNITS } from './demo.cohort.js';
import { seedRegistry } from './demo.registry.js';
import { fictionalIdNumber } from './fictional-id.js';

export { fictionalIdNumber };

interface DemoUnit {
  name: string;
  kind: UnitKind;
  regionCode: string;
  parent?: string;
  contactName?: string;
  contactPhone?: string;
}

/** Fictional units placed in real GB/T 2260 regions (江苏苏州, 贵州黔东南, 陕西延安, 北京东城). */
const DEMO_UNITS: DemoUnit[] = [
  {
    name: '苏州市青枫科技产业集团有限公司',
    kind: 'state_enterprise',
    regionCode: '320500',
    contactName: '周文涛',
    contactPhone: '13800001101',
  },
  {
    name: '苏州市姑苏区文旅融合发展中心',
    kind: 'public_institution',
    regionCode: '320508',
    contactName: '沈佳怡',
    contactPhone: '0512-60001102',
  },
  {
    name: '江南数智银行苏州分行',
    kind: 'financial',
    regionCode: '320500',
    contactName: '顾立新',
    contactPhone: '13800001103',
  },
  {
    name: '姑苏职业技术学院',
    kind: 'university',
    regionCode: '320508',
    contactName: '陆思远',
    contactPhone: '0512-60001104',
  },
  {
    name: '黔东南州乡村振兴服务中心',
    kind: 'public_institution',
    regionCode: '522600',
    contactName: '杨秀英',
    contactPhone: '0855-8001105',
  },
  {
    name: '台江县清溪镇人民政府',
    kind: 'township',
    regionCode: '522630',
    contactName: '吴国华',
    contactPhone: '13800001106',
  },
  {
    name: '台江县清溪镇岩脚村村民委员会',
    kind: 'village',
    regionCode: '522630',
    parent: '台江县清溪镇人民政府',
    contactName: '张德明',
    contactPhone: '13800001107',
  },
  {
    name: '雷山县产业发展促进中心',
    kind: 'public_institution',
    regionCode: '522634',
    contactName: '龙海燕',
    contactPhone: '0855-3001108',
  },
  {
    name: '延安市宝塔区青杨镇人民政府',
    kind: 'township',
    regionCode: '610602',
    contactName: '高建军',
    contactPhone: '13800001109',
  },
  {
    name: '延安市能源产业服务中心',
    kind: 'public_institution',
    regionCode: '610600',
    contactName: '刘晓燕',
    contactPhone: '0911-2001110',
  },
  {
    name: '中能北方电力集团有限公司',
    kind: 'central_enterprise',
    regionCode: '110101',
    contactName: '王志刚',
    contactPhone: '010-60001111',
  },
  {
    name: '北京市东城区城市更新促进中心',
    kind: 'public_institution',
    regionCode: '110101',
    contactName: '赵明轩',
    contactPhone: '010-60001112',
  },
];

interface DemoAccount {
  username: string;
  displayName: string;
  phone?: string;
  idNumber?: string;
  grants: (Omit<RoleGrant, 'unitId' | 'regionCode' | 'programmeIds'> & { region?: string; unit?: string })[];
}

/** Fictional demo accounts: one per role. Passwords are generated at seeding and printed once. */
const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', grants: [{ role: 'system_admin' }] },
  { username: 'secadmin', displayName: '安全管理员', grants: [{ role: 'security_admin' }] },
  { username: 'auditor', displayName: '审计管理员', grants: [{ role: 'audit_admin' }] },
  {
    username: 'zzb',
    displayName: '黔东南州委组织部 林晓雯',
    phone: '13800002201',
    idNumber: fictionalIdNumber('52', '19850412', '022'),
    grants: [{ role: 'org_dept', region: '522600' }],
  },
  {
    username: 'zzb.sz',
    displayName: '苏州市委组织部 钱立群',
    phone: '13800002202',
    idNumber: fictionalIdNumber('32', '19800923', '011'),
    grants: [{ role: 'org_dept', region: '320500' }],
  },
  {
    username: 'pc.qf',
    displayName: '青枫集团人力资源部 孙雅琴',
    phone: '13800002203',
    idNumber: fictionalIdNumber('32', '19900215', '042'),
    grants: [{ role: 'sending_liaison', unit: '苏州市青枫科技产业集团有限公司' }],
  },
  {
    username: 'js.qx',
    displayName: '清溪镇党政办 吴晓梅',
    phone: '13800002204',
    idNumber: fictionalIdNumber('52', '19920708', '064'),
    grants: [{ role: 'receiving_manager', unit: '台江县清溪镇人民政府' }],
  },
  {
    username: 'gb.zhou',
    displayName: '周明远',
    phone: '13800002205',
    idNumber: fictionalIdNumber('32', '19870330', '015'),
    grants: [{ role: 'cadre' }],
  },
  {
    username: 'gb.wang',
    displayName: '王静怡',
    phone: '13800002206',
    idNumber: fictionalIdNumber('32', '19910521', '042'),
    grants: [{ role: 'cadre' }],
  },
];

/** The demo accounts' usernames, in the order they are printed (the browser walk signs in as each). */
export const DEMO_USERNAMES: readonly string[] = DEMO_ACCOUNTS.map((a) => a.username);

export interface SeededAccount {
  username: string;
  displayName: string;
  oneTimePassword: string;
  /** What the account may do, as printed beside it: `组织部，黔东南苗族侗族自治州`; '' for the administrators. */
  access: string;
}

/** True when the database holds no account: `npm start` seeds the demo only then. */
export async function isEmptyInstall(ctx: AppContext): Promise<boolean> {
  const row = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Seeds the demo; safe to run twice (existing accounts, units and registry records are left
 * alone). Units and accounts first, then the registry through the services
 * (server/demo/demo.registry.ts). Returns the accounts created now, with their one-time passwords.
 */
export async function seedDemo(ctx: AppContext): Promise<SeededAccount[]> {
  const who = { actorId: null, actorName: 'demo-seed', ip: null };
  const created: SeededAccount[] = [];
  const ids = new Map<string, string>();
  const createDemoAccount = async (account: DemoAccount) => {
    const grants: RoleGrant[] = account.grants.map((g) => ({
      role: g.role,
      regionCode: g.region ?? null,
      unitId: g.unit ? (ids.get(g.unit) ?? null) : null,
      programmeIds: null,
    }));
    const result = await createAccount(
      ctx,
      who,
      {
        username: account.username,
        displayName: account.displayName,
        phone: account.phone ?? null,
        idNumber: account.idNumber ?? null,
      },
      grants,
    );
    const access = [];
    for (const g of grants) {
      if ((ADMIN_ROLES as readonly string[]).includes(g.role)) continue;
      const region = g.regionCode ? (await findRegion(ctx.db, g.regionCode))?.name : null;
      access.push(region ? `${t(`role.${g.role}`)}，${region}` : t(`role.${g.role}`));
    }
    created.push({
      username: account.username,
      displayName: account.displayName,
      oneTimePassword: result.oneTimePassword,
      access: access.join('；'),
    });
    return result.account.id;
  };
  // The system administrator first: the demo units are recorded as its work.
  const [adminAccount, ...others] = DEMO_ACCOUNTS as [DemoAccount, ...DemoAccount[]];
  const admin = await findUserByUsername(ctx.db, adminAccount.username);
  const seeder = systemActor(admin?.id ?? (await createDemoAccount(adminAccount)), adminAccount.username);
  for (const unit of [...DEMO_UNITS, ...COHORT_UNITS] as DemoUnit[]) {
    const existing = await findByRegionAndName(ctx.db, unit.regionCode, unit.name);
    if (existing) {
      ids.set(unit.name, existing.id);
      continue;
    }
    const saved = await units.create(ctx, seeder, {
      name: unit.name,
      kind: unit.kind,
      regionCode: unit.regionCode,
      parentId: unit.parent ? (ids.get(unit.parent) ?? null) : null,
      contactName: unit.contactName ?? null,
      contactPhone: unit.contactPhone ?? null,
    });
    ids.set(unit.name, saved.id);
  }
  for (const account of others) {
    if (await findUserByUsername(ctx.db, account.username)) continue;
    await createDemoAccount(account);
  }
  await seedRegistry(ctx, ids);
  return created;
}
