import { z } from 'zod';

export const USERNAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{1,31}$/;

export const zUsername = z.string().trim().regex(USERNAME_PATTERN, { message: 'username.pattern' });

export const zLoginRequest = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof zLoginRequest>;

export const ROLES = ['system_admin', 'org_dept'] as const;
export type Role = (typeof ROLES)[number];

export const zMe = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof zMe>;

export const zChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
export type ChangePasswordRequest = z.infer<typeof zChangePasswordRequest>;

export const zOk = z.object({ ok: z.literal(true) });
