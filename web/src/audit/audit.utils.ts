import { isAction, POLICY } from '../../../common/access/policy';
import { ROLES, type Role } from '../../../common/auth/auth.schema';
import { fieldLabel, isMessageKey, t } from '../../../common/i18n/index';
import { UNIT_KINDS, type UnitKind } from '../../../common/units/units.schema';

/** Actions written to the log under a name of their own rather than the route's (policy) action. */
const EXTRA_ACTIONS = ['units.activate', 'units.deactivate', 'accounts.deactivate', 'personal.viewFull'];
/** Public reading nobody logs. */
const NEVER_LOGGED = new Set(['health.read', 'docs.read']);

/** The actions one may filter the log by: the policy table's, and the few the services add. */
export const AUDIT_ACTIONS: readonly string[] = [
  ...new Set([...Object.keys(POLICY).filter((a) => !NEVER_LOGGED.has(a)), ...EXTRA_ACTIONS]),
];

/**
 * `units.create` → 新建单位. An action with no label of its own is named from its parts
 * (`posts.review` → 审核岗位需求); one with unknown parts shows as it is.
 */
export function actionLabel(action: string): string {
  const key = `auditAction.${action}`;
  if (isMessageKey(key)) return t(key);
  const [subject, verb, ...rest] = action.split('.');
  const verbKey = `auditVerb.${verb}`;
  const subjectKey = `auditSubject.${subject}`;
  if (rest.length === 0 && isMessageKey(verbKey) && isMessageKey(subjectKey))
    return t(verbKey) + t(subjectKey);
  return action;
}

export function isKnownAction(action: string): boolean {
  return isAction(action) || EXTRA_ACTIONS.includes(action);
}

/** `unit` → 单位, `user` → 账号. */
export function objectTypeLabel(type: string): string {
  const key = `auditObject.${type}`;
  return isMessageKey(key) ? t(key) : type;
}

/** The first 8 characters of a UUID are enough to tell records apart on screen. */
export function shortId(id: string): string {
  return id.length > 10 ? `${id.slice(0, 8)}…` : id;
}

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
const isUnitKind = (value: string): value is UnitKind => (UNIT_KINDS as readonly string[]).includes(value);

/** `org_dept:522600` (how the log keeps a grant) → `组织部 · 522600`. */
function grantValue(value: string): string {
  const [role, ...rest] = value.split(':');
  return role && isRole(role) ? [t(`role.${role}`), ...rest].join(' · ') : value;
}

/** One value of a diff, in words: （空）, 启用/停用, 是/否, unit kinds, roles, lists joined. */
export function diffValue(field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return t('common.emptyValue');
  if (typeof value === 'boolean') {
    if (field === 'active') return value ? t('accounts.active') : t('accounts.inactive');
    return value ? t('common.yes') : t('common.no');
  }
  if (typeof value === 'string') {
    if (field === 'kind' && isUnitKind(value)) return t(`unitKind.${value}`);
    if (field === 'grants') return grantValue(value);
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return t('common.emptyValue');
    return value.map((v) => diffValue(field, v)).join('、');
  }
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

export interface DiffLine {
  field: string;
  label: string;
  from: string;
  to: string;
}

/** A diff as lines `字段: 原值 → 新值`, fields named by fieldLabel(). */
export function diffLines(diff: Record<string, { from?: unknown; to?: unknown }>): DiffLine[] {
  return Object.entries(diff).map(([field, change]) => ({
    field,
    label: fieldLabel(field),
    from: diffValue(field, change.from),
    to: diffValue(field, change.to),
  }));
}
