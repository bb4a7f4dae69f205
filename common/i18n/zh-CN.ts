/**
 * The Chinese message catalogue: every text a user reads, from the API and the web app.
 * Keys are English and dotted by area; `t()` in ./index.ts looks them up.
 * An English catalogue can follow by providing the same keys (see `Catalogue`).
 */
import { zhCNWeb } from './zh-CN.web.js';

export const zhCNCore = {
  // errors, one per ErrorCode
  'error.VALIDATION_FAILED': '提交的内容有误，请检查：{detail}',
  'error.BAD_JSON': '请求内容不是有效的 JSON',
  'error.UNAUTHENTICATED': '尚未登录或登录已过期，请重新登录',
  'error.INVALID_CREDENTIALS': '用户名或密码错误',
  'error.ACCOUNT_LOCKED': '登录失败次数过多，账号已锁定，请于 {minutes} 分钟后再试',
  'error.ACCOUNT_DISABLED': '账号已停用，请联系管理员',
  'error.PASSWORD_CHANGE_REQUIRED': '请先修改初始密码',
  'error.PASSWORD_POLICY': '新密码不符合要求：{detail}',
  'error.WRONG_PASSWORD': '当前密码不正确',
  'error.FORBIDDEN': '没有权限执行此操作',
  'error.NOT_FOUND': '找不到请求的内容',
  'error.CONFLICT': '与已有数据冲突',
  'error.VERSION_CONFLICT': '该记录已被他人修改，请刷新后再编辑',
  'error.UNIT_REFERENCED': '该单位仍被其他记录引用（{detail}），不能删除，可改为停用',
  'error.PAYLOAD_TOO_LARGE': '提交的内容过大（上限 {limit}）',
  'error.UNSUPPORTED_MEDIA_TYPE': '不支持的内容类型',
  'error.RATE_LIMITED': '请求过于频繁，请稍后再试',
  'error.INTERNAL': '服务器内部错误，请联系管理员并提供请求编号',
  'error.UNAVAILABLE': '服务暂不可用，请稍后再试',

  // specific conflicts
  'unit.nameTaken': '同一行政区划内已有同名单位“{name}”',
  'unit.parentSelf': '上级单位不能是本单位或其下级单位',
  'unit.parentMissing': '上级单位不存在',
  'unit.regionMissing': '行政区划代码不存在',
  'unit.referencedByChildren': '{count} 个下级单位',
  'unit.alreadyActive': '该单位已是启用状态',
  'unit.alreadyInactive': '该单位已是停用状态',

  // validation messages used as zod message keys
  'validation.unknownField': '不允许提交此字段',
  'validation.badRequest': '请求格式不正确',
  'validation.required': '此项为必填',
  'username.pattern': '用户名须为 2–32 位字母、数字或 _ . -，以字母或数字开头',
  'region.code': '行政区划代码须为 6 位或 9 位数字',
  'phone.pattern': '电话号码格式不正确（手机 11 位，或带区号的固话）',
  'password.tooShort': '至少 8 个字符',
  'password.tooLong': '不超过 128 个字符',
  'password.classes': '须包含大写字母、小写字母、数字、符号中的至少 3 类',
  'password.containsUsername': '不能包含用户名',
  'password.sameAsOld': '新密码不能与当前密码相同',

  // field labels, named in validation messages
  'field.username': '用户名',
  'field.password': '密码',
  'field.currentPassword': '当前密码',
  'field.newPassword': '新密码',
  'field.name': '名称',
  'field.kind': '类型',
  'field.regionCode': '行政区划',
  'field.parentCode': '上级区划',
  'field.parentId': '上级单位',
  'field.contactName': '联系人',
  'field.contactPhone': '联系电话',
  'field.version': '版本号',
  'field.page': '页码',
  'field.pageSize': '每页条数',
  'field.sort': '排序字段',
  'field.order': '排序方向',
  'field.q': '关键词',
  'field.active': '状态',
  'field.id': '编号',
  'field.code': '区划代码',
  'field.body': '请求内容',

  // enumerations
  'unitKind.party_government': '党政机关',
  'unitKind.public_institution': '事业单位',
  'unitKind.state_enterprise': '国有企业',
  'unitKind.central_enterprise': '中央企业',
  'unitKind.financial': '金融机构',
  'unitKind.university': '高等院校',
  'unitKind.township': '乡镇街道',
  'unitKind.village': '村社区',
  'unitKind.other': '其他',
  'role.system_admin': '系统管理员',
  'role.org_dept': '组织部',
  'regionLevel.1': '省级',
  'regionLevel.2': '地级',
  'regionLevel.3': '县级',
  'regionLevel.4': '乡级',
} as const;

export const zhCN = { ...zhCNCore, ...zhCNWeb } as const;
export type MessageKey = keyof typeof zhCN;
export type Catalogue = Record<MessageKey, string>;
