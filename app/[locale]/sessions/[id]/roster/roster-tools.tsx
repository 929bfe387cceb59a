"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionResultAlert, Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionResult } from "@/lib/actions/action-result";
import { addTraineeAction, changeCapacityAction } from "@/lib/rosters/rosters.actions";
import { CAPACITY_MAX } from "@/lib/rosters/rosters.schemas";

/**
 * Adds someone to the roster by email. When the session is full the engine refuses, and the
 * form offers to put the same person on the waitlist instead (the same form, submitted by a
 * second button that adds `waitlistIfFull`). That button comes after the main one, so pressing
 * Enter in the email field never waitlists anyone by accident.
 */
export function AddTraineeForm({ sessionId }: { sessionId: string }) {
  const t = useTranslations("roster.add");
  const [state, action] = useActionState(addTraineeAction, initialActionResult);
  const full = state.errorCode === "SESSION_FULL";
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <form action={action} className="flex flex-col gap-4" noValidate>
          <ActionResultAlert state={state} />
          <input type="hidden" name="sessionId" value={sessionId} />
          <FormField label={t("email")} errors={state.fieldErrors?.email} required>
            <Input
              name="email"
              type="email"
              inputMode="email"
              autoComplete="off"
              defaultValue={state.values?.email ?? ""}
              required
            />
          </FormField>
          <SubmitButton className="self-start" pendingLabel={t("submitting")}>
            {t("submit")}
          </SubmitButton>
          {full ? (
            <Alert variant="warning" role="none">
              <p>{t("fullNotice", { email: state.values?.email ?? "" })}</p>
              <SubmitButton
                name="waitlistIfFull"
                value="on"
                variant="outline"
                className="mt-3"
                pendingLabel={t("addingToWaitlist")}
              >
                {t("addToWaitlist")}
              </SubmitButton>
            </Alert>
          ) : null}
        </form>
      </CardContent>
    </Card>
  );
}

/** Admins change the capacity; lowering it below the seats held is refused with the numbers. */
export function CapacityForm({
  sessionId,
  capacity,
  held,
  roomCapacity,
}: {
  sessionId: string;
  capacity: number;
  held: number;
  roomCapacity: number | null;
}) {
  const t = useTranslations("roster.capacity");
  const [state, action] = useActionState(changeCapacityAction, initialActionResult);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>
          {t("description", { held })}
          {roomCapacity !== null ? ` ${t("roomLimit", { room: roomCapacity })}` : null}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form action={action} className="flex flex-col gap-4" noValidate>
          <ActionResultAlert state={state} />
          <input type="hidden" name="sessionId" value={sessionId} />
          <FormField label={t("label")} errors={state.fieldErrors?.capacity} required className="max-w-40">
            <Input
              // Keyed by the saved capacity, so the field shows the new value after a change.
              key={capacity}
              name="capacity"
              type="number"
              inputMode="numeric"
              min={1}
              max={roomCapacity ?? CAPACITY_MAX}
              defaultValue={state.ok ? capacity : (state.values?.capacity ?? capacity)}
              required
            />
          </FormField>
          <SubmitButton className="self-start" pendingLabel={t("submitting")}>
            {t("submit")}
          </SubmitButton>
        </form>
      </CardContent>
    </Card>
  );
}
