import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { pageField } from "@/lib/actions/fields";
import { requirePermission, type PermissionSubject } from "@/lib/auth/permissions";

/**
 * The audit log page: every admin, instructor and partner action recorded by `recordAudit`
 * (lib/audit/audit.ts), newest first, filtered by actor, entity type, action and a date range
 * of Seoul calendar days. Staff only (`audit:read`).
 *
 * Indexes: (created_at) for the unfiltered list, (actor_id, created_at) behind the actor
 * filter, (action, created_at) and (entity_type, created_at) behind the other two
 * (20261125010000_dashboard_indexes); the same leading columns let the filter options be read
 * with a loose index scan instead of a scan of the whole log.
 */

export const AUDIT_PAGE_SIZE = 25;

const day = () =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00+09:00`)))
    .optional()
    .catch(undefined);

/** The page's search params; anything malformed reads as "no filter" (kept here: the page is its only form). */
export const auditListQuerySchema = z.object({
  /** Part of the actor's email (or name). */
  actor: z
    .string()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  entityType: z
    .string()
    .trim()
    .max(64)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  action: z
    .string()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  /** First and last Seoul calendar day, inclusive ("2026-11-25"). */
  from: day(),
  to: day(),
  page: pageField(),
});
export type AuditListQuery = z.output<typeof auditListQuerySchema>;

/** Midnight starting a Seoul calendar day (Korea keeps UTC+9 all year). */
const seoulDayStart = (isoDay: string) => new Date(`${isoDay}T00:00:00+09:00`);
const DAY_MS = 86_400_000;

export type AuditEntry = {
  id: string;
  createdAt: Date;
  actor: { id: string; name: string; email: string; role: Role } | null;
  action: string;
  entityType: string;
  entityId: string | null;
  data: Prisma.JsonValue | null;
  ip: string | null;
};

export type AuditPage = {
  items: AuditEntry[];
  total: number;
  page: number;
  pageCount: number;
};

function whereOf(query: AuditListQuery): Prisma.AuditLogWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  if (query.from) createdAt.gte = seoulDayStart(query.from);
  if (query.to) createdAt.lt = new Date(seoulDayStart(query.to).getTime() + DAY_MS);
  return {
    ...(query.action ? { action: query.action } : {}),
    ...(query.entityType ? { entityType: query.entityType } : {}),
    ...(query.from || query.to ? { createdAt } : {}),
    ...(query.actor
      ? {
          actor: {
            OR: [
              { email: { contains: query.actor, mode: "insensitive" } },
              { name: { contains: query.actor, mode: "insensitive" } },
            ],
          },
        }
      : {}),
  };
}

export async function listAuditEntries(
  viewer: PermissionSubject | null,
  query: AuditListQuery,
): Promise<AuditPage> {
  requirePermission(viewer, "audit:read");
  const where = whereOf(query);
  const total = await db.auditLog.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select: {
      id: true,
      createdAt: true,
      action: true,
      entityType: true,
      entityId: true,
      data: true,
      ip: true,
      actor: { select: { id: true, name: true, email: true, role: true } },
    },
  });
  return { items: rows, total, page, pageCount };
}

export type AuditFilterOptions = { actions: string[]; entityTypes: string[] };

/**
 * The distinct actions and entity types present in the log, for the filter selects. A loose
 * index scan (one index probe per distinct value) keeps this cheap however long the log grows.
 */
export async function listAuditFilterOptions(
  viewer: PermissionSubject | null,
): Promise<AuditFilterOptions> {
  requirePermission(viewer, "audit:read");
  const [actions, entityTypes] = await Promise.all([
    db.$queryRaw<{ value: string }[]>`
      WITH RECURSIVE v AS (
        (SELECT action AS value FROM audit_logs ORDER BY action LIMIT 1)
        UNION ALL
        SELECT (SELECT a.action FROM audit_logs a WHERE a.action > v.value ORDER BY a.action LIMIT 1)
          FROM v WHERE v.value IS NOT NULL
      )
      SELECT value FROM v WHERE value IS NOT NULL`,
    db.$queryRaw<{ value: string }[]>`
      WITH RECURSIVE v AS (
        (SELECT entity_type AS value FROM audit_logs ORDER BY entity_type LIMIT 1)
        UNION ALL
        SELECT (SELECT a.entity_type FROM audit_logs a WHERE a.entity_type > v.value ORDER BY a.entity_type LIMIT 1)
          FROM v WHERE v.value IS NOT NULL
      )
      SELECT value FROM v WHERE value IS NOT NULL`,
  ]);
  return { actions: actions.map((r) => r.value), entityTypes: entityTypes.map((r) => r.value) };
}
