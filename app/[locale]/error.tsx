"use client";

import { Home, RotateCcw, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { LinkButton } from "@/components/site/link-button";
import { StatusPage } from "@/components/site/status-page";
import { Button } from "@/components/ui/button";

/**
 * Shown when rendering a page under [locale] throws. Never shows the error's message or stack
 * (they may hold SQL or internals); the digest lets staff find the server log entry.
 */
export default function LocaleError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("common.errorPage");
  return (
    <StatusPage
      icon={TriangleAlert}
      title={t("title")}
      description={t("description")}
      actions={
        <>
          <Button onClick={reset}>
            <RotateCcw aria-hidden="true" />
            {t("retry")}
          </Button>
          <LinkButton href="/" variant="outline" icon={Home}>
            {t("home")}
          </LinkButton>
        </>
      }
    >
      {error.digest ? (
        <p className="font-mono text-xs text-muted-foreground">
          {t("reference", { digest: error.digest })}
        </p>
      ) : null}
    </StatusPage>
  );
}
