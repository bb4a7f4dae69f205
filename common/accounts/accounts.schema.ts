import { z } from 'zod';
import { ROLES, zUsername } from '../auth/auth.schema.js';
import { zId, zVersion } from '../http/ids.schema.js';
import { zPage, zPageQuery, zQueryBool } from '../http/paging.schema.js';
import { zName } from '../http/text.js';
import { zIdNumberInput, zPhoneInput } from '../personal/personal.schema.js';
import { zRegionCode } from '../regions/regions.schema.js';

export const ADMIN_ROLES = ['system_admin', 'security_admin', 'audit_admin'] as const;

/** A role with its data scope: a region subtree for 组织部, a unit for the unit roles. */
export const zRoleGrant = z
  .strictObject({
    role: z.enum(ROLES),
    regionCode: zRegionCode.nullish().transform((v) => v ?? null),
    unitId: zId.nullish().transform((v) => v ?? null),
    programmeIds: z
      .array(zId)
      .max(50)
      .nullish()
      .transform((v) => (v && v.length > 0 ? v : null)),
  })
  .superRefine((g, ctx) => {
    const needsRegion = g.role === 'org_dept';
    const needsUnit = g.role === 'sending_liaison' || g.role === 'receiving_manager';
    if (needsRegion && !g.regionCode)
      ctx.addIssue({ code: 'custom', path: ['regionCode'], message: 'grant.regionRequired' });
    if (!needsRegion && g.regionCode)
      ctx.addIssue({ code: 'custom', path: ['regionCode'], message: 'grant.noRegion' });
    if (needsUnit && !g.unitId)
      ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'grant.unitRequired' });
    if (!needsUnit && g.unitId) ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'grant.noUnit' });
    if (g.programmeIds && g.role !== 'org_dept') {
      ctx.addIssue({ code: 'custom', path: ['programmeIds'], message: 'grant.noProgrammes' });
    }
  });
export type RoleGrantInput = z.input<typeof zRoleGrant>;
export type RoleGrant = z.output<typeof zRoleGrant>;

export const zRoleGrants = z
  .array(zRoleGrant)
  .max(10)
  .superRefine((grants, ctx) => {
    const roles = grants.map((g) => g.role);
    if (new Set(roles).size !== roles.length)
      ctx.addIssue({ code: 'custom', message: 'grant.duplicateRole' });
    const admin = roles.filter((r) => (ADMIN_ROLES as readonly string[]).includes(r));
    if (admin.length > 0 && roles.length > 1)
      ctx.addIssue({ code: 'custom', message: 'grant.adminExclusive' });
  });

export const zAccountCreate = z.strictObject({
  username: zUsername,
  displayName: zName(1, 50),
  phone: zPhoneInput.nullish().transform((v) => v ?? null),
  idNumber: zIdNumberInput.nullish().transform((v) => v ?? null),
});
export type AccountCreate = z.input<typeof zAccountCreate>;

export const zAccountUpdate = z.strictObject({
  displayName: zName(1, 50),
  /** Omitted → unchanged; null → removed. Sent in full only when changed (the client sees it masked). */
  phone: zPhoneInput.nullable().optional(),
  idNumber: zIdNumberInput.nullable().optional(),
  version: zVersion,
});

export const zRolesUpdate = z.strictObject({ grants: zRoleGrants, version: zVersion });

export const zGrantView = z.object({
  role: z.enum(ROLES),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  programmeIds: z.array(z.string()).nullable(),
});
export type GrantView = z.infer<typeof zGrantView>;

export const zAccount = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  grants: z.array(zGrantView),
  /** Masked (138****1234). */
  phone: z.string().nullable(),
  /** Masked (110***********1234). */
  idNumber: z.string().nullable(),
  active: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Account = z.infer<typeof zAccount>;

export const zAccountWithPassword = z.object({ account: zAccount, oneTimePassword: z.string() });

export const zAccountListQuery = zPageQuery
  .extend({
    sort: z.enum(['username', 'displayName', 'createdAt', 'lastLoginAt']).default('username'),
    q: z.string().trim().max(50).optional(),
    role: z.enum(ROLES).optional(),
    active: zQueryBool.optional(),
  })
  .strict();
export type AccountListParams = z.output<typeof zAccountListQuery>;

export const zAccountPage = zPage(zAccount);

export const zPersonalData = z.object({ phone: z.string().nullable(), idNumber: z.string().nullable() });
