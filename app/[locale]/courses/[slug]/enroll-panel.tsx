"use client";

import { ArrowRight, CircleCheck, Clock, Hourglass, Info, LogIn } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { ActionResultAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { initialActionResult } from "@/lib/actions/action-result";
import { enrollAction } from "@/lib/enrollments/enrollments.actions";
import type { EnrollOption } from "@/lib/enrollments/enrollments.options";
import { REQUEST_NOTE_MAX } from "@/lib/enrollments/enrollments.schemas";
import { Link } from "@/lib/i18n/navigation";

/**
 * The course page's button for one session, as the enrollment engine sees this viewer
 * (getEnrollOptions): sign in, enroll, join the waitlist, request approval with a note, their
 * own status, or why it is closed. The action's translated result (or refusal) shows above.
 * useActionState lives here rather than in ActionForm: after a successful submit the page
 * re-renders with the new option (the form gives way to "You're enrolled"), and the result
 * message must survive that.
 */
export function EnrollPanel({
  sessionId,
  option,
  signInCallbackUrl,
  dates,
}: {
  sessionId: string;
  option: EnrollOption;
  /** Where sign-in comes back to: this session on this course page. */
  signInCallbackUrl: string;
  /** Dates the option mentions, already formatted on the server (Seoul, zone shown). */
  dates: { offerExpiresAt?: string; opensAt?: string };
}) {
  const t = useTranslations("course.enroll");
  const [state, formAction] = useActionState(enrollAction, initialActionResult);

  const submitForm = (label: string, pendingLabel: string, extra?: ReactNode) => (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="sessionId" value={sessionId} />
      {extra}
      <SubmitButton pendingLabel={pendingLabel} className="self-start">
        {label}
      </SubmitButton>
    </form>
  );

  let body: ReactNode;
  switch (option.kind) {
    case "sign-in":
      body = (
        <div className="flex flex-col gap-2">
          <Button asChild className="self-start">
            <Link href={{ pathname: "/sign-in", query: { callbackUrl: signInCallbackUrl } }}>
              <LogIn aria-hidden="true" />
              {t("signIn")}
            </Link>
          </Button>
          <p className="text-sm text-muted-foreground">
            {t("noAccount")}{" "}
            <Link href="/sign-up" className="font-medium text-primary underline underline-offset-4">
              {t("signUp")}
            </Link>
          </p>
        </div>
      );
      break;
    case "enroll":
      body = submitForm(t("enroll"), t("enrolling"));
      break;
    case "waitlist":
      body = (
        <div className="flex flex-col gap-2">
          <p className="text-sm text-muted-foreground">
            {t("waitlistHint", { count: option.waitlistLength })}
          </p>
          {submitForm(t("joinWaitlist"), t("joiningWaitlist"))}
        </div>
      );
      break;
    case "request-approval":
      body = (
        <div className="flex flex-col gap-2">
          <p className="text-sm text-muted-foreground">
            {t(option.reason === "approval-required" ? "approvalRequired" : "prerequisiteMissing")}
            {option.full ? ` ${t("approvalFull")}` : ""}
          </p>
          {submitForm(
            t("requestApproval"),
            t("requestingApproval"),
            <>
              <input type="hidden" name="requestApproval" value="on" />
              <FormField
                label={t("requestNote")}
                description={t("requestNoteHint", { max: REQUEST_NOTE_MAX })}
                errors={state.fieldErrors?.requestNote}
              >
                <Textarea
                  name="requestNote"
                  rows={3}
                  maxLength={REQUEST_NOTE_MAX}
                  defaultValue={state.values?.requestNote ?? ""}
                />
              </FormField>
            </>,
          )}
        </div>
      );
      break;
    case "enrolled":
    case "pending":
    case "offered":
    case "waitlisted": {
      const Icon =
        option.kind === "enrolled" ? CircleCheck : option.kind === "waitlisted" ? Hourglass : Clock;
      body = (
        <div className="flex flex-col gap-2">
          <p className="flex items-start gap-2 text-sm font-medium">
            <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-primary" />
            <span>
              {option.kind === "enrolled"
                ? t("status.enrolled")
                : option.kind === "pending"
                  ? t("status.pending")
                  : option.kind === "waitlisted"
                    ? t("status.waitlisted", { position: option.position ?? 0 })
                    : dates.offerExpiresAt
                      ? t("status.offered", { deadline: dates.offerExpiresAt })
                      : t("status.offeredNoDeadline")}
            </span>
          </p>
          <Link
            href="/me/enrollments"
            className="inline-flex items-center gap-1 self-start text-sm font-medium text-primary underline-offset-4 hover:underline"
          >
            {option.kind === "offered" ? t("respondToOffer") : t("viewMyEnrollments")}
            <ArrowRight aria-hidden="true" className="size-4" />
          </Link>
        </div>
      );
      break;
    }
    case "overlap":
      body = (
        <p className="flex items-start gap-2 text-sm text-muted-foreground">
          <Info aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <span>{t("overlap", { course: option.courseTitle })}</span>
        </p>
      );
      break;
    case "closed":
      body = (
        <p className="flex items-start gap-2 text-sm text-muted-foreground">
          <Info aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <span>
            {option.reason === "not-open-yet" && dates.opensAt
              ? t("closed.notOpenYetOn", { date: dates.opensAt })
              : t(`closed.${option.reason}`)}
          </span>
        </p>
      );
      break;
  }

  return (
    <div className="flex flex-col gap-3">
      <ActionResultAlert state={state} />
      {body}
    </div>
  );
}
