import { z } from 'zod';

export const USERNAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{1,31}$/;

export const zUsername = z.string().trim().regex(USERNAME_PATTERN, { message: 'username.pattern' });

export const zTotpDigits = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { message: 'totp.codeFormat' });

export const zLoginRequest = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  /** Optional: the TOTP code with the password, one step (and not held back by the source's failures). */
  code: zTotpDigits.optional(),
});
export type LoginRequest = z.infer<typeof zLoginRequest>;

export const ROLES = [
  'system_admin',
  'security_admin',
  'audit_admin',
  'org_dept',
  'sending_liaison',
  'receiving_manager',
  'cadre',
] as const;
export type Role = (typeof ROLES)[number];

export const zMe = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  mustChangePassword: z.boolean(),
  /** The session waits for a TOTP code (or a recovery code). */
  secondFactorPending: z.boolean(),
  /** An administrator must enrol a TOTP authenticator before anything else. */
  totpEnrolmentRequired: z.boolean(),
  totpEnabled: z.boolean(),
});
export type Me = z.infer<typeof zMe>;

export const zChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
export type ChangePasswordRequest = z.infer<typeof zChangePasswordRequest>;

export const zTotpCode = z.strictObject({
  code: zTotpDigits.optional(),
  recoveryCode: z
    .string()
    .trim()
    .regex(/^[a-z0-9]{5}-[a-z0-9]{5}$/i, { message: 'totp.recoveryFormat' })
    .optional(),
});

export const zTotpSetup = z.object({
  /** otpauth:// URI for the authenticator app (the web app shows it as a QR code). */
  uri: z.string(),
  /** The same secret in base32, for typing in by hand. */
  secret: z.string(),
});

export const zTotpEnable = z.strictObject({ code: zTotpDigits });
export const zRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export const zTotpDisable = z.strictObject({ password: z.string().min(1).max(256) });

export const zPersonalSelf = z.object({ phone: z.string().nullable(), idNumber: z.string().nullable() });

/** The readable cookie set beside the session's (server/core/access.ts): a session may exist. */
export const SIGNED_IN_COOKIE = 'guazhi_signed_in';
