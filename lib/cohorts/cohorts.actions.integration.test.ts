import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runAction, type ActionResult } from "@/lib/actions/action";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createTestUser } from "@/lib/users/users.test-helpers";
import {
  addMemberAction,
  confirmImportAction,
  createCohortAction,
  removeMemberAction,
  resendInvitationAction,
  setCohortArchivedAction,
  updateCohortAction,
  updateMemberAction,
} from "@/lib/cohorts/cohorts.actions";
import { previewImportDefinition } from "@/lib/cohorts/preview-action";
import {
  addCohortMember,
  previewMemberImport,
  type ImportPreview,
} from "@/lib/cohorts/cohorts.service";
import {
  getCohort,
  getCohortMember,
  listCohortMembers,
  listCohorts,
} from "@/lib/cohorts/cohorts.queries";
import {
  cohortSnapshot,
  createPartner,
  createTestCohort,
  csvFile,
} from "@/lib/cohorts/cohorts.test-helpers";

/**
 * Every cohort action called the way a browser calls it (FormData through the action wrapper):
 * refused for every role without the permission, refused as "not found" for a coordinator of
 * another organization — with proof that nothing changed — and allowed for admins.
 */

let coordinatorA: CurrentUser;
let coordinatorB: CurrentUser;
let organizationA: string;
let admin: CurrentUser;
let trainee: CurrentUser;
let instructor: CurrentUser;
/** Organization A's cohort and one of its members (not joined). */
let cohortA: { id: string; name: string };
let memberA: string;
let cohortB: { id: string; name: string };
let sealedA: string;

const IMPORT_CSV = "이름,이메일\n새 학생,import.new@inha.example\n";

beforeAll(async () => {
  const a = await createPartner("Partner A University");
  const b = await createPartner("Partner B University");
  ({ coordinator: coordinatorA, organizationId: organizationA } = a);
  coordinatorB = b.coordinator;
  admin = await createTestUser({ role: "ADMIN" });
  trainee = await createTestUser({ role: "TRAINEE" });
  instructor = await createTestUser({ role: "INSTRUCTOR" });
  cohortA = await createTestCohort(organizationA, "A cohort");
  cohortB = await createTestCohort(b.organizationId, "B cohort");
  ({ memberId: memberA } = await addCohortMember(coordinatorA, {
    cohortId: cohortA.id,
    name: "Member of A",
    email: "member.a@a.example",
    studentNumber: "1",
    department: null,
    locale: "ko",
  }));
  // Old enough that a resend is not refused as too soon.
  await db.invitation.updateMany({ data: { createdAt: new Date(Date.now() - 3_600_000) } });
  ({ sealed: sealedA } = await previewMemberImport(coordinatorA, {
    cohortId: cohortA.id,
    locale: "ko",
    file: csvFile(IMPORT_CSV),
  }));
});

function form(entries: Record<string, string | File>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.append(k, v);
  return fd;
}

type Case = {
  name: string;
  run: (
    user: CurrentUser | null,
    target: { cohortId: string; memberId: string; sealed: string },
  ) => Promise<ActionResult>;
};

const previewAction = (user: CurrentUser | null, entries: Record<string, string | File>) => {
  let preview: ImportPreview | undefined;
  return runAction(
    user,
    previewImportDefinition((p) => (preview = p)),
    form(entries),
    { locale: "en" },
  ).then((result) => ({ ...result, preview }));
};

/** Every action of the cohort pages, aimed at a given cohort and member. */
const cases: Case[] = [
  {
    name: "updateCohortAction",
    run: (user, t) =>
      runAction(
        user,
        updateCohortAction.definition,
        form({ cohortId: t.cohortId, name: "Renamed", program: "", description: "", startsOn: "" }),
        { locale: "en" },
      ),
  },
  {
    name: "setCohortArchivedAction",
    run: (user, t) =>
      runAction(
        user,
        setCohortArchivedAction.definition,
        form({ cohortId: t.cohortId, archived: "true" }),
        { locale: "en" },
      ),
  },
  {
    name: "addMemberAction",
    run: (user, t) =>
      runAction(
        user,
        addMemberAction.definition,
        form({
          cohortId: t.cohortId,
          name: "Intruder",
          email: "intruder@evil.example",
          studentNumber: "",
          department: "",
          locale: "ko",
        }),
        { locale: "en" },
      ),
  },
  {
    name: "updateMemberAction",
    run: (user, t) =>
      runAction(
        user,
        updateMemberAction.definition,
        form({
          cohortId: t.cohortId,
          memberId: t.memberId,
          name: "Changed",
          email: "member.a@a.example",
          studentNumber: "",
          department: "",
          locale: "ko",
        }),
        { locale: "en" },
      ),
  },
  {
    name: "removeMemberAction",
    run: (user, t) =>
      runAction(
        user,
        removeMemberAction.definition,
        form({ cohortId: t.cohortId, memberId: t.memberId }),
        { locale: "en" },
      ),
  },
  {
    name: "resendInvitationAction",
    run: (user, t) =>
      runAction(
        user,
        resendInvitationAction.definition,
        form({ cohortId: t.cohortId, memberId: t.memberId, locale: "en" }),
        { locale: "en" },
      ),
  },
  {
    name: "previewImportAction",
    run: (user, t) =>
      previewAction(user, { cohortId: t.cohortId, locale: "ko", file: csvFile(IMPORT_CSV) }),
  },
  {
    name: "confirmImportAction",
    run: (user, t) =>
      runAction(
        user,
        confirmImportAction.definition,
        form({ cohortId: t.cohortId, preview: t.sealed }),
        { locale: "en" },
      ),
  },
];

