"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Spinner } from "@/components/ui/spinner";
import { initialActionResult, type ActionResult } from "@/lib/actions/action-result";
import { recordAttendanceAction } from "@/lib/attendance/attendance.actions";
import { ATTENDANCE_STATUSES } from "@/lib/attendance/attendance.schemas";
import { cn } from "@/lib/utils";

type Mark = (typeof ATTENDANCE_STATUSES)[number];

/** Colours of a chosen mark (the tokens meet AA contrast); unchosen options stay neutral. */
const CHOSEN: Record<Mark, string> = {
  PRESENT: "peer-checked:border-primary peer-checked:bg-primary peer-checked:text-primary-foreground",
  LATE: "peer-checked:border-warning-fg peer-checked:bg-warning-bg peer-checked:text-warning-fg",
  ABSENT: "peer-checked:border-destructive peer-checked:bg-destructive peer-checked:text-destructive-foreground",
};

/** A pause after the last change before saving, so arrowing through the options saves once. */
const SAVE_DELAY_MS = 400;

/**
 * One trainee's mark for the meeting: a radio group (its legend is the trainee's name) of three
 * large options, saved on its own as soon as it changes; who recorded it and when below.
 * Native radios: arrow keys move between options, Tab moves to the next trainee.
 */
export function AttendanceRow({
  sessionId,
  meetingId,
  enrollmentId,
  name,
  organization,
  status,
  recorded,
}: {
  sessionId: string;
  meetingId: string;
  enrollmentId: string;
  name: string;
  organization: string;
  status: Mark | null;
  /** "Recorded by … · when", already formatted; null when not recorded. */
  recorded: string | null;
}) {
  const t = useTranslations("attendance");
  // The mark chosen here and not yet confirmed by the server; the server's mark otherwise.
  const [choice, setChoice] = useState<Mark | null>(null);
  const [result, setResult] = useState<ActionResult>(initialActionResult);
  const [saving, startSaving] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const shown = choice ?? status;

  function save(mark: Mark) {
    const form = new FormData();
    form.set("sessionId", sessionId);
    form.set("meetingId", meetingId);
    form.set("enrollmentId", enrollmentId);
    form.set("status", mark);
    startSaving(async () => {
      const outcome = await recordAttendanceAction(initialActionResult, form);
      startSaving(() => {
        setResult(outcome);
        // Saved: the refreshed page now carries the mark. Refused: show the server's mark again.
        setChoice(null);
      });
    });
  }

  function choose(mark: Mark) {
    setChoice(mark);
    setResult(initialActionResult);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => save(mark), SAVE_DELAY_MS);
  }

  const pending = saving || choice !== null;
  const groupName = `attendance-${enrollmentId}`;
  const statusId = `${groupName}-status`;
  return (
    <li className="rounded-lg border border-border bg-card p-3 sm:p-4">
      <fieldset aria-describedby={statusId}>
        <legend>
          <span className="block font-semibold">{name}</span>
          <span className="block text-sm text-muted-foreground">{organization}</span>
        </legend>
        <div className="grid grid-cols-3 gap-2 pt-3">
          {ATTENDANCE_STATUSES.map((mark) => (
            <label key={mark} className="relative block cursor-pointer">
              <input
                type="radio"
                name={groupName}
                value={mark}
                checked={shown === mark}
                onChange={() => choose(mark)}
                className="peer sr-only"
              />
              <span
                className={cn(
                  "flex min-h-12 items-center justify-center rounded-md border-2 border-input bg-background px-2 text-base font-medium select-none",
                  "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-ring",
                  "hover:bg-accent",
                  CHOSEN[mark],
                )}
              >
                {t(`status.${mark}`)}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <p id={statusId} aria-live="polite" className="mt-2 min-h-5 text-sm">
        {pending ? (
          <span className="inline-flex items-center gap-1.5 text-muted-foreground">
            <Spinner />
            {t("row.saving")}
          </span>
        ) : result.formError ? (
          <span role="alert" className="font-medium text-destructive">
            {result.formError}
          </span>
        ) : (
          <span className="text-muted-foreground">
            {result.ok ? `${result.message} ` : ""}
            {recorded ?? t("row.notRecorded")}
          </span>
        )}
      </p>
    </li>
  );
}

/** A mark shown where it cannot be changed (completed session, meeting not open yet). */
export function AttendanceRowReadOnly({
  name,
  organization,
  statusLabel,
  recorded,
}: {
  name: string;
  organization: string;
  statusLabel: string;
  recorded: string | null;
}) {
  return (
    <li className="flex flex-wrap items-start justify-between gap-2 rounded-lg border border-border bg-card p-3 sm:p-4">
      <div>
        <p className="font-semibold">{name}</p>
        <p className="text-sm text-muted-foreground">{organization}</p>
        {recorded ? <p className="mt-1 text-sm text-muted-foreground">{recorded}</p> : null}
      </div>
      <p className="rounded-full border border-border bg-muted px-3 py-1 text-sm font-medium">{statusLabel}</p>
    </li>
  );
}
