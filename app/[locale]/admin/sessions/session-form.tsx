"use client";

import { Plus, SearchCheck, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState, useCallback, useEffect, useId, useRef, useState } from "react";
import { LinkButton } from "@/components/site/link-button";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { initialActionResult, type ActionResult } from "@/lib/actions/action-result";
import type { Locale, WaitlistMode } from "@/lib/generated/prisma/enums";
import {
  checkScheduleConflictsAction,
  createSessionAction,
  updateSessionAction,
} from "@/lib/sessions/sessions.actions";
import {
  CAPACITY_MAX,
  MAX_MEETINGS,
  NOTES_MAX,
  OFFER_HOURS_MAX,
  PRICE_MAX,
  SESSION_LANGUAGES,
  WAITLIST_MODES,
} from "@/lib/sessions/sessions.schemas";
import { deadlinesBefore, nextWorkingDay, type SessionFormValues } from "@/lib/sessions/form-values";
import { isCalendarDate, TIME_PATTERN } from "@/lib/sessions/seoul-time";
import { cn } from "@/lib/utils";
import { ScheduleMessage } from "./schedule-message";

export type FormCourse = {
  id: string;
  label: string;
  defaultCapacity: number;
  listPriceKrw: number;
  deliveryLanguages: Locale[];
};
export type FormRoom = { id: string; label: string; capacity: number };
export type FormEquipment = { id: string; label: string; roomId: string | null };
export type FormInstructor = { id: string; name: string };

type FormValues = SessionFormValues;

type MeetingRow = FormValues["meetings"][number] & { key: number };

function meetingComplete(m: { date: string; start: string; end: string }): boolean {
  return isCalendarDate(m.date) && TIME_PATTERN.test(m.start) && TIME_PATTERN.test(m.end) && m.end > m.start;
}

const AUTO_CHECK_DELAY_MS = 700;

type CheckState =
  | { status: "idle" }
  | { status: "incomplete" }
  | { status: "checking" }
  | { status: "done"; result: ActionResult };

