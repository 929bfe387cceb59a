import { getTranslations, setRequestLocale } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Link } from "@/lib/i18n/navigation";
import { verifyEmail } from "@/lib/users/users.service";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { AuthPanel } from "../auth-panel";
import { ResendVerificationForm, ResendVerificationSection } from "../resend-verification-form";
import { firstParam } from "../search-params";

export const generateMetadata = translatedMetadata("auth.verifyEmail");
// Reads its query string (and the session or a token) at request time: rendered per request.
export const instant = false;

/**
 * Three ways in: right after sign-up (`?sent=1`), from the link in the mail (`?token=…`, which
 * is consumed here), or directly to ask for a new link.
 */
export default async function VerifyEmailPage({
  params,
  searchParams,
}: PageProps<"/[locale]/verify-email">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations({ locale, namespace: "auth.verifyEmail" });
  const token = firstParam(query.token);

  const signInButton = (email?: string) => (
    <Button asChild className="w-full">
      <Link href={{ pathname: "/sign-in", query: email ? { email, notice: "verified" } : {} }}>
        {t("signInLink")}
      </Link>
    </Button>
  );
  const resend = (email?: string) => (
    <ResendVerificationSection
      className="border-t border-border pt-5"
      title={t("resendTitle")}
      description={t("resendDescription")}
      defaultEmail={email}
    />
  );

  if (token) {
    const outcome = await verifyEmail(token.slice(0, 200));
    switch (outcome.status) {
      case "verified":
        return (
          <AuthPanel title={t("verifiedTitle")}>
            <Alert variant="success">{t("verifiedBody", { email: outcome.email })}</Alert>
            {signInButton(outcome.email)}
          </AuthPanel>
        );
      case "already-verified":
        return (
          <AuthPanel title={t("alreadyTitle")}>
            <Alert variant="info">{t("alreadyBody", { email: outcome.email })}</Alert>
            {signInButton(outcome.email)}
          </AuthPanel>
        );
      case "expired":
        return (
          <AuthPanel title={t("expiredTitle")}>
            <Alert variant="warning">{t("expiredBody")}</Alert>
            {resend(outcome.email)}
          </AuthPanel>
        );
      default:
        return (
          <AuthPanel title={t("invalidTitle")}>
            <Alert variant="error">{t("invalidBody")}</Alert>
            {resend()}
          </AuthPanel>
        );
    }
  }

  if (firstParam(query.sent)) {
    return (
      <AuthPanel title={t("sentTitle")}>
        <Alert variant="success">{t("sentBody")}</Alert>
        {resend()}
      </AuthPanel>
    );
  }

  return (
    <AuthPanel title={t("title")} description={t("resendDescription")}>
      <ResendVerificationForm />
    </AuthPanel>
  );
}
