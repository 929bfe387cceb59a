import "server-only";
import { db } from "@/lib/db/client";
import { requirePermission, type PermissionSubject } from "@/lib/auth/permissions";
import type { OutboxStatus } from "@/lib/generated/prisma/enums";
import { isAppLocale } from "@/lib/i18n/routing";
import { MAX_ATTEMPTS } from "@/lib/notifications/deliver";
import { OUTBOX_PAGE_SIZE, type OutboxListQuery } from "@/lib/notifications/outbox.schemas";
import { parseMailPayload, renderMail } from "@/lib/notifications/render";
import { isMailTemplate } from "@/lib/notifications/templates";

export type OutboxListItem = {
  id: string;
  toEmail: string;
  template: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
  /** FAILED with every attempt used: the worker will not try again. */
  gaveUp: boolean;
};

export type OutboxPage = {
  items: OutboxListItem[];
  total: number;
  page: number;
  pageCount: number;
  /** Rows per status over the whole outbox, for the filter. */
  counts: Record<OutboxStatus, number>;
};

const listSelect = {
  id: true,
  toEmail: true,
  template: true,
  subject: true,
  status: true,
  attempts: true,
  createdAt: true,
  sentAt: true,
  nextAttemptAt: true,
} as const;

function withGaveUp<T extends { status: OutboxStatus; attempts: number }>(
  row: T,
): T & { gaveUp: boolean } {
  return { ...row, gaveUp: row.status === "FAILED" && row.attempts >= MAX_ATTEMPTS };
}

/** Newest first. Staff only (`outbox:read`): mail addresses and links are personal data. */
export async function listOutboxMessages(
  viewer: PermissionSubject | null,
  query: OutboxListQuery,
): Promise<OutboxPage> {
  requirePermission(viewer, "outbox:read");
  const where = query.status ? { status: query.status } : {};
  const [total, grouped] = await Promise.all([
    db.outboxMessage.count({ where }),
    db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db.outboxMessage.findMany({
    where,
    select: listSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * OUTBOX_PAGE_SIZE,
    take: OUTBOX_PAGE_SIZE,
  });
  const counts = { PENDING: 0, SENDING: 0, SENT: 0, FAILED: 0, UNCERTAIN: 0 } satisfies Record<
    OutboxStatus,
    number
  >;
  for (const g of grouped) counts[g.status] = g._count._all;
  return { items: rows.map(withGaveUp), total, page, pageCount, counts };
}

/**
 * Links in mail often carry single-use secrets (verification, password reset and invitation
 * tokens in the query string). Staff see where a link points, never the secret: otherwise
 * reading the outbox would let an admin take over an account without a trace.
 */
export function redactLinks(text: string): string {
  return text.replace(/https?:\/\/\S+/g, (match) => {
    try {
      const url = new URL(match);
      return `${url.origin}${url.pathname}${url.search || url.hash ? "?…" : ""}`;
    } catch {
      return "…";
    }
  });
}

export type OutboxMessageDetail = OutboxListItem & {
  locale: string;
  lastError: string | null;
  updatedAt: Date;
  userId: string | null;
  /** The text body as the recipient gets it, links redacted; null when the payload no longer renders. */
  textBody: string | null;
  retryable: boolean;
};

export async function getOutboxMessage(
  viewer: PermissionSubject | null,
  id: string,
): Promise<OutboxMessageDetail | null> {
  requirePermission(viewer, "outbox:read");
  const row = await db.outboxMessage.findUnique({
    where: { id },
    select: {
      ...listSelect,
      locale: true,
      lastError: true,
      updatedAt: true,
      userId: true,
      payload: true,
    },
  });
  if (!row) return null;
  const { payload, ...rest } = row;
  let textBody: string | null = null;
  if (isMailTemplate(row.template) && isAppLocale(row.locale)) {
    try {
      const text = renderMail(
        row.template,
        parseMailPayload(row.template, payload),
        row.locale,
      ).text;
      textBody = redactLinks(text);
    } catch {
      textBody = null;
    }
  }
  return {
    ...withGaveUp(rest),
    textBody,
    retryable: row.status === "FAILED" || row.status === "UNCERTAIN",
  };
}
