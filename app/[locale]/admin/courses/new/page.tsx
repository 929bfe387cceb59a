import { ArrowLeft } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/site/link-button";
import { PageShell } from "@/components/site/page-shell";
import { openProtectedPage } from "@/lib/auth/protected-page";
import { createCourseAction } from "@/lib/courses/courses.actions";
import { listPrerequisiteOptions } from "@/lib/courses/courses.queries";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { CourseEditor } from "../course-editor";
import { NEW_COURSE_VALUES } from "../editor-values";
import { coursePreviewMessages } from "../preview-messages";

export const generateMetadata = translatedMetadata("adminCourses.new");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

export default async function NewCoursePage({ params }: PageProps<"/[locale]/admin/courses/new">) {
  const { locale, user } = await openProtectedPage(params, "course:manage");
  const [options, t] = await Promise.all([
    listPrerequisiteOptions(user),
    getTranslations({ locale, namespace: "adminCourses.new" }),
  ]);
  return (
    <PageShell
      title={t("title")}
      description={t("description")}
      actions={
        <LinkButton href="/admin/courses" variant="outline" icon={ArrowLeft}>
          {t("back")}
        </LinkButton>
      }
    >
      <CourseEditor
        action={createCourseAction}
        initial={NEW_COURSE_VALUES}
        prerequisiteOptions={options}
        previewMessages={coursePreviewMessages()}
      />
    </PageShell>
  );
}
