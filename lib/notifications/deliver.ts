import type { Logger } from "pino";
import { db } from "@/lib/db/client";
import { isAppLocale, type AppLocale } from "@/lib/i18n/routing";
import { logger as rootLogger } from "@/lib/logger";
import { parseMailPayload, renderMail } from "@/lib/notifications/render";
import { isMailTemplate } from "@/lib/notifications/templates";
import { createConfiguredMailTransport, type MailTransport } from "@/lib/notifications/transport";

/**
 * Outbox delivery, at most once per row:
 *
 *   PENDING/FAILED (due) ──claim──▶ SENDING ──send ok──▶ SENT
 *                                      │ └──send error──▶ FAILED (retried with backoff until MAX_ATTEMPTS)
 *                                      └──stuck > 10 min──▶ UNCERTAIN (an admin decides)
 *
 * The claim commits before the SMTP conversation starts. A crash or a lost connection after
 * the server accepted the mail therefore leaves the row in SENDING, never back in a state
 * that would be picked up again; the sweeper turns it into UNCERTAIN for a human to look at.
 */

export const MAX_ATTEMPTS = 8;
export const STUCK_AFTER_MS = 10 * 60_000;
const BASE_RETRY_DELAY_MS = 60_000;
const MAX_RETRY_DELAY_MS = 60 * 60_000;
/** Rows one run works through before yielding to other jobs; the next run continues. */
const DEFAULT_BATCH_LIMIT = 50;
const MAX_FAILURES_IN_A_ROW = 3;

/** Wait before the next try after `attempts` failed ones: 1, 2, 4, … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(BASE_RETRY_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
}

type ClaimedRow = {
  id: string;
  toEmail: string;
  locale: string;
  template: string;
  payload: unknown;
  subject: string;
  attempts: number;
  createdAt: Date;
};

/**
 * Claims the most overdue row: one statement, so it commits on its own before sending.
 * SKIP LOCKED lets concurrent workers claim different rows instead of queueing on the same
 * one; the re-check of the status on the locked row (PostgreSQL re-evaluates the WHERE of a
 * locking subquery against the newest row version) stops a row from being claimed twice.
 */
async function claimNextDue(): Promise<ClaimedRow | null> {
  const rows = await db.$queryRaw<ClaimedRow[]>`
    UPDATE outbox_messages
       SET status = 'SENDING', attempts = attempts + 1, updated_at = now()
     WHERE id = (
             SELECT id FROM outbox_messages
              WHERE status IN ('PENDING', 'FAILED')
                AND next_attempt_at <= now()
                AND attempts < ${MAX_ATTEMPTS}
              ORDER BY next_attempt_at, created_at
              LIMIT 1
                FOR UPDATE SKIP LOCKED)
       AND status IN ('PENDING', 'FAILED')
    RETURNING id, to_email AS "toEmail", locale::text AS locale, template, payload, subject, attempts,
              created_at AS "createdAt"`;
  return rows[0] ?? null;
}

async function markSent(id: string): Promise<void> {
  // UNCERTAIN too: if the sweeper gave up on a slow send that did succeed, the truth is SENT.
  await db.$executeRaw`
    UPDATE outbox_messages
       SET status = 'SENT', sent_at = now(), last_error = NULL, updated_at = now()
     WHERE id = ${id} AND status IN ('SENDING', 'UNCERTAIN')`;
}

async function markFailed(id: string, attempts: number, error: string): Promise<void> {
  const delayMs = retryDelayMs(attempts);
  await db.$executeRaw`
    UPDATE outbox_messages
       SET status = 'FAILED', last_error = ${error},
           next_attempt_at = now() + ${delayMs}::double precision * interval '1 millisecond',
           updated_at = now()
     WHERE id = ${id} AND status = 'SENDING'`;
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 1000);
}

