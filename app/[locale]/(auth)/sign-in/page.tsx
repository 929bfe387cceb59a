import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { Link } from "@/lib/i18n/navigation";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { AuthPanel, AuthPanelLink } from "../auth-panel";
import { firstParam } from "../search-params";
import { SignInForm } from "./sign-in-form";

const NOTICES = ["password-reset", "invitation-accepted", "verified"] as const;
type Notice = (typeof NOTICES)[number];
const isNotice = (value: string | undefined): value is Notice => NOTICES.includes(value as Notice);

export const generateMetadata = translatedMetadata("auth.signIn");
// Reads its query string (and the session or a token) at request time: rendered per request.
export const instant = false;

export default async function SignInPage({ params, searchParams }: PageProps<"/[locale]/sign-in">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const callbackUrl = safeCallbackPath(firstParam(query.callbackUrl), locale);
  // Someone already signed in has nothing to do here.
  if (await getCurrentUser()) redirect(callbackUrl);

  const t = await getTranslations({ locale, namespace: "auth.signIn" });
  const notice = firstParam(query.notice);
  return (
    <AuthPanel
      title={t("title")}
      description={t("description")}
      footer={
        <AuthPanelLink prompt={t("noAccount")} href="/sign-up">
          {t("signUpLink")}
        </AuthPanelLink>
      }
    >
      {isNotice(notice) ? <Alert variant="success">{t(`notices.${notice}`)}</Alert> : null}
      <SignInForm callbackUrl={callbackUrl} defaultEmail={firstParam(query.email)?.slice(0, 254)} />
      <Link
        href="/forgot-password"
        className="self-start text-sm font-medium text-primary underline-offset-4 hover:underline"
      >
        {t("forgotPassword")}
      </Link>
    </AuthPanel>
  );
}
