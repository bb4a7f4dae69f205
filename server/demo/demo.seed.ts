import type { Role } from '../../common/auth/auth.schema.js';
import type { UnitKind } from '../../common/units/units.schema.js';
import { findUserByUsername } from '../auth/auth.repository.js';
import { createAccount } from '../auth/auth.service.js';
import { generateOneTimePassword } from '../auth/password.js';
import type { Actor, AppContext } from '../core/context.js';
import { findByRegionAndName } from '../units/units.repository.js';
import * as units from '../units/units.service.js';

/** Fictional demo accounts. Passwords are generated at seeding and printed once; none is fixed. */
const DEMO_ACCOUNTS: { username: string; displayName: string; roles: Role[] }[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['system_admin'] },
  { username: 'zzb', displayName: '市委组织部 林晓雯', roles: ['org_dept'] },
];

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

export interface SeededAccount {
  username: string;
  displayName: string;
  oneTimePassword: string;
}

/** True when the database holds no account: `npm start` seeds the demo only then. */
export async function isEmptyInstall(ctx: AppContext): Promise<boolean> {
  const row = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Seeds the demo; safe to run twice (existing accounts and units are left alone).
 * Returns the accounts created now, with their one-time passwords.
 */
export async function seedDemo(ctx: AppContext): Promise<SeededAccount[]> {
  const created: SeededAccount[] = [];
  let seeder: Actor | null = null;
  for (const account of DEMO_ACCOUNTS) {
    const existing = await findUserByUsername(ctx.db, account.username);
    const id = existing
      ? existing.id
      : await createAccount(ctx, { ...account, oneTimePassword: generateOneTimePassword() }).then((a) => {
          created.push({
            username: a.username,
            displayName: account.displayName,
            oneTimePassword: a.oneTimePassword,
          });
          return a.id;
        });
    seeder ??= {
      userId: id,
      username: account.username,
      displayName: account.displayName,
      roles: account.roles,
      mustChangePassword: false,
      sessionId: 'seed',
    };
  }
  const ids = new Map<string, string>();
  for (const unit of DEMO_UNITS) {
    const existing = await findByRegionAndName(ctx.db, unit.regionCode, unit.name);
    if (existing) {
      ids.set(unit.name, existing.id);
      continue;
    }
    const saved = await units.create(ctx, seeder as Actor, {
      name: unit.name,
      kind: unit.kind,
      regionCode: unit.regionCode,
      parentId: unit.parent ? (ids.get(unit.parent) ?? null) : null,
      contactName: unit.contactName ?? null,
      contactPhone: unit.contactPhone ?? null,
    });
    ids.set(unit.name, saved.id);
  }
  return created;
}
