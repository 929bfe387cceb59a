import { getTranslations, setRequestLocale } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Link } from "@/lib/i18n/navigation";
import { passwordResetTokenState } from "@/lib/users/users.service";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { AuthPanel } from "../auth-panel";
import { firstParam } from "../search-params";
import { ResetPasswordForm } from "./reset-password-form";

export const generateMetadata = translatedMetadata("auth.resetPassword");
// Reads its query string (and the session or a token) at request time: rendered per request.
export const instant = false;

export default async function ResetPasswordPage({
  params,
  searchParams,
}: PageProps<"/[locale]/reset-password">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "auth.resetPassword" });
  const token = firstParam((await searchParams).token)?.slice(0, 200);
  // The link is only checked here; it is consumed when the new password is submitted.
  const state = token ? await passwordResetTokenState(token) : "invalid";

  if (state === "valid" && token) {
    return (
      <AuthPanel title={t("title")} description={t("description")}>
        <ResetPasswordForm token={token} />
      </AuthPanel>
    );
  }
  const [title, body] =
    state === "expired"
      ? [t("expiredTitle"), t("expiredBody")]
      : state === "used"
        ? [t("usedTitle"), t("usedBody")]
        : [t("invalidTitle"), t("invalidBody")];
  return (
    <AuthPanel title={title}>
      <Alert variant={state === "invalid" ? "error" : "warning"}>{body}</Alert>
      <Button asChild className="w-full">
        <Link href="/forgot-password">{t("requestNew")}</Link>
      </Button>
    </AuthPanel>
  );
}
