import { ArrowLeft, ExternalLink } from "lucide-react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageShell } from "@/components/site/page-shell";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { openProtectedPage } from "@/lib/auth/protected-page";
import { updateCourseAction } from "@/lib/courses/courses.actions";
import { getCourseForEdit, listPrerequisiteOptions } from "@/lib/courses/courses.queries";
import { formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { CourseEditor } from "../../course-editor";
import { courseEditorValues } from "../../editor-values";
import { coursePreviewMessages } from "../../preview-messages";
import { CourseStatusBadge } from "../../status-badge";
import { CourseStatusActions } from "./status-actions";

export const generateMetadata = translatedMetadata("adminCourses.edit");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

export default async function EditCoursePage({
  params,
  searchParams,
}: PageProps<"/[locale]/admin/courses/[id]/edit">) {
  const { locale, user } = await openProtectedPage(params, "course:manage");
  const { id } = await params;
  const created = (await searchParams).created === "1";
  const [course, options, t] = await Promise.all([
    getCourseForEdit(user, id),
    listPrerequisiteOptions(user, id),
    getTranslations({ locale, namespace: "adminCourses" }),
  ]);
  if (!course) notFound();
  const title = locale === "en" ? course.titleEn : course.titleKo;

  return (
    <PageShell
      eyebrow={<span className="font-mono">{course.code}</span>}
      title={title}
      description={t("edit.description")}
      actions={
        <Link
          href="/admin/courses"
          className="inline-flex items-center gap-1 text-sm font-medium text-primary underline-offset-4 hover:underline"
        >
          <ArrowLeft aria-hidden="true" className="size-4" />
          {t("edit.back")}
        </Link>
      }
    >
      <div className="flex flex-col gap-6">
        {created ? <Alert variant="success">{t("edit.created")}</Alert> : null}

        <Card>
          <CardHeader>
            <div className="flex flex-wrap items-center gap-3">
              <CardTitle as="h2">{t("status.title")}</CardTitle>
              <CourseStatusBadge status={course.status} />
            </div>
            <CardDescription>
              {course.status === "archived" && course.archivedAt
                ? t("status.archivedHelp", { date: formatDateTime(course.archivedAt, locale) })
                : t(`status.${course.status}Help`)}
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            {course.status === "published" ? (
              <Link
                href={`/courses/${course.slug}`}
                className="inline-flex w-fit items-center gap-1 text-sm font-medium text-primary underline-offset-4 hover:underline"
              >
                {t("status.viewInCatalog")}
                <ExternalLink aria-hidden="true" className="size-4" />
              </Link>
            ) : null}
            <CourseStatusActions
              courseId={course.id}
              title={title}
              status={course.status}
              upcomingSessions={course.upcomingSessions}
              requiredByCount={course.requiredByCount}
            />
          </CardContent>
        </Card>

        {course.status === "archived" ? (
          <Alert variant="info">{t("edit.archivedReadOnly")}</Alert>
        ) : (
          <CourseEditor
            key={course.id}
            action={updateCourseAction}
            courseId={course.id}
            initial={courseEditorValues(course)}
            prerequisiteOptions={options}
            previewMessages={coursePreviewMessages()}
          />
        )}
      </div>
    </PageShell>
  );
}
