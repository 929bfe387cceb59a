import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { Link } from "@/lib/i18n/navigation";
import { AuthPanel } from "../auth-panel";
import { firstParam } from "../search-params";
import { SignInForm } from "./sign-in-form";

const NOTICES = ["password-reset", "invitation-accepted", "verified"] as const;
type Notice = (typeof NOTICES)[number];
const isNotice = (value: string | undefined): value is Notice => NOTICES.includes(value as Notice);

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/sign-in">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "auth.signIn" });
  return { title: t("metaTitle"), robots: { index: false } };
}

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
        <p>
          {t("noAccount")}{" "}
          <Link
            href="/sign-up"
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            {t("signUpLink")}
          </Link>
        </p>
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
