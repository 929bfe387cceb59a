import { getTranslations } from "next-intl/server";
import { PageShell } from "@/components/site/page-shell";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { openProtectedPage } from "@/lib/auth/protected-page";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { getOwnProfile } from "@/lib/users/users.queries";
import { ProfileForm } from "./profile-form";

export const generateMetadata = translatedMetadata("account");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

export default async function AccountPage({ params }: PageProps<"/[locale]/account">) {
  const { locale, user } = await openProtectedPage(params, "profile:update:own");
  const [profile, t, tRoles] = await Promise.all([
    getOwnProfile(user),
    getTranslations({ locale, namespace: "account" }),
    getTranslations({ locale, namespace: "users.roles" }),
  ]);
  return (
    <PageShell
      width="narrow"
      title={t("title")}
      description={t("description")}
      eyebrow={t("role", { role: tRoles(profile.role) })}
    >
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
    </PageShell>
  );
}
