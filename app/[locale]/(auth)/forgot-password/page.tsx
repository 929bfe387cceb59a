import { getTranslations, setRequestLocale } from "next-intl/server";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { AuthPanel, AuthPanelLink } from "../auth-panel";
import { ForgotPasswordForm } from "./forgot-password-form";

export const generateMetadata = translatedMetadata("auth.forgotPassword");

export default async function ForgotPasswordPage({
  params,
}: PageProps<"/[locale]/forgot-password">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "auth.forgotPassword" });
  return (
    <AuthPanel
      title={t("title")}
      description={t("description")}
      footer={<AuthPanelLink href="/sign-in">{t("backToSignIn")}</AuthPanelLink>}
    >
      <ForgotPasswordForm />
    </AuthPanel>
  );
}
