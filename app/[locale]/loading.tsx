import { useTranslations } from "next-intl";
import { Container } from "@/components/ui/container";
import { Skeleton } from "@/components/ui/skeleton";

/** Generic page skeleton: a header block and a grid of cards. */
export default function LocaleLoading() {
  const t = useTranslations("common");
  return (
    <Container aria-busy="true">
      {/* The page's heading while it loads (axe: page-has-heading-one); screen readers hear "Loading…". */}
      <h1 className="sr-only">{t("loading")}</h1>
      <div className="mb-8 flex flex-col gap-3 border-b border-border pb-6">
        <Skeleton className="h-8 w-2/3 max-w-md" />
        <Skeleton className="h-4 w-full max-w-xl" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="flex flex-col gap-3 rounded-lg border border-border p-5">
            <Skeleton className="h-5 w-3/4" />
            <Skeleton className="h-4 w-full" />
            <Skeleton className="h-4 w-5/6" />
            <Skeleton className="mt-2 h-9 w-28" />
          </div>
        ))}
      </div>
    </Container>
  );
}
