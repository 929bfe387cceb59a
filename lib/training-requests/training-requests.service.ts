import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { isAppLocale, routing, type AppLocale } from "@/lib/i18n/routing";
import { recordAudit } from "@/lib/audit/audit";
import { requirePermission } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/current-user";
import { enqueueMail } from "@/lib/notifications/outbox";
import { checkFormToken } from "@/lib/training-requests/form-token";
import {
  trainingRequestThrottle,
  type RequestThrottle,
} from "@/lib/training-requests/request-throttle";
import {
  isBackwardMove,
  type SubmitTrainingRequestInput,
  type UpdateTrainingRequestInput,
} from "@/lib/training-requests/training-requests.schemas";

/**
 * Training requests: companies asking for customised training or pilot-process support
 * through the public form, and the admins' pipeline (new → contacted → proposal sent →
 * scheduled → closed). A request, its first history entry and its mails are written in one
 * transaction (invariant 5); every admin change appends a history entry and an audit entry in
 * the same transaction.
 */

export type SubmitMeta = {
  ip: string | null;
  /** The language of the form, used for the acknowledgement. */
  locale: AppLocale;
  now?: Date;
  /** Tests pass their own (with its own key prefix). */
  throttle?: RequestThrottle;
};

export type SubmitOutcome =
  | { stored: true; requestId: string }
  /** A bot filled the honeypot: it sees the same thank-you as a person, nothing is kept. */
  | { stored: false; requestId: null };

/** "2026-12-01 ~ 2026-12-12 · weekdays only": the range and the free text, as typed. */
function preferredDatesOf(input: SubmitTrainingRequestInput): string | null {
  const range =
    input.preferredFrom && input.preferredTo
      ? input.preferredFrom === input.preferredTo
        ? input.preferredFrom
        : `${input.preferredFrom} ~ ${input.preferredTo}`
      : input.preferredFrom
        ? `${input.preferredFrom} ~`
        : input.preferredTo
          ? `~ ${input.preferredTo}`
          : null;
  const parts = [range, input.preferredDates].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(" · ") : null;
}

const appLink = (locale: AppLocale, path: string) =>
  new URL(`/${locale}${path}`, env.APP_URL).toString();

/**
 * The public form. Spam protection, in this order: the honeypot (filled → pretend success,
 * store nothing), the signed minimum fill time (too fast, forged or stale → refused), then the
 * per-address rate limit (only submissions that would be stored count).
 */
export async function submitTrainingRequest(
  input: SubmitTrainingRequestInput,
  meta: SubmitMeta,
): Promise<SubmitOutcome> {
  const now = meta.now ?? new Date();
  if (input.website) {
    logger.info({ ip: meta.ip }, "training request dropped: honeypot filled");
    return { stored: false, requestId: null };
  }
  const verdict = checkFormToken(input.formToken, now);
  if (verdict === "too-fast") throw new ConflictError("TRAINING_REQUEST_TOO_FAST");
  if (verdict === "invalid") throw new ConflictError("TRAINING_REQUEST_FORM_EXPIRED");
  const limit = await (meta.throttle ?? trainingRequestThrottle()).consume(meta.ip ?? "unknown");
  if (!limit.allowed) {
    throw new ConflictError("TRAINING_REQUEST_RATE_LIMITED", {
      minutes: Math.ceil(limit.retryAfterSeconds / 60),
    });
  }

  const preferredDates = preferredDatesOf(input);
  const requestId = await db.$transaction(async (tx) => {
    const request = await tx.trainingRequest.create({
      data: {
        kind: input.kind,
        company: input.company,
        contactName: input.contactName,
        email: input.email,
        phone: input.phone,
        topic: input.topic,
        headcount: input.headcount,
        preferredDates,
        message: input.message,
        locale: meta.locale,
        createdAt: now,
      },
      select: { id: true },
    });
    await tx.trainingRequestEvent.create({
      data: {
        requestId: request.id,
        actorId: null,
        fromStatus: null,
        toStatus: "NEW",
        createdAt: now,
      },
    });
    const admins = await tx.user.findMany({
      where: { role: "ADMIN", active: true, emailVerifiedAt: { not: null } },
      select: { id: true, email: true, locale: true },
      orderBy: { createdAt: "asc" },
    });
    for (const admin of admins) {
      const locale = isAppLocale(admin.locale) ? admin.locale : routing.defaultLocale;
      await enqueueMail(tx, {
        to: admin.email,
        userId: admin.id,
        locale,
        template: "training-request.received",
        payload: {
          kind: input.kind,
          company: input.company,
          contactName: input.contactName,
          email: input.email,
          phone: input.phone,
          topic: input.topic,
          headcount: input.headcount,
          preferredDates,
          message: input.message,
          url: appLink(locale, `/admin/training-requests/${request.id}`),
        },
      });
    }
    await enqueueMail(tx, {
      to: input.email,
      locale: meta.locale,
      template: "training-request.acknowledged",
      payload: {
        kind: input.kind,
        company: input.company,
        contactName: input.contactName,
        topic: input.topic,
        url: appLink(meta.locale, "/courses"),
      },
    });
    return request.id;
  });
  return { stored: true, requestId };
}

export type RequestMeta = { ip?: string | null };

/**
 * An admin moves a request along the pipeline and/or adds a note. Any stage may follow any
 * other (a request can be closed early, or reopened), but a move back needs a note saying why;
 * a save that changes nothing is refused. Guarded on the status the admin saw, so two admins
 * working on one request never overwrite each other silently.
 */
export async function updateTrainingRequest(
  actor: CurrentUser,
  input: UpdateTrainingRequestInput,
  meta: RequestMeta = {},
): Promise<void> {
  requirePermission(actor, "training-request:manage");
  await db.$transaction(async (tx) => {
    const request = await tx.trainingRequest.findUnique({
      where: { id: input.requestId },
      select: { id: true, status: true },
    });
    if (!request) throw new NotFoundError("TRAINING_REQUEST_NOT_FOUND");
    if (request.status !== input.expectedStatus)
      throw new ConflictError("TRAINING_REQUEST_CHANGED");
    const moves = input.status !== request.status;
    if (!moves && !input.note)
      throw new ValidationError("TRAINING_REQUEST_NOTHING_TO_SAVE", "note");
    if (moves && !input.note && isBackwardMove(request.status, input.status)) {
      throw new ValidationError("TRAINING_REQUEST_NOTE_REQUIRED", "note");
    }
    // Also for a note alone: it bumps updated_at and serializes with a concurrent status change.
    const { count } = await tx.trainingRequest.updateMany({
      where: { id: request.id, status: request.status },
      data: { status: input.status },
    });
    if (count !== 1) throw new ConflictError("TRAINING_REQUEST_CHANGED");
    await tx.trainingRequestEvent.create({
      data: {
        requestId: request.id,
        actorId: actor.id,
        fromStatus: moves ? request.status : null,
        toStatus: moves ? input.status : null,
        note: input.note,
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: moves ? "training-request.update-status" : "training-request.add-note",
      entityType: "TrainingRequest",
      entityId: request.id,
      data: moves
        ? { from: request.status, to: input.status, ...(input.note ? { note: input.note } : {}) }
        : { note: input.note },
      ip: meta.ip ?? null,
    });
  });
}
