/**
 * Demo data for Fast Trak Enroll: partner universities and companies, a bilingual catalog,
 * labs and equipment, six months of scheduled runs with enrolments, waitlists, a partner
 * cohort with a seat block, training requests and audit entries.
 *
 *   npm run db:seed            (DATABASE_URL, or the embedded database in DATA_DIR)
 *   seed(client, { now, log })  (the launcher and tests, in-process)
 *
 * Idempotent: when the admin demo account exists the seed changes nothing. Everything is
 * written in one transaction, so a failure leaves no half-seeded database behind.
 */
import { pathToFileURL } from "node:url";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD, demoAccount } from "./seed/demo-accounts";
import { buildSeedPlan, summarizePlan, type SeedPlan } from "./seed/plan";

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./seed/demo-accounts";

export type SeedOptions = {
  /** the moment the demo data is built around (sessions are scheduled relative to it) */
  now?: Date;
  log?: (line: string) => void;
};

export type SeedResult =
  | { seeded: false; reason: "already-seeded" | "not-empty" }
  | { seeded: true; counts: Record<string, number> };

/** Serializes concurrent seeders (two launchers on one database): the second one then skips. */
const SEED_LOCK_KEY = 0x5eed_f7;

const MARKER_EMAIL = demoAccount("ADMIN").email;

/**
 * Why the database must not be seeded, or null when it may. Demo accounts have a published
 * password, so they never go into a database that already has real users.
 */
async function refusal(db: Pick<Tx, "user">): Promise<"already-seeded" | "not-empty" | null> {
  if (await db.user.findUnique({ where: { email: MARKER_EMAIL }, select: { id: true } })) {
    return "already-seeded";
  }
  return (await db.user.count()) > 0 ? "not-empty" : null;
}

function explain(reason: "already-seeded" | "not-empty"): string {
  return reason === "already-seeded"
    ? `Demo data already present (${MARKER_EMAIL} exists): nothing to do.`
    : "The database already has users: demo data (with its published password) is only seeded into an empty database. Nothing was written.";
}

export async function seed(db: PrismaClient, options: SeedOptions = {}): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const log = options.log ?? ((line: string) => console.log(line));

  const early = await refusal(db);
  if (early) {
    log(explain(early));
    return { seeded: false, reason: early };
  }

  const started = Date.now();
  // One hash for every seeded account: argon2id is deliberately slow, and they share the password.
  const plan = buildSeedPlan({ now, passwordHash: await hashPassword(DEMO_PASSWORD) });

  const late = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY}::bigint)`;
      const reason = await refusal(tx);
      if (!reason) await writePlan(tx, plan);
      return reason;
    },
    // Generous: the whole plan is one transaction (~1.5 s on PGlite here), and behind the lock
    // a second seeder may wait for the first.
    { maxWait: 60_000, timeout: 180_000 },
  );
  if (late) {
    log(explain(late));
    return { seeded: false, reason: late };
  }

  const counts = summarizePlan(plan);
  log(
    `Seeded demo data in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
      `${counts.organizations} organizations, ${counts.users} users, ${counts.courses} courses, ` +
      `${counts.rooms} rooms, ${counts.equipment} equipment, ${counts.sessions} sessions ` +
      `(${counts.sessionMeetings} meetings), ${counts.enrollments} enrollments, ` +
      `${counts.cohorts} cohorts (${counts.cohortMembers} members), ${counts.seatBlocks} seat blocks, ` +
      `${counts.certificates} certificates, ${counts.trainingRequests} training requests, ` +
      `${counts.auditLogs} audit entries.`,
  );
  return { seeded: true, counts };
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** One INSERT per table, parents before children. */
async function writePlan(tx: Tx, plan: SeedPlan): Promise<void> {
  await tx.organization.createMany({ data: plan.organizations });
  await tx.user.createMany({ data: plan.users });
  await tx.course.createMany({ data: plan.courses });
  await tx.coursePrerequisite.createMany({ data: plan.coursePrerequisites });
  await tx.room.createMany({ data: plan.rooms });
  await tx.equipment.createMany({ data: plan.equipment });
  await tx.session.createMany({ data: plan.sessions });
  await tx.sessionMeeting.createMany({ data: plan.sessionMeetings });
  await tx.sessionInstructor.createMany({ data: plan.sessionInstructors });
  await tx.instructorBooking.createMany({ data: plan.instructorBookings });
  await tx.sessionEquipment.createMany({ data: plan.sessionEquipment });
  await tx.equipmentBooking.createMany({ data: plan.equipmentBookings });
  await tx.cohort.createMany({ data: plan.cohorts });
  await tx.cohortMember.createMany({ data: plan.cohortMembers });
  await tx.seatBlock.createMany({ data: plan.seatBlocks });
  await tx.enrollment.createMany({ data: plan.enrollments });
  await tx.enrollmentEvent.createMany({ data: plan.enrollmentEvents });
  await tx.attendance.createMany({ data: plan.attendance });
  await tx.certificate.createMany({ data: plan.certificates });
  await tx.trainingRequest.createMany({ data: plan.trainingRequests });
  await tx.trainingRequestEvent.createMany({ data: plan.trainingRequestEvents });
  await tx.auditLog.createMany({ data: plan.auditLogs });
}

/** `npm run db:seed`: against DATABASE_URL, or the embedded database when it is unset. */
async function main(): Promise<void> {
  const { env } = await import("@/lib/env");
  const { createPool } = await import("@/lib/db/pool");
  const { PrismaClient } = await import("@/lib/generated/prisma/client");
  const { PrismaPg } = await import("@prisma/adapter-pg");

  let url = env.DATABASE_URL;
  let stopDatabase: (() => Promise<void>) | undefined;
  if (!url) {
    const { startEmbeddedDatabase } = await import("@/lib/db/embedded");
    const embedded = await startEmbeddedDatabase({ dataDir: env.DATA_DIR });
    url = embedded.url;
    stopDatabase = embedded.stop;
  }
  const pool = createPool(url, 1);
  const client = new PrismaClient({ adapter: new PrismaPg(pool) });
  try {
    await seed(client);
  } finally {
    await client.$disconnect();
    await pool.end().catch(() => {});
    await stopDatabase?.();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(
      "Seeding failed; nothing was written. (Migrated first? npm run db:migrate)",
      error,
    );
    process.exitCode = 1;
  });
}
