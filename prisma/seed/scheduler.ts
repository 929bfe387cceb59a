import type { Locale } from "@/lib/generated/prisma/enums";
import { isWorkingDay, seoulTime, type SeoulDay } from "./calendar";
import type { CourseSeed } from "./courses";
import type { EquipmentSeed, RoomSeed } from "./facilities";
import type { InstructorSeed } from "./people";

export type Interval = { startsAt: Date; endsAt: Date };

/**
 * Busy intervals per resource (room, instructor or equipment code). Mirrors the database's
 * exclusion constraints: half-open ranges, so back-to-back blocks do not collide.
 */
export class BusyCalendar {
  private readonly busy = new Map<string, Interval[]>();

  isFree(resource: string, intervals: readonly Interval[]): boolean {
    const taken = this.busy.get(resource);
    if (!taken) return true;
    return intervals.every((i) =>
      taken.every((t) => i.endsAt <= t.startsAt || t.endsAt <= i.startsAt),
    );
  }

  book(resource: string, intervals: readonly Interval[]): void {
    const taken = this.busy.get(resource) ?? [];
    taken.push(...intervals);
    this.busy.set(resource, taken);
  }

  /** number of booked intervals, used to spread work evenly across instructors */
  load(resource: string): number {
    return this.busy.get(resource)?.length ?? 0;
  }
}

export type ScheduledRun = {
  roomCode: string;
  meetings: Interval[];
  /** lead first */
  instructorKeys: string[];
  equipmentCodes: string[];
};

/**
 * Office hours in Seoul: a full day is 09:00–17:00 (seven teaching hours and lunch); courses
 * of four hours or less a day run as a morning or an afternoon block.
 */
export function dailyBlocks(
  course: Pick<CourseSeed, "durationDays" | "durationHours">,
): [number, number][] {
  const hoursPerDay = course.durationHours / course.durationDays;
  if (hoursPerDay <= 4) {
    return [
      [9, 9 + hoursPerDay],
      [13, 13 + hoursPerDay],
    ];
  }
  return [[9, Math.min(17, 9 + hoursPerDay + 1)]];
}

function meetingsFor(firstDay: SeoulDay, days: number, [from, to]: [number, number]): Interval[] {
  return Array.from({ length: days }, (_, i) => ({
    startsAt: seoulTime(firstDay + i, Math.floor(from), Math.round((from % 1) * 60)),
    endsAt: seoulTime(firstDay + i, Math.floor(to), Math.round((to % 1) * 60)),
  }));
}

/** A multi-day course runs on consecutive working days within one week. */
function fitsWeek(firstDay: SeoulDay, days: number): boolean {
  for (let i = 0; i < days; i++) if (!isWorkingDay(firstDay + i)) return false;
  return true;
}

export type Facilities = {
  rooms: readonly RoomSeed[];
  equipment: readonly EquipmentSeed[];
  instructors: readonly InstructorSeed[];
};

/**
 * Finds the earliest slot on or after `fromDay` (and before `untilDay`) where the course's room,
 * enough free units of each piece of equipment it needs and a qualified instructor who speaks
 * the session language are all free, then books them. Returns null when nothing fits.
 */
export function scheduleRun(
  calendar: BusyCalendar,
  facilities: Facilities,
  course: CourseSeed,
  language: Locale,
  fromDay: SeoulDay,
  untilDay: SeoulDay,
): ScheduledRun | null {
  const qualified = facilities.instructors.filter(
    (i) => i.teaches.includes(course.category) && i.speaks.includes(language),
  );
  for (let day = fromDay; day + course.durationDays - 1 < untilDay; day++) {
    if (!fitsWeek(day, course.durationDays)) continue;
    for (const block of dailyBlocks(course)) {
      const meetings = meetingsFor(day, course.durationDays, block);
      for (const roomCode of course.rooms) {
        if (!calendar.isFree(`room:${roomCode}`, meetings)) continue;
        const equipmentCodes = pickEquipment(
          calendar,
          facilities.equipment,
          course,
          roomCode,
          meetings,
        );
        if (!equipmentCodes) continue;
        const instructorKeys = pickInstructors(
          calendar,
          qualified,
          course,
          roomCode,
          facilities.rooms,
          meetings,
        );
        if (!instructorKeys) continue;

        calendar.book(`room:${roomCode}`, meetings);
        for (const code of equipmentCodes) calendar.book(`equipment:${code}`, meetings);
        for (const key of instructorKeys) calendar.book(`instructor:${key}`, meetings);
        return { roomCode, meetings, instructorKeys, equipmentCodes };
      }
    }
  }
  return null;
}

function pickEquipment(
  calendar: BusyCalendar,
  equipment: readonly EquipmentSeed[],
  course: CourseSeed,
  roomCode: string,
  meetings: Interval[],
): string[] | null {
  const picked: string[] = [];
  for (const need of course.equipment ?? []) {
    const free = equipment.filter(
      (e) =>
        e.roomCode === roomCode &&
        e.kind === need.kind &&
        calendar.isFree(`equipment:${e.code}`, meetings),
    );
    if (free.length < need.count) return null;
    picked.push(...free.slice(0, need.count).map((e) => e.code));
  }
  return picked;
}

/** The least-loaded free instructor leads; multi-day lab runs get a second instructor when one is free. */
function pickInstructors(
  calendar: BusyCalendar,
  qualified: readonly InstructorSeed[],
  course: CourseSeed,
  roomCode: string,
  rooms: readonly RoomSeed[],
  meetings: Interval[],
): string[] | null {
  const free = qualified
    .filter((i) => calendar.isFree(`instructor:${i.key}`, meetings))
    .sort((a, b) => calendar.load(`instructor:${a.key}`) - calendar.load(`instructor:${b.key}`));
  const lead = free[0];
  if (!lead) return null;
  const isLab = rooms.find((r) => r.code === roomCode)?.kind === "LAB";
  const assistant = isLab && course.durationDays >= 3 ? free[1] : undefined;
  return assistant ? [lead.key, assistant.key] : [lead.key];
}