const targetA = () => ({ cohortId: cohortA.id, memberId: memberA, sealed: sealedA });

describe("refusals by role", () => {
  for (const { name, run } of cases) {
    it.each(["trainee", "instructor"] as const)(
      `${name}: a %s is refused and nothing changes`,
      async (role) => {
        const before = await cohortSnapshot();
        const result = await run(role === "trainee" ? trainee : instructor, targetA());
        expect(result).toMatchObject({ ok: false, errorCode: "FORBIDDEN" });
        expect(result.formError).toBe("You don't have permission to do this.");
        expect(await cohortSnapshot()).toEqual(before);
      },
    );

    it(`${name}: an anonymous caller is refused and nothing changes`, async () => {
      const before = await cohortSnapshot();
      expect(await run(null, targetA())).toMatchObject({ ok: false, errorCode: "UNAUTHENTICATED" });
      expect(await cohortSnapshot()).toEqual(before);
    });
  }

  it.each(["trainee", "instructor"] as const)(
    "createCohortAction: a %s is refused",
    async (role) => {
      const before = await cohortSnapshot();
      const result = await runAction(
        role === "trainee" ? trainee : instructor,
        createCohortAction.definition,
        form({
          name: "Sneaky",
          program: "",
          description: "",
          startsOn: "",
          organizationId: organizationA,
        }),
      );
      expect(result).toMatchObject({ ok: false, errorCode: "FORBIDDEN" });
      expect(await cohortSnapshot()).toEqual(before);
    },
  );

  it("the queries refuse trainees and instructors too", async () => {
    for (const user of [trainee, instructor]) {
      await expect(listCohorts(user, { archived: false, page: 1 }, "en")).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(getCohort(user, cohortA.id, "en")).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listCohortMembers(user, cohortA.id, { page: 1 })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
  });
});

describe("a coordinator of another organization", () => {
  for (const { name, run } of cases) {
    it(`${name}: finds nothing of organization A, and nothing changes`, async () => {
      const before = await cohortSnapshot();
      const result = await run(coordinatorB, targetA());
      expect(result).toMatchObject({ ok: false, errorCode: "COHORT_NOT_FOUND" });
      expect(result.formError).toMatch(/not found/);
      expect(await cohortSnapshot()).toEqual(before);
    });
  }

  it("cannot reach A's member through their own cohort either", async () => {
    const before = await cohortSnapshot();
    for (const { name, run } of cases.filter(
      (c) => /Member|resend/i.test(c.name) && c.name !== "addMemberAction",
    )) {
      const result = await run(coordinatorB, {
        cohortId: cohortB.id,
        memberId: memberA,
        sealed: sealedA,
      });
      expect(result, name).toMatchObject({ ok: false, errorCode: "MEMBER_NOT_FOUND" });
    }
    expect(await cohortSnapshot()).toEqual(before);
  });

  it("sees none of A's cohorts or members in any page query", async () => {
    const lists = [
      await listCohorts(coordinatorB, { archived: false, page: 1 }, "en"),
      await listCohorts(coordinatorB, { archived: true, page: 1 }, "en"),
    ];
    expect(lists.flatMap((l) => l.items.map((c) => c.id))).toEqual([cohortB.id]);
    expect(await getCohort(coordinatorB, cohortA.id, "en")).toBeNull();
    expect(await listCohortMembers(coordinatorB, cohortA.id, { page: 1 })).toMatchObject({
      items: [],
      total: 0,
    });
    expect(await getCohortMember(coordinatorB, cohortA.id, memberA)).toBeNull();
  });

  it("creates cohorts only in their own organization, whatever organization the form names", async () => {
    const result = await runAction(
      coordinatorB,
      createCohortAction.definition,
      form({
        name: "B's new cohort",
        program: "",
        description: "",
        startsOn: "",
        organizationId: organizationA,
      }),
    );
    expect(result.ok).toBe(true);
    const created = await db.cohort.findFirstOrThrow({ where: { name: "B's new cohort" } });
    expect(created.organizationId).toBe(coordinatorB.organizationId);
  });
});

describe("admins", () => {
  it("reach every organization's cohorts with every action", async () => {
    const target = targetA();
    const admin_ = admin;
    const preview = await previewAction(admin_, {
      cohortId: target.cohortId,
      locale: "en",
      file: csvFile(IMPORT_CSV),
    });
    expect(preview).toMatchObject({ ok: true, preview: { counts: { added: 1 } } });
    const confirm = await runAction(
      admin_,
      confirmImportAction.definition,
      form({ cohortId: target.cohortId, preview: preview.preview!.sealed }),
      { locale: "en" },
    );
    expect(confirm.ok).toBe(true);
    // In an order where each can succeed (archiving last: an archived cohort is read-only).
    const order = [
      "updateCohortAction",
      "addMemberAction",
      "updateMemberAction",
      "resendInvitationAction",
      "removeMemberAction",
      "setCohortArchivedAction",
    ];
    for (const name of order) {
      const result = await cases.find((c) => c.name === name)!.run(admin_, target);
      expect(result, name).toMatchObject({ ok: true });
    }
    expect(
      (await listCohorts(admin, { archived: true, page: 1 }, "en")).items.map((c) => c.id),
    ).toContain(cohortA.id);
    expect(await getCohort(admin, cohortB.id, "en")).not.toBeNull();
  });
});
