"use server";

import { createAction } from "@/lib/actions/action";
import {
  acceptInvitationSchema,
  changeUserRoleSchema,
  emailOnlySchema,
  inviteUserSchema,
  resetPasswordSchema,
  setUserActiveSchema,
  signUpSchema,
  updateProfileSchema,
} from "@/lib/users/users.schemas";
import {
  acceptInvitation,
  changeUserRole,
  inviteUser,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  setUserActive,
  signUp,
  updateOwnProfile,
} from "@/lib/users/users.service";

/**
 * Server actions of the account pages and the admin's user management. Thin: the wrapper
 * authenticates, checks the permission and validates; the service does the work (and checks
 * the permission again, so it is safe to call from anywhere).
 */

const ADMIN_USERS_PAGE = "/[locale]/admin/users";

export const signUpAction = createAction({
  name: "users.signUp",
  permission: "public",
  schema: signUpSchema,
  handler: async (_user, data) => {
    await signUp(data);
    return { redirectTo: "/verify-email?sent=1" };
  },
});

export const resendVerificationAction = createAction({
  name: "users.resendVerification",
  permission: "public",
  schema: emailOnlySchema,
  handler: async (_user, data) => {
    await resendVerification(data.email);
    return { message: "auth.verifyEmail.resent" };
  },
});

export const forgotPasswordAction = createAction({
  name: "users.forgotPassword",
  permission: "public",
  schema: emailOnlySchema,
  handler: async (_user, data) => {
    await requestPasswordReset(data.email);
    return { message: "auth.forgotPassword.sent" };
  },
});

export const resetPasswordAction = createAction({
  name: "users.resetPassword",
  permission: "public",
  schema: resetPasswordSchema,
  handler: async (_user, data) => {
    await resetPassword(data);
    return { redirectTo: "/sign-in?notice=password-reset" };
  },
});

export const acceptInvitationAction = createAction({
  name: "users.acceptInvitation",
  permission: "public",
  schema: acceptInvitationSchema,
  handler: async (_user, data, { ip }) => {
    const { email } = await acceptInvitation(data, { ip });
    return { redirectTo: `/sign-in?notice=invitation-accepted&email=${encodeURIComponent(email)}` };
  },
});

export const inviteUserAction = createAction({
  name: "users.invite",
  permission: "user:invite",
  schema: inviteUserSchema,
  handler: async (user, data, { ip }) => {
    await inviteUser(user, data, { ip });
    return {
      message: "users.invite.sent",
      messageParams: { email: data.email },
      resetForm: true,
      revalidate: [ADMIN_USERS_PAGE, `${ADMIN_USERS_PAGE}/invite`],
    };
  },
});

export const setUserActiveAction = createAction({
  name: "users.setActive",
  permission: "user:manage",
  schema: setUserActiveSchema,
  handler: async (user, data, { ip }) => {
    await setUserActive(user, data, { ip });
    return {
      message: data.active ? "users.list.reactivated" : "users.list.deactivated",
      revalidate: [ADMIN_USERS_PAGE],
    };
  },
});

export const changeUserRoleAction = createAction({
  name: "users.changeRole",
  permission: "user:manage",
  schema: changeUserRoleSchema,
  handler: async (user, data, { ip }) => {
    await changeUserRole(user, data, { ip });
    return { message: "users.list.roleChanged", revalidate: [ADMIN_USERS_PAGE] };
  },
});

export const updateProfileAction = createAction({
  name: "users.updateProfile",
  permission: "profile:update:own",
  schema: updateProfileSchema,
  handler: async (user, data) => {
    await updateOwnProfile(user, data);
    // The header shows the name; the whole layout re-renders.
    return { message: "account.profile.saved", revalidate: ["/[locale]/account"] };
  },
});
