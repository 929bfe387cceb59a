import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * Shown while the enrollments load. Lives inside the page (a Suspense fallback) rather than in a
 * loading.tsx: a route-level loading boundary would start the response before the page's
 * sign-in redirect or 403 could set the HTTP status.
 */
export function SectionsSkeleton() {
  const t = useTranslations("common");
  return (
    <div aria-busy="true" className="flex flex-col gap-8">
      <p role="status" className="sr-only">
        {t("loading")}
      </p>
      <div className="flex flex-wrap gap-2">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-9 w-28" />
        ))}
      </div>
      {Array.from({ length: 2 }, (_, i) => (
        <div key={i} className="flex flex-col gap-4">
          <Skeleton className="h-7 w-40" />
          <Skeleton className="h-4 w-72 max-w-full" />
          <Skeleton className="h-48 w-full" />
        </div>
      ))}
    </div>
  );
}
