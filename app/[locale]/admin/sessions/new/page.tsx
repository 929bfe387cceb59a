import { ArrowLeft } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { LinkButton } from "@/components/site/link-button";
import { PageShell } from "@/components/site/page-shell";
import { openProtectedPage } from "@/lib/auth/protected-page";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { newSessionValues } from "@/lib/sessions/form-values";
import { listCourseOptions, listResourceOptions } from "@/lib/sessions/sessions.queries";
import { SessionForm } from "../session-form";

export const generateMetadata = translatedMetadata("adminSessions.new");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

const searchParamsSchema = z.object({ course: z.string().trim().max(64).optional().catch(undefined) });

export default async function NewSessionPage({ params, searchParams }: PageProps<"/[locale]/admin/sessions/new">) {
  const { locale, user } = await openProtectedPage(params, "session:schedule");
  const { course: courseId } = searchParamsSchema.parse(await searchParams);
  const [courses, resources, t] = await Promise.all([
    listCourseOptions(user, locale),
    listResourceOptions(user, locale),
    getTranslations({ locale, namespace: "adminSessions.new" }),
  ]);
  const preselected = courses.find((c) => c.id === courseId);

  return (
    <PageShell
      width="medium"
      title={t("title")}
      description={t("description")}
      actions={
        <LinkButton href="/admin/sessions" variant="outline" icon={ArrowLeft}>
          {t("back")}
        </LinkButton>
      }
    >
      <SessionForm
        mode="create"
        initial={newSessionValues(new Date(), preselected)}
        courses={courses}
        rooms={resources.rooms}
        equipment={resources.equipment}
        instructors={resources.instructors}
        cancelHref="/admin/sessions"
      />
    </PageShell>
  );
}
