import { z } from "zod";
import {
  emailField,
  enumField,
  idField,
  optionalIdField,
  optionalText,
  pageField,
  requiredText,
} from "@/lib/actions/fields";

/**
 * Schemas of the account and user-administration forms, shared by the forms and the server.
 * Pure zod (no server imports). Messages are translation keys.
 */

export const LOCALES = ["ko", "en"] as const;
export const ROLES = ["TRAINEE", "INSTRUCTOR", "ADMIN", "PARTNER"] as const;
/** Roles an admin can invite; trainees sign up themselves. */
export const INVITABLE_ROLES = ["INSTRUCTOR", "ADMIN", "PARTNER"] as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Length matters most (NIST SP 800-63B); a letter and a digit rule out the commonest
 * all-digit and dictionary-word choices. Never trimmed: spaces are part of a password.
 */
export const passwordField = () =>
  z
    .string({ error: "validation.required" })
    .min(1, { error: "validation.required", abort: true })
    .min(PASSWORD_MIN_LENGTH, { error: "validation.passwordTooShort" })
    .max(PASSWORD_MAX_LENGTH, { error: "validation.passwordTooLong" })
    .refine((v) => /\p{L}/u.test(v) && /\p{Nd}/u.test(v), {
      error: "validation.passwordLetterAndDigit",
    });

/** A password that contains the mailbox name ("minji.kim2024" for minji.kim@…) is the first guess. */
function passwordAvoidsEmail(value: { email: string; password: string }, ctx: z.RefinementCtx) {
  const local = value.email.split("@")[0]?.toLowerCase() ?? "";
  if (local.length >= 4 && value.password.toLowerCase().includes(local)) {
    ctx.addIssue({
      code: "custom",
      path: ["password"],
      message: "validation.passwordContainsEmail",
    });
  }
}

const personName = () => requiredText(100);
const organizationName = () => optionalText(200);
const locale = () => enumField(LOCALES);

export const signUpSchema = z
  .object({
    name: personName(),
    email: emailField(),
    password: passwordField(),
    organizationName: organizationName(),
    locale: locale(),
  })
  .superRefine(passwordAvoidsEmail);
export type SignUpInput = z.output<typeof signUpSchema>;

/** Sign-in only checks presence: the rules of today must not lock out a password set under older ones. */
export const signInSchema = z.object({
  email: emailField(),
  password: z
    .string({ error: "validation.required" })
    .min(1, { error: "validation.required" })
    .max(1024),
});

export const emailOnlySchema = z.object({ email: emailField() });

const tokenField = () =>
  z
    .string({ error: "errors.TOKEN_INVALID" })
    .trim()
    .min(1, { error: "errors.TOKEN_INVALID" })
    .max(200);

export const resetPasswordSchema = z.object({ token: tokenField(), password: passwordField() });
export type ResetPasswordInput = z.output<typeof resetPasswordSchema>;

export const acceptInvitationSchema = z.object({
  token: tokenField(),
  name: personName(),
  password: passwordField(),
});
export type AcceptInvitationInput = z.output<typeof acceptInvitationSchema>;

/** Partners belong to a partner organization; other roles have none to choose. */
function partnerNeedsOrganization(
  value: { role: string; organizationId: string | null },
  ctx: z.RefinementCtx,
) {
  if (value.role === "PARTNER" && !value.organizationId) {
    ctx.addIssue({
      code: "custom",
      path: ["organizationId"],
      message: "validation.partnerOrganizationRequired",
    });
  }
}

export const inviteUserSchema = z
  .object({
    email: emailField(),
    role: enumField(INVITABLE_ROLES),
    organizationId: optionalIdField(),
    locale: locale(),
  })
  .superRefine(partnerNeedsOrganization);
export type InviteUserInput = z.output<typeof inviteUserSchema>;

export const setUserActiveSchema = z.object({
  userId: idField(),
  active: z
    .enum(["true", "false"], { error: "validation.invalidChoice" })
    .transform((v) => v === "true"),
});
export type SetUserActiveInput = z.output<typeof setUserActiveSchema>;

export const changeUserRoleSchema = z
  .object({
    userId: idField(),
    role: enumField(ROLES),
    organizationId: optionalIdField(),
  })
  .superRefine(partnerNeedsOrganization);
export type ChangeUserRoleInput = z.output<typeof changeUserRoleSchema>;

export const updateProfileSchema = z.object({
  name: personName(),
  organizationName: organizationName(),
  jobTitle: optionalText(100),
  phone: optionalText(40).refine((v) => v === null || /^\+?[0-9][0-9\s().-]{5,38}$/.test(v), {
    error: "validation.phone",
  }),
  locale: locale(),
});
export type UpdateProfileInput = z.output<typeof updateProfileSchema>;

export const USERS_PAGE_SIZE = 20;

/** The admin user list's search params; anything malformed falls back to "no filter". */
export const listUsersQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(["active", "inactive"]).optional().catch(undefined),
  page: pageField(),
});
export type ListUsersQuery = z.output<typeof listUsersQuerySchema>;
