import { ArrowLeft } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { LinkButton } from "@/components/site/link-button";
import { PageShell } from "@/components/site/page-shell";
import { Alert } from "@/components/ui/alert";
import { openProtectedPage } from "@/lib/auth/protected-page";
import { NotFoundError } from "@/lib/errors";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { getSessionForEdit, listResourceOptions } from "@/lib/sessions/sessions.queries";
import { SessionForm } from "../../session-form";

export const generateMetadata = translatedMetadata("adminSessions.edit");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

export default async function EditSessionPage({ params }: PageProps<"/[locale]/admin/sessions/[id]/edit">) {
  const { locale, user } = await openProtectedPage(params, "session:schedule");
  const { id } = await params;
  const session = await getSessionForEdit(user, id, locale).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [resources, t] = await Promise.all([
    listResourceOptions(user, locale),
    getTranslations({ locale, namespace: "adminSessions.edit" }),
  ]);
  const editable = session.status === "DRAFT" || session.status === "PUBLISHED";

  return (
    <PageShell
      width="medium"
      eyebrow={session.courseLabel}
      title={t("title")}
      description={t("description")}
      actions={
        <LinkButton href={`/admin/sessions/${id}`} variant="outline" icon={ArrowLeft}>
          {t("back")}
        </LinkButton>
      }
    >
      {editable ? (
        <>
          {session.seatsHeld > 0 ? (
            <Alert variant="info" className="mb-6">
              {t("enrolledNotice", { held: session.seatsHeld })}
            </Alert>
          ) : null}
          <SessionForm
            mode="edit"
            initial={session.values}
            courseLabel={session.courseLabel}
            rooms={resources.rooms}
            equipment={resources.equipment}
            instructors={resources.instructors}
            lockedMeetingIds={session.lockedMeetingIds}
            seatsHeld={session.seatsHeld}
            cancelHref={`/admin/sessions/${id}`}
          />
        </>
      ) : (
        <Alert variant="warning">{t("notEditable")}</Alert>
      )}
    </PageShell>
  );
}