async function deliverOne(
  row: ClaimedRow,
  transport: MailTransport,
  log: Logger,
): Promise<boolean> {
  try {
    if (!isMailTemplate(row.template)) throw new Error(`Unknown mail template "${row.template}"`);
    const locale: AppLocale = isAppLocale(row.locale) ? row.locale : "ko";
    const rendered = renderMail(row.template, parseMailPayload(row.template, row.payload), locale);
    await transport.send({
      outboxId: row.id,
      to: row.toEmail,
      // The stored subject is what the admin page shows; keep the sent one identical.
      subject: row.subject,
      text: rendered.text,
      html: rendered.html,
      attachments: rendered.attachments,
      createdAt: row.createdAt,
    });
  } catch (error) {
    const gaveUp = row.attempts >= MAX_ATTEMPTS;
    log[gaveUp ? "error" : "warn"](
      { err: error, outboxId: row.id, template: row.template, attempts: row.attempts, gaveUp },
      gaveUp ? "mail delivery failed permanently" : "mail delivery failed; will retry",
    );
    await markFailed(row.id, row.attempts, describeError(error));
    return false;
  }
  await markSent(row.id);
  log.info({ outboxId: row.id, template: row.template, transport: transport.kind }, "mail sent");
  return true;
}

/** Cheap check (index on status, next_attempt_at) the worker runs every few seconds before queueing a delivery job. */
export async function hasDueMail(): Promise<boolean> {
  const rows = await db.$queryRaw<{ due: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM outbox_messages
       WHERE status IN ('PENDING', 'FAILED') AND next_attempt_at <= now() AND attempts < ${MAX_ATTEMPTS}
    ) AS due`;
  return rows[0]?.due ?? false;
}

export type DeliverOptions = {
  /** Defaults to the transport configured by the environment (SMTP_URL or .eml files). */
  transport?: MailTransport;
  limit?: number;
  logger?: Logger;
};

export type DeliveryReport = { sent: number; failed: number };

/** Sends due outbox mail one row at a time, so each row is SENDING only for its own SMTP call. */
export async function deliverDueMail(options: DeliverOptions = {}): Promise<DeliveryReport> {
  const ownTransport = !options.transport;
  const transport = options.transport ?? createConfiguredMailTransport();
  const log = options.logger ?? rootLogger;
  const limit = options.limit ?? DEFAULT_BATCH_LIMIT;
  const report: DeliveryReport = { sent: 0, failed: 0 };
  let failedInARow = 0;
  try {
    // Several failures in a row mean the server is down or unreachable: stop instead of
    // spending every row's attempt (and up to a minute of timeouts each) on it.
    while (report.sent + report.failed < limit && failedInARow < MAX_FAILURES_IN_A_ROW) {
      const row = await claimNextDue();
      if (!row) break;
      if (await deliverOne(row, transport, log)) {
        report.sent++;
        failedInARow = 0;
      } else {
        report.failed++;
        failedInARow++;
      }
    }
  } finally {
    if (ownTransport) transport.close();
  }
  return report;
}

/**
 * Rows left in SENDING for longer than STUCK_AFTER_MS were interrupted mid-send (crash,
 * restart, lost connection): the mail may or may not have gone out. They become UNCERTAIN
 * and are never re-sent automatically; an admin can retry them from the outbox page.
 */
export async function sweepStuckMail(
  options: { logger?: Logger; stuckAfterMs?: number } = {},
): Promise<number> {
  const stuckAfterMs = options.stuckAfterMs ?? STUCK_AFTER_MS;
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE outbox_messages
       SET status = 'UNCERTAIN', updated_at = now()
     WHERE status = 'SENDING'
       AND updated_at < now() - ${stuckAfterMs}::double precision * interval '1 millisecond'
    RETURNING id`;
  if (rows.length > 0) {
    (options.logger ?? rootLogger).warn(
      { outboxIds: rows.map((r) => r.id) },
      "outbox rows stuck in SENDING marked UNCERTAIN",
    );
  }
  return rows.length;
}
