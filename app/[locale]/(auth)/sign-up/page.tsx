import { getTranslations, setRequestLocale } from "next-intl/server";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { AuthPanel, AuthPanelLink } from "../auth-panel";
import { SignUpForm } from "./sign-up-form";

export const generateMetadata = translatedMetadata("auth.signUp", { index: true });

export default async function SignUpPage({ params }: PageProps<"/[locale]/sign-up">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "auth.signUp" });
  return (
    <AuthPanel
      title={t("title")}
      description={t("description")}
      footer={
        <AuthPanelLink prompt={t("haveAccount")} href="/sign-in">
          {t("signInLink")}
        </AuthPanelLink>
      }
    >
      <SignUpForm />
    </AuthPanel>
  );
}
