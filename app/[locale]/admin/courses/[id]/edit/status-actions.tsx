"use client";

import { Archive, ArchiveRestore, Eye, EyeOff } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult } from "@/lib/actions/action-result";
import {
  archiveCourseAction,
  publishCourseAction,
  restoreCourseAction,
  unpublishCourseAction,
} from "@/lib/courses/courses.actions";
import type { CourseStatus } from "@/lib/courses/courses.schemas";

type Change = "publish" | "unpublish" | "archive" | "restore";

/**
 * Publish, unpublish, archive and restore. Each is its own small form; their results share one
 * live region so that the outcome stays on screen after the page re-renders with the new status
 * (the form that was used may be gone by then).
 */
export function CourseStatusActions({
  courseId,
  title,
  status,
  upcomingSessions,
  requiredByCount,
}: {
  courseId: string;
  title: string;
  status: CourseStatus;
  upcomingSessions: number;
  requiredByCount: number;
}) {
  const t = useTranslations("adminCourses.status");
  const [last, setLast] = useState<Change | null>(null);
  const results = {
    publish: useActionState(publishCourseAction, initialActionResult),
    unpublish: useActionState(unpublishCourseAction, initialActionResult),
    archive: useActionState(archiveCourseAction, initialActionResult),
    restore: useActionState(restoreCourseAction, initialActionResult),
  };
  const outcome = last ? results[last][0] : null;
  const formFor = (change: Change, children: ReactNode) => (
    <form action={results[change][1]} onSubmit={() => setLast(change)} className="contents">
      <input type="hidden" name="courseId" value={courseId} />
      {children}
    </form>
  );

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        {status === "unpublished"
          ? formFor(
              "publish",
              <SubmitButton pendingLabel={t("publishing")}>
                <Eye aria-hidden="true" />
                {t("publish")}
              </SubmitButton>,
            )
          : null}
        {status === "published"
          ? formFor(
              "unpublish",
              <ConfirmDialog
                trigger={
                  <>
                    <EyeOff aria-hidden="true" />
                    {t("unpublish")}
                  </>
                }
                triggerVariant="outline"
                variant="default"
                title={t("unpublishTitle", { title })}
                description={t("unpublishDescription", { count: upcomingSessions })}
                confirmLabel={t("unpublish")}
              />,
            )
          : null}
        {status !== "archived"
          ? formFor(
              "archive",
              <ConfirmDialog
                trigger={
                  <>
                    <Archive aria-hidden="true" />
                    {t("archive")}
                  </>
                }
                triggerVariant="outline"
                title={t("archiveTitle", { title })}
                description={
                  <>
                    <p>{t("archiveDescription")}</p>
                    {requiredByCount > 0 ? (
                      <p className="mt-2">{t("archiveRequiredBy", { count: requiredByCount })}</p>
                    ) : null}
                  </>
                }
                confirmLabel={t("archive")}
              />,
            )
          : formFor(
              "restore",
              <SubmitButton variant="outline" pendingLabel={t("restoring")}>
                <ArchiveRestore aria-hidden="true" />
                {t("restore")}
              </SubmitButton>,
            )}
      </div>
      {status !== "archived" && upcomingSessions > 0 ? (
        <p className="text-sm text-muted-foreground">
          {t("archiveBlockedHint", { count: upcomingSessions })}
        </p>
      ) : null}
      <div aria-live="polite" aria-atomic="true">
        {outcome?.formError ? (
          <Alert variant="error">{outcome.formError}</Alert>
        ) : outcome?.ok && outcome.message ? (
          <Alert variant="success">{outcome.message}</Alert>
        ) : null}
      </div>
    </div>
  );
}
