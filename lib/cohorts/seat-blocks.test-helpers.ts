import os from "node:os";
import path from "node:path";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createPartner, createTestCohort } from "@/lib/cohorts/cohorts.test-helpers";
import { decideSeatBlock, requestSeatBlock } from "@/lib/cohorts/seat-blocks.service";
import { seatBlockJobs } from "@/lib/jobs/seat-block-jobs";
import { logger } from "@/lib/logger";
import { createFileTransport } from "@/lib/notifications/transport";
import { createTestUser } from "@/lib/users/users.test-helpers";

/**
 * Test data for the seat-block tests: a partner organization with its coordinator and a cohort
 * of students who have accounts (linked members), and blocks taken through the service.
 */

export type TestPartner = {
  organizationId: string;
  coordinator: CurrentUser;
  cohortId: string;
  /** Members with an account, linked to the cohort. */
  members: { memberId: string; user: CurrentUser }[];
};

export async function createPartnerWithCohort(
  options: { name?: string; members?: number } = {},
): Promise<TestPartner> {
  const { organizationId, coordinator } = await createPartner(options.name);
  const cohort = await createTestCohort(organizationId);
  const members: TestPartner["members"] = [];
  for (let i = 0; i < (options.members ?? 3); i++) {
    members.push(await addJoinedMember(cohort.id, `Student ${i + 1}`));
  }
  return { organizationId, coordinator, cohortId: cohort.id, members };
}

/** A student with an account, on the cohort's list and linked to it (they "joined"). */
export async function addJoinedMember(
  cohortId: string,
  name = "Student",
): Promise<{ memberId: string; user: CurrentUser }> {
  const user = await createTestUser({ name });
  const member = await db.cohortMember.create({
    data: { cohortId, email: user.email, name, userId: user.id, joinedAt: new Date() },
    select: { id: true },
  });
  return { memberId: member.id, user };
}

/** A pre-registered student without an account. */
export async function addPendingMember(cohortId: string, email: string, name = "Pending student") {
  return db.cohortMember.create({
    data: { cohortId, email, name, invitedAt: new Date() },
    select: { id: true },
  });
}

/** Requests `requested` seats and has `admin` approve `approved` of them. */
export async function approvedBlock(
  partner: Pick<TestPartner, "coordinator" | "cohortId">,
  admin: CurrentUser,
  sessionId: string,
  requested: number,
  approved = requested,
  releaseAt: Date | null = null,
): Promise<string> {
  const { blockId } = await requestSeatBlock(partner.coordinator, {
    sessionId,
    cohortId: partner.cohortId,
    seats: requested,
    note: null,
  });
  await decideSeatBlock(admin, { blockId, approvedSeats: approved, reason: null, releaseAt });
  return blockId;
}

export async function blockRow(blockId: string) {
  return db.seatBlock.findUniqueOrThrow({
    where: { id: blockId },
    select: {
      status: true,
      requestedSeats: true,
      approvedSeats: true,
      claimedSeats: true,
      releaseAt: true,
      releasedAt: true,
      decisionReason: true,
    },
  });
}

export async function seatsHeld(sessionId: string): Promise<number> {
  const row = await db.session.findUniqueOrThrow({ where: { id: sessionId }, select: { seatsHeld: true } });
  return row.seatsHeld;
}

/** Runs the worker's "seat-blocks.release" job once, as the worker would. */
export async function runReleaseJob(): Promise<void> {
  const job = seatBlockJobs.find((j) => j.name === "seat-blocks.release");
  if (!job) throw new Error("seat-blocks.release is not defined");
  await job.run({
    logger,
    mailTransport: createFileTransport(path.join(os.tmpdir(), "ft-seat-block-test-mail"), "test@example.com"),
  });
}
