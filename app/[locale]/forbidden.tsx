import { BookOpen, Home, ShieldX } from "lucide-react";
import { useTranslations } from "next-intl";
import { StatusPage } from "@/components/site/status-page";
import { Button } from "@/components/ui/button";
import { Link } from "@/lib/i18n/navigation";

/**
 * Rendered (with HTTP 403) when a signed-in user opens a page their role may not use:
 * `requirePagePermission` calls `forbidden()`. Says plainly that access is refused.
 */
export default function LocaleForbidden() {
  const t = useTranslations("auth.forbidden");
  return (
    <StatusPage
      icon={ShieldX}
      code={t("code")}
      title={t("title")}
      description={t("description")}
      actions={
        <>
          <Button asChild>
            <Link href="/">
              <Home aria-hidden="true" />
              {t("home")}
            </Link>
          </Button>
          <Button asChild variant="outline">
            <Link href="/courses">
              <BookOpen aria-hidden="true" />
              {t("catalog")}
            </Link>
          </Button>
        </>
      }
    />
  );
}
