import "server-only";
import { db } from "@/lib/db/client";
import type {
  Locale,
  Role,
  TrainingRequestKind,
  TrainingRequestStatus,
} from "@/lib/generated/prisma/enums";
import { requirePermission, type PermissionSubject } from "@/lib/auth/permissions";
import {
  TRAINING_REQUEST_STATUSES,
  TRAINING_REQUESTS_PAGE_SIZE,
  type ListTrainingRequestsQuery,
} from "@/lib/training-requests/training-requests.schemas";

/** Reads of the admins' training-request pipeline (`training-request:manage`). */

export type TrainingRequestListItem = {
  id: string;
  kind: TrainingRequestKind;
  company: string;
  contactName: string;
  email: string;
  topic: string;
  headcount: number | null;
  status: TrainingRequestStatus;
  createdAt: Date;
  updatedAt: Date;
};

export type TrainingRequestPage = {
  items: TrainingRequestListItem[];
  total: number;
  page: number;
  pageCount: number;
  /** Requests per status over the whole pipeline, for the filter. */
  counts: Record<TrainingRequestStatus, number>;
};

/** Newest first, optionally one stage of the pipeline (served by the (status, created_at) index). */
export async function listTrainingRequests(
  viewer: PermissionSubject | null,
  query: ListTrainingRequestsQuery,
): Promise<TrainingRequestPage> {
  requirePermission(viewer, "training-request:manage");
  const where = query.status ? { status: query.status } : {};
  const grouped = await db.trainingRequest.groupBy({ by: ["status"], _count: { _all: true } });
  const counts = Object.fromEntries(TRAINING_REQUEST_STATUSES.map((s) => [s, 0])) as Record<
    TrainingRequestStatus,
    number
  >;
  for (const g of grouped) counts[g.status] = g._count._all;
  const total = query.status
    ? counts[query.status]
    : Object.values(counts).reduce((sum, n) => sum + n, 0);
  const pageCount = Math.max(1, Math.ceil(total / TRAINING_REQUESTS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const items = await db.trainingRequest.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * TRAINING_REQUESTS_PAGE_SIZE,
    take: TRAINING_REQUESTS_PAGE_SIZE,
    select: {
      id: true,
      kind: true,
      company: true,
      contactName: true,
      email: true,
      topic: true,
      headcount: true,
      status: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  return { items, total, page, pageCount, counts };
}

export type TrainingRequestEventItem = {
  id: string;
  createdAt: Date;
  /** null: the request form (the first entry) or an account since deleted. */
  actor: { name: string; email: string; role: Role } | null;
  fromStatus: TrainingRequestStatus | null;
  toStatus: TrainingRequestStatus | null;
  note: string | null;
};

export type TrainingRequestDetail = TrainingRequestListItem & {
  phone: string | null;
  preferredDates: string | null;
  message: string;
  locale: Locale;
  /** The history, oldest first. */
  events: TrainingRequestEventItem[];
};

export async function getTrainingRequest(
  viewer: PermissionSubject | null,
  id: string,
): Promise<TrainingRequestDetail | null> {
  requirePermission(viewer, "training-request:manage");
  return db.trainingRequest.findUnique({
    where: { id },
    select: {
      id: true,
      kind: true,
      company: true,
      contactName: true,
      email: true,
      phone: true,
      topic: true,
      headcount: true,
      preferredDates: true,
      message: true,
      locale: true,
      status: true,
      createdAt: true,
      updatedAt: true,
      events: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          createdAt: true,
          fromStatus: true,
          toStatus: true,
          note: true,
          actor: { select: { name: true, email: true, role: true } },
        },
      },
    },
  });
}
