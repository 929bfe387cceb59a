import { BookPlus, SearchX } from "lucide-react";
import { useTranslations } from "next-intl";
import { LinkButton } from "@/components/site/link-button";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { CurrentUser } from "@/lib/auth/current-user";
import { listAdminCourses, type AdminCoursePage } from "@/lib/courses/courses.queries";
import type { ListAdminCoursesQuery } from "@/lib/courses/courses.schemas";
import { formatDate, formatKrw } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import type { AppLocale } from "@/lib/i18n/routing";
import { CourseStatusBadge } from "./status-badge";

const PAGE_PATH = "/admin/courses";

/** Loads one page of courses and renders it (inside the page's Suspense). */
export async function CourseList({
  user,
  locale,
  query,
  now,
}: {
  user: CurrentUser;
  locale: AppLocale;
  query: ListAdminCoursesQuery;
  now: Date;
}) {
  const data = await listAdminCourses(user, query, now);
  return <CourseListView data={data} locale={locale} query={query} />;
}

export function CourseListView({
  data,
  locale,
  query,
}: {
  data: AdminCoursePage;
  locale: AppLocale;
  query: ListAdminCoursesQuery;
}) {
  const t = useTranslations("adminCourses");
  const tCatalog = useTranslations("catalog");
  const filtered = Boolean(query.q || query.category || query.status);
  if (data.items.length === 0) {
    return filtered ? (
      <EmptyState
        icon={SearchX}
        title={t("list.emptyFiltered")}
        description={t("list.emptyFilteredHint")}
        action={
          <LinkButton href={PAGE_PATH} variant="outline">
            {t("list.clear")}
          </LinkButton>
        }
      />
    ) : (
      <EmptyState
        icon={BookPlus}
        title={t("list.empty")}
        description={t("list.emptyHint")}
        action={<LinkButton href="/admin/courses/new">{t("list.newCourse")}</LinkButton>}
      />
    );
  }
  const other: AppLocale = locale === "ko" ? "en" : "ko";
  return (
    <>
      <Table>
        <TableCaption>{t("list.caption", { total: data.total })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>{t("list.columns.code")}</TableHead>
            <TableHead>{t("list.columns.title")}</TableHead>
            <TableHead>{t("list.columns.category")}</TableHead>
            <TableHead>{t("list.columns.status")}</TableHead>
            <TableHead className="text-right">{t("list.columns.sessions")}</TableHead>
            <TableHead className="text-right">{t("list.columns.price")}</TableHead>
            <TableHead>{t("list.columns.updated")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.items.map((course) => {
            const title = locale === "en" ? course.titleEn : course.titleKo;
            const otherTitle = other === "en" ? course.titleEn : course.titleKo;
            return (
              <TableRow key={course.id}>
                <TableCell className="font-mono text-xs whitespace-nowrap">{course.code}</TableCell>
                <TableCell className="min-w-64">
                  <div className="flex flex-col gap-0.5">
                    <Link
                      href={`/admin/courses/${course.id}/edit`}
                      className="font-medium text-primary underline-offset-4 hover:underline"
                    >
                      {title}
                    </Link>
                    <span lang={other} className="text-xs text-muted-foreground">
                      {otherTitle}
                    </span>
                  </div>
                </TableCell>
                <TableCell>
                  <div className="flex flex-col gap-1">
                    <span>{tCatalog(`categories.${course.category}`)}</span>
                    <span className="text-xs text-muted-foreground">
                      {tCatalog(`levels.${course.level}`)}
                    </span>
                  </div>
                </TableCell>
                <TableCell>
                  <CourseStatusBadge status={course.status} />
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {course.upcomingSessions > 0 ? (
                    <Badge variant="info">
                      {t("list.upcoming", { count: course.upcomingSessions })}
                    </Badge>
                  ) : (
                    <span className="text-muted-foreground">{t("list.noUpcoming")}</span>
                  )}
                </TableCell>
                <TableCell className="text-right whitespace-nowrap tabular-nums">
                  {formatKrw(course.listPriceKrw, locale)}
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  <time dateTime={course.updatedAt.toISOString()}>
                    {formatDate(course.updatedAt, locale)}
                  </time>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Pagination
        className="mt-6"
        page={data.page}
        pageCount={data.pageCount}
        pathname={PAGE_PATH}
        query={{ q: query.q || undefined, category: query.category, status: query.status }}
      />
    </>
  );
}

/** Shown while the list loads. */
export function CourseListSkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true" className="flex flex-col gap-3">
      <p role="status" className="sr-only">
        {label}
      </p>
      <Skeleton className="h-10 w-full" />
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="h-14 w-full" />
      ))}
    </div>
  );
}
