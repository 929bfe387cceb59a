import { Plus } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { LinkButton } from "@/components/site/link-button";
import { PageShell } from "@/components/site/page-shell";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { openProtectedPage } from "@/lib/auth/protected-page";
import { COURSE_CATEGORIES } from "@/lib/courses/catalog.schemas";
import { COURSE_STATUSES, listAdminCoursesQuerySchema } from "@/lib/courses/courses.schemas";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { CourseList, CourseListSkeleton } from "./course-list";

export const generateMetadata = translatedMetadata("adminCourses.list");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

export default async function AdminCoursesPage({
  params,
  searchParams,
}: PageProps<"/[locale]/admin/courses">) {
  const { locale, user } = await openProtectedPage(params, "course:manage");
  const query = listAdminCoursesQuerySchema.parse(await searchParams);
  const [t, tCategories, tStatuses] = await Promise.all([
    getTranslations({ locale, namespace: "adminCourses.list" }),
    getTranslations({ locale, namespace: "catalog.categories" }),
    getTranslations({ locale, namespace: "adminCourses.statuses" }),
  ]);
  const filtered = Boolean(query.q || query.category || query.status);

  return (
    <PageShell
      title={t("title")}
      description={t("description")}
      actions={
        <LinkButton href="/admin/courses/new" icon={Plus}>
          {t("newCourse")}
        </LinkButton>
      }
    >
      {/* A plain GET form: works without JavaScript and the URL can be shared. */}
      <form
        method="get"
        role="search"
        aria-label={t("filterLegend")}
        className="mb-6 flex flex-wrap items-end gap-3"
      >
        <div className="flex w-full flex-col gap-1.5 sm:w-72">
          <Label htmlFor="courses-q">{t("search")}</Label>
          <Input
            id="courses-q"
            name="q"
            type="search"
            defaultValue={query.q ?? ""}
            maxLength={100}
            aria-describedby="courses-q-hint"
          />
          <p id="courses-q-hint" className="text-xs text-muted-foreground">
            {t("searchHint")}
          </p>
        </div>
        <div className="flex w-56 flex-col gap-1.5 self-start">
          <Label htmlFor="courses-category">{t("category")}</Label>
          <Select id="courses-category" name="category" defaultValue={query.category ?? ""}>
            <option value="">{t("allCategories")}</option>
            {COURSE_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {tCategories(category)}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex w-52 flex-col gap-1.5 self-start">
          <Label htmlFor="courses-status">{t("status")}</Label>
          <Select id="courses-status" name="status" defaultValue={query.status ?? ""}>
            <option value="">{t("allStatuses")}</option>
            {COURSE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {tStatuses(status)}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex gap-2 self-start sm:pt-6">
          <Button type="submit">{t("filter")}</Button>
          {filtered ? (
            <LinkButton href="/admin/courses" variant="ghost">
              {t("clear")}
            </LinkButton>
          ) : null}
        </div>
      </form>

      <Suspense key={JSON.stringify(query)} fallback={<CourseListSkeleton label={t("loading")} />}>
        <CourseList user={user} locale={locale} query={query} now={new Date()} />
      </Suspense>
    </PageShell>
  );
}
