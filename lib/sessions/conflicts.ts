import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Scheduling conflicts (design.md, invariant 3): a room, a piece of equipment or an instructor
 * already booked in an overlapping meeting of a non-cancelled session, and a capacity above the
 * room's. The query reads the same rows and the same half-open ranges as the database's
 * exclusion constraints (session_meetings_room_no_overlap, equipment_bookings_no_overlap,
 * instructor_bookings_no_overlap), so what it reports is exactly what the database would
 * refuse: meetings that touch (one ends when the other starts) are not a conflict, and the
 * `active` flag the triggers keep is "the session is not cancelled".
 *
 * The check runs before saving (shown in the form) and again inside the saving transaction;
 * the constraints are the backstop for two admins saving at the same moment, and their
 * violation is turned back into the same conflicts by `conflictsAfterViolation`.
 */

export type Bilingual = { ko: string; en: string };

export type ResourceConflict = {
  kind: "ROOM" | "EQUIPMENT" | "INSTRUCTOR";
  resourceId: string;
  /** Room and equipment names in both languages; an instructor's name in both. */
  resourceName: Bilingual;
  /** The clashing session, named by its course and its first clashing meeting. */
  session: { id: string; courseCode: string; courseTitle: Bilingual };
  startsAt: Date;
  endsAt: Date;
  /** How many of the clashing session's meetings overlap the proposal. */
  meetings: number;
};

export type CapacityConflict = {
  kind: "CAPACITY_ABOVE_ROOM";
  capacity: number;
  roomCapacity: number;
  roomName: Bilingual;
};

export type ScheduleConflict = ResourceConflict | CapacityConflict;

export type ScheduleProposal = {
  /** The session being changed: its own bookings are not conflicts. */
  excludeSessionId?: string | null;
  roomId: string | null;
  equipmentIds: readonly string[];
  instructorIds: readonly string[];
  meetings: readonly { startsAt: Date; endsAt: Date }[];
  capacity?: number | null;
};

/** Thrown when a proposal clashes; the action layer words it in the user's language. */
export class ScheduleConflictError extends ConflictError {
  constructor(readonly conflicts: ScheduleConflict[]) {
    super("SCHEDULE_CONFLICT", { count: conflicts.length });
  }
}

type ClashRow = {
  kind: ResourceConflict["kind"];
  resource_id: string;
  session_id: string;
  starts_at: Date;
  ends_at: Date;
  meetings: number;
};

const KIND_ORDER: Record<ScheduleConflict["kind"], number> = {
  ROOM: 0,
  EQUIPMENT: 1,
  INSTRUCTOR: 2,
  CAPACITY_ABOVE_ROOM: 3,
};

