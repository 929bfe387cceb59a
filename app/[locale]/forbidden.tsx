import { BookOpen, Home, ShieldX } from "lucide-react";
import { useTranslations } from "next-intl";
import { LinkButton } from "@/components/site/link-button";
import { StatusPage } from "@/components/site/status-page";

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
          <LinkButton href="/" icon={Home}>
            {t("home")}
          </LinkButton>
          <LinkButton href="/courses" variant="outline" icon={BookOpen}>
            {t("catalog")}
          </LinkButton>
        </>
      }
    />
  );
}
