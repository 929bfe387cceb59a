import { getTranslations, setRequestLocale } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Link } from "@/lib/i18n/navigation";
import { viewInvitation } from "@/lib/users/users.service";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { AuthPanel } from "../auth-panel";
import { firstParam } from "../search-params";
import { AcceptInvitationForm } from "./accept-invitation-form";

export const generateMetadata = translatedMetadata("auth.acceptInvitation");
// Reads its query string (and the session or a token) at request time: rendered per request.
export const instant = false;

export default async function AcceptInvitationPage({
  params,
  searchParams,
}: PageProps<"/[locale]/accept-invitation">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "auth.acceptInvitation" });
  const tRoles = await getTranslations({ locale, namespace: "users.roles" });
  const token = firstParam((await searchParams).token)?.slice(0, 200);
  const invitation = token ? await viewInvitation(token) : ({ status: "invalid" } as const);

  const signIn = (email?: string) => (
    <Button asChild className="w-full">
      <Link href={{ pathname: "/sign-in", query: email ? { email } : {} }}>{t("signInLink")}</Link>
    </Button>
  );

  if (invitation.status === "valid" && token) {
    if (invitation.accountExists) {
      return (
        <AuthPanel title={t("accountExistsTitle")}>
          <Alert variant="info">{t("accountExistsBody", { email: invitation.email })}</Alert>
          {signIn(invitation.email)}
        </AuthPanel>
      );
    }
    return (
      <AuthPanel
        title={t("title")}
        description={t("description", { role: tRoles(invitation.role) })}
      >
        {invitation.organizationName ? (
          <p className="text-sm font-medium">
            {t("organization", { name: invitation.organizationName })}
          </p>
        ) : null}
        <AcceptInvitationForm token={token} email={invitation.email} />
      </AuthPanel>
    );
  }

  const variants = {
    expired: [t("expiredTitle"), t("expiredBody"), "warning"],
    accepted: [t("acceptedTitle"), t("acceptedBody"), "info"],
    revoked: [t("revokedTitle"), t("revokedBody"), "warning"],
    invalid: [t("invalidTitle"), t("invalidBody"), "error"],
  } as const;
  const [title, body, variant] =
    variants[invitation.status === "valid" ? "invalid" : invitation.status];
  return (
    <AuthPanel title={title}>
      <Alert variant={variant}>{body}</Alert>
      {invitation.status === "accepted" ? signIn() : null}
    </AuthPanel>
  );
}