export async function findScheduleConflicts(
  client: Tx | Db,
  proposal: ScheduleProposal,
): Promise<ScheduleConflict[]> {
  const conflicts: ScheduleConflict[] = [];
  if (proposal.meetings.length > 0) conflicts.push(...(await findResourceConflicts(client, proposal)));
  if (proposal.roomId && proposal.capacity) {
    const room = await client.room.findUnique({
      where: { id: proposal.roomId },
      select: { capacity: true, nameKo: true, nameEn: true },
    });
    if (room && proposal.capacity > room.capacity) {
      conflicts.push({
        kind: "CAPACITY_ABOVE_ROOM",
        capacity: proposal.capacity,
        roomCapacity: room.capacity,
        roomName: { ko: room.nameKo, en: room.nameEn },
      });
    }
  }
  return conflicts.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

async function findResourceConflicts(
  client: Tx | Db,
  proposal: ScheduleProposal,
): Promise<ResourceConflict[]> {
  const starts = proposal.meetings.map((m) => m.startsAt.toISOString());
  const ends = proposal.meetings.map((m) => m.endsAt.toISOString());
  const exclude = proposal.excludeSessionId ?? null;
  const rows = await client.$queryRaw<ClashRow[]>(Prisma.sql`
    WITH proposed AS (
      SELECT tstzrange(p.s, p.e) AS r
      FROM unnest(${starts}::timestamptz[], ${ends}::timestamptz[]) AS p(s, e)
    ),
    clashes AS (
      SELECT DISTINCT 'ROOM'::text AS kind, m.room_id AS resource_id, m.session_id,
             m.id AS meeting_id, m.starts_at, m.ends_at
      FROM proposed p
      JOIN session_meetings m
        ON m.active AND m.room_id = ${proposal.roomId}::text
       AND tstzrange(m.starts_at, m.ends_at) && p.r
      WHERE m.session_id IS DISTINCT FROM ${exclude}::text
      UNION
      SELECT DISTINCT 'EQUIPMENT'::text, b.equipment_id, m.session_id, m.id, b.starts_at, b.ends_at
      FROM proposed p
      JOIN equipment_bookings b
        ON b.active AND b.equipment_id = ANY(${[...proposal.equipmentIds]}::text[])
       AND tstzrange(b.starts_at, b.ends_at) && p.r
      JOIN session_meetings m ON m.id = b.meeting_id
      WHERE m.session_id IS DISTINCT FROM ${exclude}::text
      UNION
      SELECT DISTINCT 'INSTRUCTOR'::text, b.instructor_id, m.session_id, m.id, b.starts_at, b.ends_at
      FROM proposed p
      JOIN instructor_bookings b
        ON b.active AND b.instructor_id = ANY(${[...proposal.instructorIds]}::text[])
       AND tstzrange(b.starts_at, b.ends_at) && p.r
      JOIN session_meetings m ON m.id = b.meeting_id
      WHERE m.session_id IS DISTINCT FROM ${exclude}::text
    )
    SELECT kind, resource_id, session_id,
           min(starts_at) AS starts_at,
           (array_agg(ends_at ORDER BY starts_at))[1] AS ends_at,
           count(DISTINCT meeting_id)::int AS meetings
    FROM clashes
    GROUP BY kind, resource_id, session_id
    ORDER BY min(starts_at), kind, resource_id`);
  if (rows.length === 0) return [];

  const ids = (kind: ClashRow["kind"]) => [...new Set(rows.filter((r) => r.kind === kind).map((r) => r.resource_id))];
  const [sessions, rooms, equipment, instructors] = await Promise.all([
    client.session.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.session_id))] } },
      select: { id: true, course: { select: { code: true, titleKo: true, titleEn: true } } },
    }),
    client.room.findMany({ where: { id: { in: ids("ROOM") } }, select: { id: true, nameKo: true, nameEn: true } }),
    client.equipment.findMany({
      where: { id: { in: ids("EQUIPMENT") } },
      select: { id: true, nameKo: true, nameEn: true },
    }),
    client.user.findMany({ where: { id: { in: ids("INSTRUCTOR") } }, select: { id: true, name: true } }),
  ]);
  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  const names = new Map<string, Bilingual>([
    ...rooms.map((r) => [r.id, { ko: r.nameKo, en: r.nameEn }] as const),
    ...equipment.map((e) => [e.id, { ko: e.nameKo, en: e.nameEn }] as const),
    ...instructors.map((u) => [u.id, { ko: u.name, en: u.name }] as const),
  ]);
  return rows.map((row) => {
    const session = sessionById.get(row.session_id);
    return {
      kind: row.kind,
      resourceId: row.resource_id,
      resourceName: names.get(row.resource_id) ?? { ko: row.resource_id, en: row.resource_id },
      session: {
        id: row.session_id,
        courseCode: session?.course.code ?? "",
        courseTitle: { ko: session?.course.titleKo ?? "", en: session?.course.titleEn ?? "" },
      },
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      meetings: row.meetings,
    };
  });
}

/** Refuses the proposal when anything clashes. */
export async function assertNoScheduleConflicts(client: Tx | Db, proposal: ScheduleProposal): Promise<void> {
  const conflicts = await findScheduleConflicts(client, proposal);
  if (conflicts.length > 0) throw new ScheduleConflictError(conflicts);
}

// ---------------------------------------------------------------------------------------------
// The backstop: exclusion violations

const EXCLUSION_CONSTRAINTS = {
  session_meetings_room_no_overlap: "ROOM",
  equipment_bookings_no_overlap: "EQUIPMENT",
  instructor_bookings_no_overlap: "INSTRUCTOR",
} as const;

type ExclusionKind = (typeof EXCLUSION_CONSTRAINTS)[keyof typeof EXCLUSION_CONSTRAINTS];

/**
 * The resource kind of an exclusion-constraint violation (SQLSTATE 23P01) raised through
 * Prisma's driver adapter, or null for any other error. Prisma reports it as a known request
 * error whose `meta.driverAdapterError.cause` carries PostgreSQL's code and message; the
 * constraint is named in the message.
 */
export function exclusionViolationKind(error: unknown): ExclusionKind | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return null;
  const cause = (error.meta?.driverAdapterError as { cause?: { originalCode?: string; originalMessage?: string } } | undefined)
    ?.cause;
  if (cause?.originalCode !== "23P01") return null;
  const name = /exclusion constraint "([a-z_]+)"/.exec(cause.originalMessage ?? "")?.[1];
  return name && name in EXCLUSION_CONSTRAINTS
    ? EXCLUSION_CONSTRAINTS[name as keyof typeof EXCLUSION_CONSTRAINTS]
    : null;
}

/**
 * Runs a schedule write; when the database refuses it with an exclusion violation (someone
 * else booked the same room, equipment or instructor after our check, and committed first),
 * re-runs the conflict query, which now sees their booking, and refuses with the same
 * conflicts the form would have shown. Should the clash have gone again by then (they
 * cancelled at once), the refusal still names the kind of resource.
 */
export async function withConflictBackstop<T>(
  client: Db,
  proposal: ScheduleProposal,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const kind = exclusionViolationKind(error);
    if (!kind) throw error;
    const conflicts = await findScheduleConflicts(client, proposal);
    if (conflicts.length > 0) throw new ScheduleConflictError(conflicts);
    throw new ConflictError(`${kind}_JUST_BOOKED`);
  }
}
