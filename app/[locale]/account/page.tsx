import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/current-user";
import type { AppLocale } from "@/lib/i18n/routing";
import { getOwnProfile } from "@/lib/users/users.queries";
import { ProfileForm } from "./profile-form";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/account">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "account" });
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function AccountPage({ params }: PageProps<"/[locale]/account">) {
  const { locale: rawLocale } = await params;
  const locale = rawLocale as AppLocale;
  setRequestLocale(locale);
  const user = await requirePagePermission("profile:update:own", locale);
  const [profile, t, tRoles] = await Promise.all([
    getOwnProfile(user),
    getTranslations({ locale, namespace: "account" }),
    getTranslations({ locale, namespace: "users.roles" }),
  ]);
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-8 sm:py-10">
      <PageHeader
        title={t("title")}
        description={t("description")}
        eyebrow={t("role", { role: tRoles(profile.role) })}
      />
      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("profile.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ProfileForm
            organizationLocked={profile.role === "PARTNER"}
            profile={{
              email: profile.email,
              name: profile.name,
              organizationName: profile.organizationName ?? "",
              jobTitle: profile.jobTitle ?? "",
              phone: profile.phone ?? "",
              locale: profile.locale,
            }}
          />
        </CardContent>
      </Card>
    </div>
  );
}
