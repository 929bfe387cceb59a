import { BookOpen, Compass, Home } from "lucide-react";
import { useTranslations } from "next-intl";
import { LinkButton } from "@/components/site/link-button";
import { StatusPage } from "@/components/site/status-page";

export default function LocaleNotFound() {
  const t = useTranslations("common.notFoundPage");
  return (
    <StatusPage
      icon={Compass}
      code={t("code")}
      title={t("title")}
      description={t("description")}
      actions={
        <>
          <LinkButton href="/courses" icon={BookOpen}>
            {t("catalog")}
          </LinkButton>
          <LinkButton href="/" variant="outline" icon={Home}>
            {t("home")}
          </LinkButton>
        </>
      }
    />
  );
}
