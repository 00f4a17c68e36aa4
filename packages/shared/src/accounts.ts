import { z } from 'zod';
import { isoDate } from './fields';
import { roleLabels } from './labels';
import { conflictingAdminRoles, roleSchema } from './roles';
import { listQuerySchema, mobilePhonePattern, pageSchema, policiesSchema } from './organisation';
import { recordId } from './ids';

/** Account administration (三员分立: only the security administrator manages accounts). */
export const usernamePattern = /^[A-Za-z][A-Za-z0-9._-]{2,31}$/;

const id = recordId;
const optionalLink = id.nullable().optional();
const displayName = z
  .string({ error: '请填写姓名' })
  .trim()
  .min(1, '请填写姓名')
  .max(30, '姓名不超过 30 个字');
const phone = z.string().trim().regex(mobilePhonePattern, '手机号应为 11 位数字').nullable().optional();
const roleList = z
  .array(roleSchema, { error: '请选择角色' })
  .min(1, '至少选择一个角色')
  .max(11)
  .refine((list) => new Set(list).size === list.length, '角色不能重复')
  .superRefine((list, ctx) => {
    const conflicting = conflictingAdminRoles(list);
    if (conflicting.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `三员分立：${conflicting.map((r) => roleLabels[r]).join('、')}不能由同一账号兼任`,
      });
    }
  });

export const createAccountBody = z
  .object({
    username: z
      .string({ error: '请填写用户名' })
      .trim()
      .regex(usernamePattern, '用户名以字母开头，3–32 位字母、数字、点、下划线或连字符'),
    displayName,
    phone,
    roles: roleList,
    memberId: optionalLink,
    unitId: optionalLink,
    staffId: optionalLink,
  })
  .strict();
export type CreateAccountInput = z.infer<typeof createAccountBody>;

export const updateAccountBody = z
  .object({
    displayName: displayName.optional(),
    phone,
    roles: roleList.optional(),
    memberId: optionalLink,
    unitId: optionalLink,
    staffId: optionalLink,
    disabled: z.boolean({ error: '停用状态应为是或否' }).optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, '没有要修改的内容');
export type UpdateAccountInput = z.infer<typeof updateAccountBody>;

const flag = z.enum(['true', 'false'], { error: '应为 true 或 false' }).transform((v) => v === 'true');
export const accountSortFields = ['username', 'displayName', 'createdAt', 'lastLoginAt'] as const;
export const listAccountsQuery = listQuerySchema
  .extend({
    role: roleSchema.optional(),
    disabled: flag.optional(),
    locked: flag.optional(),
  })
  .strict();
export type ListAccountsQuery = z.infer<typeof listAccountsQuery>;

export const accountSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  roles: z.array(roleSchema),
  memberId: z.number().nullable(),
  memberName: z.string().nullable(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  staffId: z.number().nullable(),
  staffName: z.string().nullable(),
  disabled: z.boolean(),
  /** Locked by too many failed sign-ins, until `lockedUntil`. */
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  failedLogins: z.number(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  policies: policiesSchema,
});
export type AccountDto = z.infer<typeof accountSchema>;
export const accountPageSchema = pageSchema(accountSchema).extend({ policies: policiesSchema });

/** Returned once by create and reset-password; the password is never stored in clear or shown again. */
export const initialPasswordSchema = z.object({ account: accountSchema, initialPassword: z.string() });
export type InitialPasswordDto = z.infer<typeof initialPasswordSchema>;

/** Audit log (安全审计员 only). Dates are YYYY-MM-DD, inclusive, in server time. */
export const auditLogFilters = z
  .object({
    actor: z.string().trim().max(50, '操作人不超过 50 个字').optional(),
    action: z.string().trim().max(60, '操作类型不超过 60 个字符').optional(),
    targetType: z.string().trim().max(40, '对象类型不超过 40 个字符').optional(),
    ip: z.string().trim().max(60, 'IP 不超过 60 个字符').optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();
export const listAuditLogQuery = auditLogFilters
  .extend({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] });
export const exportAuditLogQuery = auditLogFilters.refine((q) => !q.from || !q.to || q.from <= q.to, {
  message: '结束日期不能早于开始日期',
  path: ['to'],
});
export type ListAuditLogQuery = z.infer<typeof listAuditLogQuery>;

export const auditEntrySchema = z.object({
  id: z.number(),
  createdAt: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  summary: z.string(),
  changes: z.unknown(),
});
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;
export const auditPageSchema = pageSchema(auditEntrySchema);

/** Chinese names of audited actions; modules add theirs here. Unknown actions are shown as recorded. */
export const auditActionLabels: Record<string, string> = {
  'auth.login': '登录',
  'auth.loginFailed': '登录失败',
  'auth.passwordChanged': '修改密码',
  'account.create': '创建账号',
  'account.update': '修改账号',
  'account.disable': '停用账号',
  'account.enable': '启用账号',
  'account.resetPassword': '重置密码',
  'account.unlock': '解除锁定',
  'account.approvalRequested': '申请管理员账号变更',
  'account.approvalRejected': '驳回管理员账号变更',
  'settings.update': '修改系统设置',
  'attachment.upload': '上传附件',
  'attachment.delete': '删除附件',
  'audit.export': '导出审计日志',
};

/**
 * The signed-in user's collection abilities, keyed `resource.ability` (`proposals.review`,
 * `account.list`, `home.overview` …): which pages, menus and create buttons are open to them.
 */
export const currentUserAbilities = z.record(z.string(), z.boolean());
export type CurrentUserAbilities = z.infer<typeof currentUserAbilities>;

/** The answer of `GET /api/auth/me` and of a successful login. */
export const currentUserSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  /** `timeZone`: the committee's zone, in which every date is shown. */
  committee: z.object({ id: z.number(), name: z.string(), level: z.string(), timeZone: z.string() }),
  memberId: z.number().nullable(),
  unitId: z.number().nullable(),
  mustChangePassword: z.boolean(),
  csrfToken: z.string(),
  abilities: currentUserAbilities,
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

/**
 * The answer of `GET /api/auth/session`: the signed-in user, or null when nobody is. The web's first
 * probe asks this instead of `/api/auth/me`, whose 401 for a visitor the browser would log as an error.
 */
export const currentSessionSchema = z.object({ user: currentUserSchema.nullable() });
export type CurrentSession = z.infer<typeof currentSessionSchema>;
