import { BookOpen, Compass, Home } from "lucide-react";
import { useTranslations } from "next-intl";
import { StatusPage } from "@/components/site/status-page";
import { Button } from "@/components/ui/button";
import { Link } from "@/lib/i18n/navigation";

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
          <Button asChild>
            <Link href="/courses">
              <BookOpen aria-hidden="true" />
              {t("catalog")}
            </Link>
          </Button>
          <Button asChild variant="outline">
            <Link href="/">
              <Home aria-hidden="true" />
              {t("home")}
            </Link>
          </Button>
        </>
      }
    />
  );
}