export function SessionForm({
  mode,
  initial,
  courses,
  courseLabel,
  rooms,
  equipment,
  instructors,
  lockedMeetingIds = [],
  seatsHeld = 0,
  cancelHref,
}: {
  mode: "create" | "edit";
  initial: FormValues;
  /** Create mode: the courses to choose from. */
  courses?: FormCourse[];
  /** Edit mode: the session's course (not changeable). */
  courseLabel?: string;
  rooms: FormRoom[];
  equipment: FormEquipment[];
  instructors: FormInstructor[];
  lockedMeetingIds?: string[];
  seatsHeld?: number;
  cancelHref: string;
}) {
  const t = useTranslations("adminSessions.form");
  const [state, formAction] = useActionState(
    mode === "create" ? createSessionAction : updateSessionAction,
    initialActionResult,
  );
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const nextKey = useRef(initial.meetings.length);
  const focusMeeting = useRef<number | null>(null);
  const ids = useId();

  const [values, setValues] = useState<Omit<FormValues, "meetings">>(() => {
    const { meetings: _meetings, ...rest } = initial;
    return rest;
  });
  const [meetings, setMeetings] = useState<MeetingRow[]>(() =>
    initial.meetings.map((m, key) => ({ ...m, key })),
  );
  // In a new session, the registration close and cancellation cut-off follow the first meeting
  // until the admin changes them.
  const [deadlinesTouched, setDeadlinesTouched] = useState(mode === "edit");
  const [check, setCheck] = useState<CheckState>({ status: "idle" });
  const checkSeq = useRef(0);

  const errors = state.fieldErrors ?? {};
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const room = rooms.find((r) => r.id === values.roomId);
  const course = courses?.find((c) => c.id === values.courseId);

  // After a refused save, move focus to the summary so the reason is read out and reachable.
  useEffect(() => {
    if (!state.ok && state.formError) summaryRef.current?.focus();
  }, [state]);

  // Focus the date of a meeting row just added.
  useEffect(() => {
    if (focusMeeting.current === null) return;
    const input = document.getElementById(`${ids}-meeting-${focusMeeting.current}-date`);
    focusMeeting.current = null;
    input?.focus();
  }, [meetings, ids]);

  // ------------------------------------------------------------------------------------------
  // Conflict check: on demand, and automatically (debounced) when the times or resources change.

  const runCheck = useCallback(async () => {
    const form = formRef.current;
    if (!form) return;
    const seq = ++checkSeq.current;
    setCheck({ status: "checking" });
    const result = await checkScheduleConflictsAction(initialActionResult, new FormData(form));
    if (seq === checkSeq.current) setCheck({ status: "done", result });
  }, []);

  const resourcesKey = JSON.stringify([
    values.roomId,
    values.equipmentIds,
    values.instructorIds,
    values.capacity,
    meetings.map((m) => [m.date, m.start, m.end]),
  ]);
  const anyResource = Boolean(values.roomId || values.equipmentIds.length || values.instructorIds.length);
  const meetingsComplete = meetings.length > 0 && meetings.every(meetingComplete);

  useEffect(() => {
    if (!anyResource || !meetingsComplete) return;
    const timer = setTimeout(() => void runCheck(), AUTO_CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [resourcesKey, anyResource, meetingsComplete, runCheck]);
  // While a meeting row is incomplete, an earlier answer no longer describes the form.
  const shownCheck: CheckState = anyResource && !meetingsComplete ? { status: "incomplete" } : check;

  // ------------------------------------------------------------------------------------------
  // Meetings

  const updateMeeting = (key: number, field: "date" | "start" | "end", value: string) => {
    const next = meetings.map((m) => (m.key === key ? { ...m, [field]: value } : m));
    setMeetings(next);
    if (!deadlinesTouched && field === "date" && next[0]?.key === key && isCalendarDate(value)) {
      setValues((v) => ({ ...v, ...deadlinesBefore(value) }));
    }
  };

  const addMeeting = () => {
    const last = meetings[meetings.length - 1];
    const key = nextKey.current++;
    focusMeeting.current = key;
    const date = last && isCalendarDate(last.date) ? nextWorkingDay(last.date) : "";
    setMeetings([...meetings, { key, id: "", date, start: last?.start ?? "09:00", end: last?.end ?? "17:00" }]);
  };

  const removeMeeting = (key: number) => {
    setMeetings((rows) => rows.filter((m) => m.key !== key));
    // The row and its button are gone: keep keyboard users in the meetings section.
    addButtonRef.current?.focus();
  };

  // ------------------------------------------------------------------------------------------
  // Course defaults (new sessions): capacity and price follow the course until changed.

  const chooseCourse = (courseId: string) => {
    const chosen = courses?.find((c) => c.id === courseId);
    setValues((v) => {
      if (!chosen) return { ...v, courseId };
      const capacity = room ? Math.min(chosen.defaultCapacity, room.capacity) : chosen.defaultCapacity;
      const language = chosen.deliveryLanguages.includes(v.language)
        ? v.language
        : (chosen.deliveryLanguages[0] ?? v.language);
      return { ...v, courseId, capacity: String(capacity), priceKrw: String(chosen.listPriceKrw), language };
    });
  };

  const toggle = (key: "equipmentIds" | "instructorIds", id: string, on: boolean) =>
    setValues((v) => {
      const list = on ? [...v[key], id] : v[key].filter((x) => x !== id);
      const next = { ...v, [key]: list };
      if (key === "instructorIds") {
        if (!list.includes(v.leadInstructorId)) next.leadInstructorId = list[0] ?? "";
      }
      return next;
    });

  // Equipment grouped by room, the chosen room's first.
  const groups = [
    ...rooms.map((r) => ({ id: r.id, label: r.label, items: equipment.filter((e) => e.roomId === r.id) })),
    { id: "", label: t("otherEquipment"), items: equipment.filter((e) => !e.roomId || !rooms.some((r) => r.id === e.roomId)) },
  ]
    .filter((g) => g.items.length > 0)
    .sort((a, b) => Number(b.id === values.roomId) - Number(a.id === values.roomId));

  const fieldError = (name: string) => errors[name];

  return (
    <form ref={formRef} action={formAction} noValidate className="flex flex-col gap-8">
      <div ref={summaryRef} tabIndex={-1} className="focus-visible:outline-none">
        <ScheduleMessage state={state} />
      </div>
      <p className="text-sm text-muted-foreground">{t("timeZoneNote")}</p>
      {values.sessionId ? <input type="hidden" name="sessionId" value={values.sessionId} /> : null}

      {/* Course */}
      <section aria-labelledby={`${ids}-course`} className="flex flex-col gap-4">
        <h2 id={`${ids}-course`} className="text-lg font-semibold">
          {t("sections.course")}
        </h2>
        {mode === "create" ? (
          <FormField label={t("course")} errors={fieldError("courseId")} required>
            <Select
              name="courseId"
              value={values.courseId}
              onChange={(e) => chooseCourse(e.target.value)}
              required
            >
              <option value="">{t("chooseCourse")}</option>
              {courses?.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </Select>
          </FormField>
        ) : (
          <div className="flex flex-col gap-1">
            <span className="text-sm font-medium">{t("course")}</span>
            <span>{courseLabel}</span>
            <span className="text-sm text-muted-foreground">{t("courseFixed")}</span>
          </div>
        )}
      </section>

      {/* Meetings */}
      <section aria-labelledby={`${ids}-meetings`} className="flex flex-col gap-4">
        <div className="flex flex-col gap-1">
          <h2 id={`${ids}-meetings`} className="text-lg font-semibold">
            {t("sections.meetings")}
          </h2>
          <p className="text-sm text-muted-foreground">{t("meetingsHint")}</p>
        </div>
        {fieldError("meetings") ? (
          <p className="text-sm font-medium text-destructive" role="alert">
            {fieldError("meetings")!.join(" ")}
          </p>
        ) : null}
        <ol className="flex flex-col gap-3">
          {meetings.map((m, index) => {
            const locked = Boolean(m.id && lockedMeetingIds.includes(m.id));
            const prefix = `meetings.${index}`;
            return (
              <li key={m.key}>
                <fieldset className="grid gap-3 rounded-lg border border-border p-4 sm:grid-cols-[1fr_8rem_8rem_auto] sm:items-start">
                  <legend className="px-1 text-sm font-medium">{t("meetingLegend", { number: index + 1 })}</legend>
                  <input type="hidden" name="meetingId" value={m.id} />
                  <FormField
                    id={`${ids}-meeting-${m.key}-date`}
                    label={t("meetingDate")}
                    errors={fieldError(`${prefix}.date`)}
                    required
                  >
                    <Input
                      type="date"
                      name="meetingDate"
                      value={m.date}
                      onChange={(e) => updateMeeting(m.key, "date", e.target.value)}
                      required
                    />
                  </FormField>
                  <FormField label={t("meetingStart")} errors={fieldError(`${prefix}.start`)} required>
                    <Input
                      type="time"
                      name="meetingStart"
                      step={300}
                      value={m.start}
                      onChange={(e) => updateMeeting(m.key, "start", e.target.value)}
                      required
                    />
                  </FormField>
                  <FormField label={t("meetingEnd")} errors={fieldError(`${prefix}.end`)} required>
                    <Input
                      type="time"
                      name="meetingEnd"
                      step={300}
                      value={m.end}
                      onChange={(e) => updateMeeting(m.key, "end", e.target.value)}
                      required
                    />
                  </FormField>
                  <div className="flex flex-col sm:pt-7">
                    {locked ? (
                      <span className="text-xs text-muted-foreground">{t("meetingLocked")}</span>
                    ) : (
                      <Button
                        variant="ghost"
                        size="sm"
                        onClick={() => removeMeeting(m.key)}
                        disabled={meetings.length === 1}
                        aria-label={t("removeMeeting", { number: index + 1 })}
                      >
                        <Trash2 aria-hidden="true" />
                        <span aria-hidden="true">{t("remove")}</span>
                      </Button>
                    )}
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <Button
          ref={addButtonRef}
          variant="outline"
          className="self-start"
          onClick={addMeeting}
          disabled={meetings.length >= MAX_MEETINGS}
        >
          <Plus aria-hidden="true" />
          {t("addMeeting")}
        </Button>
      </section>

      {/* Room, equipment, instructors */}
      <section aria-labelledby={`${ids}-resources`} className="flex flex-col gap-5">
        <h2 id={`${ids}-resources`} className="text-lg font-semibold">
          {t("sections.resources")}
        </h2>
        <FormField label={t("room")} errors={fieldError("roomId")} required className="sm:max-w-md">
          <Select name="roomId" value={values.roomId} onChange={(e) => set("roomId", e.target.value)} required>
            <option value="">{t("chooseRoom")}</option>
            {rooms.map((r) => (
              <option key={r.id} value={r.id}>
                {t("roomOption", { room: r.label, capacity: r.capacity })}
              </option>
            ))}
          </Select>
        </FormField>

        <fieldset className="flex flex-col gap-3" aria-describedby={fieldError("equipmentIds") ? `${ids}-equipment-error` : undefined}>
          <legend className="mb-1 text-sm font-medium">{t("equipment")}</legend>
          <p className="text-sm text-muted-foreground">{t("equipmentHint")}</p>
          <div className="flex max-h-80 flex-col gap-4 overflow-y-auto rounded-lg border border-border p-4">
            {groups.map((group) => (
              <fieldset key={group.id || "other"} className="flex flex-col gap-2">
                <legend className="mb-1 text-sm font-semibold text-muted-foreground">{group.label}</legend>
                <div className="grid gap-2 sm:grid-cols-2">
                  {group.items.map((e) => (
                    <label key={e.id} className="flex items-center gap-2 text-sm">
                      <Checkbox
                        name="equipmentIds"
                        value={e.id}
                        checked={values.equipmentIds.includes(e.id)}
                        onChange={(ev) => toggle("equipmentIds", e.id, ev.target.checked)}
                      />
                      {e.label}
                    </label>
                  ))}
                </div>
              </fieldset>
            ))}
          </div>
          <div id={`${ids}-equipment-error`} aria-live="polite">
            {fieldError("equipmentIds") ? (
              <p className="text-sm font-medium text-destructive">{fieldError("equipmentIds")!.join(" ")}</p>
            ) : null}
          </div>
        </fieldset>

        <fieldset className="flex flex-col gap-3" aria-describedby={`${ids}-instructors-hint`}>
          <legend className="mb-1 text-sm font-medium">
            {t("instructors")}
            <span aria-hidden="true" className="ml-0.5 text-destructive">
              *
            </span>
          </legend>
          <p id={`${ids}-instructors-hint`} className="text-sm text-muted-foreground">
            {t("instructorsHint")}
          </p>
          <ul className="grid gap-2 rounded-lg border border-border p-4 sm:grid-cols-2">
            {instructors.map((person) => {
              const teaching = values.instructorIds.includes(person.id);
              return (
                <li key={person.id} className="flex items-center justify-between gap-3 text-sm">
                  <label className="flex items-center gap-2">
                    <Checkbox
                      name="instructorIds"
                      value={person.id}
                      checked={teaching}
                      onChange={(ev) => toggle("instructorIds", person.id, ev.target.checked)}
                    />
                    {person.name}
                  </label>
                  <label className={cn("flex items-center gap-1.5 text-xs", !teaching && "opacity-60")}>
                    <input
                      type="radio"
                      name="leadInstructorId"
                      value={person.id}
                      checked={teaching && values.leadInstructorId === person.id}
                      disabled={!teaching}
                      onChange={() => set("leadInstructorId", person.id)}
                      className="size-4 accent-primary"
                      aria-label={t("leadFor", { name: person.name })}
                    />
                    <span aria-hidden="true">{t("lead")}</span>
                  </label>
                </li>
              );
            })}
          </ul>
          <div aria-live="polite">
            {fieldError("instructorIds") || fieldError("leadInstructorId") ? (
              <p className="text-sm font-medium text-destructive">
                {[...(fieldError("instructorIds") ?? []), ...(fieldError("leadInstructorId") ?? [])].join(" ")}
              </p>
            ) : null}
          </div>
        </fieldset>
      </section>

      {/* Seats and registration */}
      <section aria-labelledby={`${ids}-seats`} className="flex flex-col gap-5">
        <h2 id={`${ids}-seats`} className="text-lg font-semibold">
          {t("sections.seats")}
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            label={t("capacity")}
            errors={fieldError("capacity")}
            description={
              [
                room ? t("capacityRoom", { capacity: room.capacity }) : null,
                course && mode === "create" ? t("capacityCourse", { capacity: course.defaultCapacity }) : null,
                mode === "edit" ? t("capacityHeld", { held: seatsHeld }) : null,
              ]
                .filter(Boolean)
                .join(" ") || undefined
            }
            required
          >
            <Input
              type="number"
              name="capacity"
              inputMode="numeric"
              min={1}
              max={room?.capacity ?? CAPACITY_MAX}
              value={values.capacity}
              onChange={(e) => set("capacity", e.target.value)}
              required
            />
          </FormField>
          <FormField
            label={t("minEnrollment")}
            errors={fieldError("minEnrollment")}
            description={t("minEnrollmentHint")}
            required
          >
            <Input
              type="number"
              name="minEnrollment"
              inputMode="numeric"
              min={0}
              max={CAPACITY_MAX}
              value={values.minEnrollment}
              onChange={(e) => set("minEnrollment", e.target.value)}
              required
            />
          </FormField>
          <FormField label={t("registrationOpensAt")} errors={fieldError("registrationOpensAt")} required>
            <Input
              type="datetime-local"
              name="registrationOpensAt"
              value={values.registrationOpensAt}
              onChange={(e) => set("registrationOpensAt", e.target.value)}
              required
            />
          </FormField>
          <FormField
            label={t("registrationClosesAt")}
            errors={fieldError("registrationClosesAt")}
            description={deadlinesTouched ? undefined : t("deadlinesFollow")}
            required
          >
            <Input
              type="datetime-local"
              name="registrationClosesAt"
              value={values.registrationClosesAt}
              onChange={(e) => {
                setDeadlinesTouched(true);
                set("registrationClosesAt", e.target.value);
              }}
              required
            />
          </FormField>
          <FormField
            label={t("cancellationCutoffAt")}
            errors={fieldError("cancellationCutoffAt")}
            description={t("cancellationCutoffHint")}
            required
          >
            <Input
              type="datetime-local"
              name="cancellationCutoffAt"
              value={values.cancellationCutoffAt}
              onChange={(e) => {
                setDeadlinesTouched(true);
                set("cancellationCutoffAt", e.target.value);
              }}
              required
            />
          </FormField>
          <FormField label={t("language")} errors={fieldError("language")} required>
            <Select
              name="language"
              value={values.language}
              onChange={(e) => set("language", e.target.value as Locale)}
              required
            >
              {SESSION_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {t(`languages.${l}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField
            label={t("priceKrw")}
            errors={fieldError("priceKrw")}
            description={course && mode === "create" ? t("priceCourse", { price: course.listPriceKrw }) : undefined}
            required
          >
            <Input
              type="number"
              name="priceKrw"
              inputMode="numeric"
              min={0}
              max={PRICE_MAX}
              step={1000}
              value={values.priceKrw}
              onChange={(e) => set("priceKrw", e.target.value)}
              required
            />
          </FormField>
          <FormField label={t("waitlistMode")} errors={fieldError("waitlistMode")} description={t(`waitlistModeHint.${values.waitlistMode}`)} required>
            <Select
              name="waitlistMode"
              value={values.waitlistMode}
              onChange={(e) => set("waitlistMode", e.target.value as WaitlistMode)}
              required
            >
              {WAITLIST_MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`waitlistModes.${m}`)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label={t("offerHours")} errors={fieldError("offerHours")} description={t("offerHoursHint")} required>
            <Input
              type="number"
              name="offerHours"
              inputMode="numeric"
              min={1}
              max={OFFER_HOURS_MAX}
              value={values.offerHours}
              onChange={(e) => set("offerHours", e.target.value)}
              required
            />
          </FormField>
        </div>
        <FormField label={t("notes")} errors={fieldError("notes")} description={t("notesHint")}>
          <Textarea
            name="notes"
            rows={3}
            maxLength={NOTES_MAX}
            value={values.notes}
            onChange={(e) => set("notes", e.target.value)}
          />
        </FormField>
      </section>

      {/* Conflicts, before saving */}
      <section
        aria-labelledby={`${ids}-conflicts`}
        className="flex flex-col gap-3 rounded-lg border border-border bg-muted/40 p-4"
      >
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id={`${ids}-conflicts`} className="text-lg font-semibold">
            {t("sections.conflicts")}
          </h2>
          <Button variant="outline" onClick={() => void runCheck()} aria-describedby={`${ids}-conflicts-status`}>
            <SearchCheck aria-hidden="true" />
            {t("checkConflicts")}
          </Button>
        </div>
        <div id={`${ids}-conflicts-status`} aria-live="polite" aria-atomic="true">
          {shownCheck.status === "checking" ? (
            <p className="flex items-center gap-2 text-sm text-muted-foreground">
              <Spinner />
              {t("checking")}
            </p>
          ) : shownCheck.status === "incomplete" ? (
            <p className="text-sm text-muted-foreground">{t("checkIncomplete")}</p>
          ) : shownCheck.status === "done" ? (
            // role=status: the automatic check must not interrupt typing with an alert.
            <ScheduleMessage state={shownCheck.result} role="status" />
          ) : (
            <p className="text-sm text-muted-foreground">{t("checkHint")}</p>
          )}
        </div>
      </section>

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel={t("saving")}>{mode === "create" ? t("create") : t("save")}</SubmitButton>
        <LinkButton href={cancelHref} variant="ghost">
          {t("cancel")}
        </LinkButton>
      </div>
    </form>
  );
}
