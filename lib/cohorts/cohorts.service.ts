import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/generated/prisma/enums";
import { isAppLocale, routing, type AppLocale } from "@/lib/i18n/routing";
import { recordAudit } from "@/lib/audit/audit";
import { grantedScope } from "@/lib/auth/permissions";
import { createOneTimeToken, TOKEN_LIFETIME_MS } from "@/lib/auth/tokens";
import type { CurrentUser } from "@/lib/auth/current-user";
import { enqueueMail } from "@/lib/notifications/outbox";
import { cohortScope } from "@/lib/cohorts/cohorts.queries";
import {
  IMPORT_MAX_BYTES,
  memberRowSchema,
  type AddMemberInput,
  type ConfirmImportInput,
  type CreateCohortInput,
  type MemberRefInput,
  type MemberRow,
  type PreviewImportInput,
  type ResendInvitationInput,
  type SetCohortArchivedInput,
  type UpdateCohortInput,
  type UpdateMemberInput,
} from "@/lib/cohorts/cohorts.schemas";
import {
  classifyRows,
  memberChanges,
  parseMemberFile,
  type ClassifiedRow,
  type ImportField,
  type ImportOutcome,
  type RowIssue,
  type SheetFormat,
  type TextEncoding,
} from "@/lib/cohorts/import";
import { openPreview, sealPreview, type SealedRow } from "@/lib/cohorts/import-preview";

/**
 * Partner cohorts: coordinators (and admins) keep lists of students, import them from
 * spreadsheets and pre-register those who have no account yet.
 *
 * Every function takes the acting user first, checks `cohort:manage:*` itself and reaches
 * cohorts only through `cohortScope` (a coordinator's own organization), so another
 * organization's cohort is "not found" whatever id is sent. Every change is audited and its
 * mail queued in the same transaction as the change (invariant 5); an archived cohort is
 * read-only.
 *
 * Members are matched to accounts by email (case-insensitive). When a member is added:
 * - an account with a verified address is linked at once (it "joined"), and its owner is told;
 * - without an account the person gets an invitation (lib/users' Invitation, token stored
 *   hashed) in the chosen language; accepting it creates the account, and the account is
 *   linked to every cohort place registered for that address (users.service
 *   confirmEmailOwnership, which also links on email verification after a plain sign-up);
 * - an account still awaiting verification gets nothing: it is linked when verified.
 */

export type RequestMeta = { ip?: string | null };

/** A coordinator cannot mail one student more often than this (resend button, changed address). */
const RESEND_INTERVAL_MS = 10 * 60 * 1000;
/**
 * An import of the maximum size writes a few thousand rows (members, invitations, outbox mail)
 * in one transaction so that it is all or nothing; that takes longer than Prisma's 5 s default.
 */
const IMPORT_TRANSACTION = { timeout: 120_000, maxWait: 15_000 } as const;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

function pageUrl(locale: AppLocale, path: string, token?: string): string {
  const url = new URL(`/${locale}${path}`, env.APP_URL);
  if (token) url.searchParams.set("token", token);
  return url.toString();
}

const cohortSelect = {
  id: true,
  name: true,
  organizationId: true,
  archivedAt: true,
  organization: { select: { name: true, nameEn: true } },
} satisfies Prisma.CohortSelect;
type ManagedCohort = Prisma.CohortGetPayload<{ select: typeof cohortSelect }>;

/**
 * The cohort `actor` manages, row-locked for the rest of the transaction so that concurrent
 * changes to one cohort's list (two imports, an import and a manual add) apply one after the
 * other. Not found for anyone outside its organization; refused once archived unless reading.
 */
async function lockManagedCohort(
  tx: Tx,
  actor: CurrentUser,
  cohortId: string,
  { allowArchived = false } = {},
): Promise<ManagedCohort> {
  const cohort = await tx.cohort.findFirst({
    where: { id: cohortId, ...cohortScope(actor) },
    select: cohortSelect,
  });
  if (!cohort) throw new NotFoundError("COHORT_NOT_FOUND");
  // The archived flag is read again under the lock: an archive that committed meanwhile counts.
  const [locked] = await tx.$queryRaw<{ archived_at: Date | null }[]>`
    SELECT archived_at FROM cohorts WHERE id = ${cohort.id} FOR UPDATE`;
  const archivedAt = locked?.archived_at ?? null;
  if (archivedAt && !allowArchived) throw new ConflictError("COHORT_ARCHIVED");
  return { ...cohort, archivedAt };
}

async function findMember(tx: Tx, cohortId: string, memberId: string) {
  const member = await tx.cohortMember.findFirst({
    where: { id: memberId, cohortId },
    select: {
      id: true,
      email: true,
      name: true,
      studentNumber: true,
      department: true,
      userId: true,
    },
  });
  if (!member) throw new NotFoundError("MEMBER_NOT_FOUND");
  return member;
}

// ---------------------------------------------------------------------------------------------
// Welcoming members: link an existing account or invite

type Account = {
  id: string;
  email: string;
  locale: Locale;
  active: boolean;
  emailVerifiedAt: Date | null;
};
type WelcomeKind = "linked" | "invited" | "awaiting-verification";

function welcomeKind(account: Account | undefined): WelcomeKind {
  if (!account) return "invited";
  return account.emailVerifiedAt ? "linked" : "awaiting-verification";
}

async function accountsByEmail(
  tx: Pick<Tx, "user">,
  emails: string[],
): Promise<Map<string, Account>> {
  if (emails.length === 0) return new Map();
  const rows = await tx.user.findMany({
    // `email` is citext: `in` compares case-insensitively.
    where: { email: { in: emails } },
    select: { id: true, email: true, locale: true, active: true, emailVerifiedAt: true },
  });
  return new Map(rows.map((r) => [r.email.toLowerCase(), r]));
}

/** The member columns that record how they were welcomed. */
function welcomeColumns(kind: WelcomeKind, account: Account | undefined, now: Date) {
  if (kind === "linked") return { userId: account!.id, joinedAt: now };
  if (kind === "invited") return { invitedAt: now };
  return {};
}

type Welcome = {
  member: { id: string; email: string; name: string };
  kind: WelcomeKind;
  account: Account | undefined;
  /** The invitation's language (someone with an account is written to in their own). */
  locale: AppLocale;
};

/**
 * Queues the mails (and creates the invitations) for members already written with their
 * `welcomeColumns`. One invitation row and one mail per invited member, all in the caller's
 * transaction.
 */
async function sendWelcomes(
  tx: Tx,
  actor: CurrentUser,
  cohort: ManagedCohort,
  welcomes: Welcome[],
  now: Date,
): Promise<void> {
  const invitations: Prisma.InvitationCreateManyInput[] = [];
  for (const { member, kind, account, locale } of welcomes) {
    if (kind === "awaiting-verification") continue;
    const mailLocale = kind === "linked" && isAppLocale(account!.locale) ? account!.locale : locale;
    const common = {
      memberName: member.name,
      inviterName: actor.name,
      organizationName:
        mailLocale === "en" && cohort.organization.nameEn
          ? cohort.organization.nameEn
          : cohort.organization.name,
      cohortName: cohort.name,
    };
    if (kind === "linked") {
      // A deactivated account is linked (the place is theirs) but not written to.
      if (!account!.active) continue;
      await enqueueMail(tx, {
        to: member.email,
        userId: account!.id,
        locale: mailLocale,
        template: "cohort.added",
        payload: { ...common, url: pageUrl(mailLocale, "/me/enrollments") },
      });
      continue;
    }
    const { token, tokenHash } = createOneTimeToken();
    invitations.push({
      email: member.email,
      role: "TRAINEE",
      organizationId: cohort.organizationId,
      cohortMemberId: member.id,
      locale,
      tokenHash,
      invitedById: actor.id,
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS.INVITATION),
    });
    await enqueueMail(tx, {
      to: member.email,
      locale,
      template: "cohort.invitation",
      payload: { ...common, url: pageUrl(locale, "/accept-invitation", token) },
    });
  }
  if (invitations.length) await tx.invitation.createMany({ data: invitations });
}

/** Only the newest invitation of a member works: older links stop when a new one is sent. */
async function revokeOpenInvitations(tx: Tx, memberId: string, now: Date) {
  await tx.invitation.updateMany({
    where: { cohortMemberId: memberId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
}

/** Welcomes a member that already exists (a resend, or a changed address). */
async function welcomeExisting(
  tx: Tx,
  actor: CurrentUser,
  cohort: ManagedCohort,
  member: { id: string; email: string; name: string },
  locale: AppLocale,
  now: Date,
): Promise<WelcomeKind> {
  const account = (await accountsByEmail(tx, [member.email])).get(member.email.toLowerCase());
  const kind = welcomeKind(account);
  await revokeOpenInvitations(tx, member.id, now);
  await tx.cohortMember.update({
    where: { id: member.id },
    data: welcomeColumns(kind, account, now),
  });
  await sendWelcomes(tx, actor, cohort, [{ member, kind, account, locale }], now);
  return kind;
}

// ---------------------------------------------------------------------------------------------
// Cohorts

/**
 * A new cohort of the coordinator's organization (admins choose the partner organization).
 * Names are unique per organization.
 */
export async function createCohort(
  actor: CurrentUser,
  input: CreateCohortInput,
  meta: RequestMeta = {},
): Promise<{ cohortId: string }> {
  const scope = grantedScope(actor, "cohort:manage:any", "cohort:manage:own-org");
  const organizationId = scope === "any" ? input.organizationId : actor.organizationId;
  try {
    return await db.$transaction(async (tx) => {
      const organization = await tx.organization.findFirst({
        where: { id: organizationId ?? "", isPartner: true },
        select: { id: true },
      });
      if (!organization) {
        if (scope === "scoped") throw new ForbiddenError();
        throw new ValidationError("PARTNER_ORGANIZATION_INVALID", "organizationId");
      }
      const taken = await tx.cohort.findFirst({
        where: { organizationId: organization.id, name: input.name },
        select: { id: true },
      });
      if (taken) throw new ValidationError("COHORT_NAME_TAKEN", "name");
      const cohort = await tx.cohort.create({
        data: {
          organizationId: organization.id,
          name: input.name,
          program: input.program,
          description: input.description,
          startsOn: input.startsOn ? new Date(`${input.startsOn}T00:00:00Z`) : null,
          createdById: actor.id,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "cohort.create",
        entityType: "Cohort",
        entityId: cohort.id,
        data: { name: input.name, organizationId: organization.id },
        ip: meta.ip,
      });
      return { cohortId: cohort.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError("COHORT_NAME_TAKEN", "name");
    throw error;
  }
}

export async function updateCohort(
  actor: CurrentUser,
  input: UpdateCohortInput,
  meta: RequestMeta = {},
): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      const cohort = await lockManagedCohort(tx, actor, input.cohortId);
      const taken = await tx.cohort.findFirst({
        where: { organizationId: cohort.organizationId, name: input.name, id: { not: cohort.id } },
        select: { id: true },
      });
      if (taken) throw new ValidationError("COHORT_NAME_TAKEN", "name");
      await tx.cohort.update({
        where: { id: cohort.id },
        data: {
          name: input.name,
          program: input.program,
          description: input.description,
          startsOn: input.startsOn ? new Date(`${input.startsOn}T00:00:00Z`) : null,
        },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "cohort.update",
        entityType: "Cohort",
        entityId: cohort.id,
        data: { name: input.name, previousName: cohort.name },
        ip: meta.ip,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError("COHORT_NAME_TAKEN", "name");
    throw error;
  }
}

/** Archives (read-only, out of the default list) or restores a cohort. Idempotent. */
export async function setCohortArchived(
  actor: CurrentUser,
  input: SetCohortArchivedInput,
  meta: RequestMeta = {},
): Promise<void> {
  await db.$transaction(async (tx) => {
    const cohort = await lockManagedCohort(tx, actor, input.cohortId, { allowArchived: true });
    if (Boolean(cohort.archivedAt) === input.archived) return;
    await tx.cohort.update({
      where: { id: cohort.id },
      data: { archivedAt: input.archived ? new Date() : null },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.archived ? "cohort.archive" : "cohort.restore",
      entityType: "Cohort",
      entityId: cohort.id,
      ip: meta.ip,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Members

/** Adds one member and welcomes them (link, invitation, or nothing until verification). */
export async function addCohortMember(
  actor: CurrentUser,
  input: AddMemberInput,
  meta: RequestMeta = {},
): Promise<{ memberId: string; welcome: WelcomeKind }> {
  try {
    return await db.$transaction(async (tx) => {
      const cohort = await lockManagedCohort(tx, actor, input.cohortId);
      const taken = await tx.cohortMember.findFirst({
        where: { cohortId: cohort.id, email: input.email },
        select: { id: true },
      });
      if (taken) throw new ValidationError("MEMBER_EMAIL_TAKEN", "email");
      const now = new Date();
      const account = (await accountsByEmail(tx, [input.email])).get(input.email);
      const kind = welcomeKind(account);
      const member = await tx.cohortMember.create({
        data: {
          cohortId: cohort.id,
          email: input.email,
          name: input.name,
          studentNumber: input.studentNumber,
          department: input.department,
          ...welcomeColumns(kind, account, now),
        },
        select: { id: true, email: true, name: true },
      });
      await sendWelcomes(tx, actor, cohort, [{ member, kind, account, locale: input.locale }], now);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "cohort.member.add",
        entityType: "CohortMember",
        entityId: member.id,
        data: { cohortId: cohort.id, email: member.email, welcome: kind },
        ip: meta.ip,
      });
      return { memberId: member.id, welcome: kind };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError("MEMBER_EMAIL_TAKEN", "email");
    throw error;
  }
}

/**
 * Corrects a member. A new address of someone who has not joined gets a fresh welcome (the old
 * invitation stops working); the address of a joined member is the one their account proved,
 * so it cannot be changed here.
 */
export async function updateCohortMember(
  actor: CurrentUser,
  input: UpdateMemberInput,
  meta: RequestMeta = {},
): Promise<{ welcome: WelcomeKind | null }> {
  try {
    return await db.$transaction(async (tx) => {
      const cohort = await lockManagedCohort(tx, actor, input.cohortId);
      const member = await findMember(tx, cohort.id, input.memberId);
      const emailChanged = member.email.toLowerCase() !== input.email;
      if (emailChanged && member.userId) throw new ValidationError("MEMBER_EMAIL_LOCKED", "email");
      if (emailChanged) {
        const taken = await tx.cohortMember.findFirst({
          where: { cohortId: cohort.id, email: input.email, id: { not: member.id } },
          select: { id: true },
        });
        if (taken) throw new ValidationError("MEMBER_EMAIL_TAKEN", "email");
      }
      await tx.cohortMember.update({
        where: { id: member.id },
        data: {
          email: input.email,
          name: input.name,
          studentNumber: input.studentNumber,
          department: input.department,
          ...(emailChanged ? { invitedAt: null } : {}),
        },
      });
      const welcome = emailChanged
        ? await welcomeExisting(
            tx,
            actor,
            cohort,
            { id: member.id, email: input.email, name: input.name },
            input.locale,
            new Date(),
          )
        : null;
      // Unlike an import, the form shows every field: an emptied field is a change too.
      const changes = (["name", "studentNumber", "department"] as const).flatMap((field) =>
        member[field] === input[field] ? [] : [{ field, from: member[field], to: input[field] }],
      );
      await recordAudit(tx, {
        actorId: actor.id,
        action: "cohort.member.update",
        entityType: "CohortMember",
        entityId: member.id,
        data: {
          cohortId: cohort.id,
          changes,
          ...(emailChanged ? { email: { from: member.email, to: input.email }, welcome } : {}),
        },
        ip: meta.ip,
      });
      return { welcome };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError("MEMBER_EMAIL_TAKEN", "email");
    throw error;
  }
}

/** Removes a member from the list; their open invitation stops working. Their account stays. */
export async function removeCohortMember(
  actor: CurrentUser,
  input: MemberRefInput,
  meta: RequestMeta = {},
): Promise<void> {
  await db.$transaction(async (tx) => {
    const cohort = await lockManagedCohort(tx, actor, input.cohortId);
    const member = await findMember(tx, cohort.id, input.memberId);
    await revokeOpenInvitations(tx, member.id, new Date());
    await tx.cohortMember.delete({ where: { id: member.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "cohort.member.remove",
      entityType: "CohortMember",
      entityId: member.id,
      data: { cohortId: cohort.id, email: member.email, name: member.name },
      ip: meta.ip,
    });
  });
}

/**
 * Sends a member who has not joined a new invitation (the previous link stops working), or
 * links them if an account has been verified for the address meanwhile.
 */
export async function resendCohortInvitation(
  actor: CurrentUser,
  input: ResendInvitationInput,
  meta: RequestMeta = {},
): Promise<{ welcome: WelcomeKind }> {
  return db.$transaction(async (tx) => {
    const cohort = await lockManagedCohort(tx, actor, input.cohortId);
    const member = await findMember(tx, cohort.id, input.memberId);
    if (member.userId) throw new ConflictError("MEMBER_ALREADY_JOINED");
    const now = new Date();
    const recent = await tx.invitation.count({
      where: {
        cohortMemberId: member.id,
        createdAt: { gt: new Date(now.getTime() - RESEND_INTERVAL_MS) },
      },
    });
    if (recent > 0) throw new ConflictError("INVITATION_RECENTLY_SENT");
    const welcome = await welcomeExisting(tx, actor, cohort, member, input.locale, now);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "cohort.member.invite",
      entityType: "CohortMember",
      entityId: member.id,
      data: { cohortId: cohort.id, email: member.email, welcome, locale: input.locale },
      ip: meta.ip,
    });
    return { welcome };
  });
}

// ---------------------------------------------------------------------------------------------
// Import

export type ImportRowReport = ClassifiedRow & {
  cells: Record<ImportField, string>;
  issues: RowIssue[];
  formulaLike: ImportField[];
  /** What happens to an added row's person: invited, linked to their account, or neither yet. */
  welcome?: WelcomeKind;
};

export type ImportCounts = Record<ImportOutcome, number> & {
  invited: number;
  linked: number;
};

export type ImportPreview = {
  fileName: string;
  format: SheetFormat;
  encoding: TextEncoding | null;
  ignoredColumns: string[];
  counts: ImportCounts;
  rows: ImportRowReport[];
  /** The sealed rows to post back on confirm (lib/cohorts/import-preview.ts). */
  sealed: string;
};

const existingMemberSelect = {
  email: true,
  name: true,
  studentNumber: true,
  department: true,
} satisfies Prisma.CohortMemberSelect;

function countOutcomes(
  rows: readonly { outcome: ImportOutcome; welcome?: WelcomeKind }[],
): ImportCounts {
  const counts: ImportCounts = {
    added: 0,
    updated: 0,
    duplicate: 0,
    invalid: 0,
    invited: 0,
    linked: 0,
  };
  for (const row of rows) {
    counts[row.outcome] += 1;
    if (row.welcome === "invited") counts.invited += 1;
    if (row.welcome === "linked") counts.linked += 1;
  }
  return counts;
}

/**
 * Reads an uploaded member list and reports, row by row, what confirming it would do. Writes
 * nothing. `input.locale` is the invitation language of rows without their own.
 */
export async function previewMemberImport(
  actor: CurrentUser,
  input: PreviewImportInput,
): Promise<ImportPreview> {
  const scope = cohortScope(actor);
  const cohort = await db.cohort.findFirst({
    where: { id: input.cohortId, ...scope },
    select: { id: true, archivedAt: true },
  });
  if (!cohort) throw new NotFoundError("COHORT_NOT_FOUND");
  if (cohort.archivedAt) throw new ConflictError("COHORT_ARCHIVED");
  // Checked before the bytes are read (the File's size is known from the request).
  if (input.file.size > IMPORT_MAX_BYTES)
    throw new ValidationError("IMPORT_FILE_TOO_LARGE", "file", {
      maxMb: IMPORT_MAX_BYTES / (1024 * 1024),
    });
  const parsed = await parseMemberFile({
    name: input.file.name,
    bytes: new Uint8Array(await input.file.arrayBuffer()),
  });
  const existing = await db.cohortMember.findMany({
    where: { cohortId: cohort.id },
    select: existingMemberSelect,
  });
  const classified = classifyRows(parsed.rows, existing);
  const addedEmails = parsed.rows.flatMap((row, i) =>
    classified[i]!.outcome === "added" && row.member ? [row.member.email] : [],
  );
  const accounts = await accountsByEmail(db, addedEmails);

  const rows: ImportRowReport[] = parsed.rows.map((row, i) => {
    const outcome = classified[i]!;
    return {
      ...outcome,
      cells: row.cells,
      issues: row.issues,
      formulaLike: row.formulaLike,
      ...(outcome.outcome === "added" && row.member
        ? { welcome: welcomeKind(accounts.get(row.member.email)) }
        : {}),
    };
  });
  const sealedRows: SealedRow[] = parsed.rows.flatMap((row, i) => {
    const { outcome } = classified[i]!;
    if (outcome === "invalid" || !row.member) return [];
    return [{ line: row.line, outcome, member: row.member, locale: row.locale ?? input.locale }];
  });
  const counts = countOutcomes(rows);
  return {
    fileName: input.file.name,
    format: parsed.format,
    encoding: parsed.encoding,
    ignoredColumns: parsed.ignoredColumns,
    counts,
    rows,
    sealed: sealPreview({
      cohortId: cohort.id,
      actorId: actor.id,
      fileName: input.file.name.slice(0, 200),
      invalid: counts.invalid,
      rows: sealedRows,
    }),
  };
}

/**
 * Applies a previewed import, all or nothing: one transaction adds the new members, updates
 * the changed ones, creates the invitations, queues the mails and writes the audit entry —
 * or, if anything fails, none of it happens. The rows are validated again, and the cohort
 * (locked meanwhile) must still be as the preview saw it, or the import is refused as stale.
 */
export async function confirmMemberImport(
  actor: CurrentUser,
  input: ConfirmImportInput,
  meta: RequestMeta = {},
): Promise<ImportCounts> {
  // Someone else's cohort is not found, whatever the preview says (checked again under the lock).
  const reachable = await db.cohort.findFirst({
    where: { id: input.cohortId, ...cohortScope(actor) },
    select: { id: true },
  });
  if (!reachable) throw new NotFoundError("COHORT_NOT_FOUND");
  const sealed = openPreview(input.preview, { cohortId: input.cohortId, actorId: actor.id });
  const rows = sealed.rows.map((row) => {
    // The same rules as the form and the preview (an absent value arrives as "", as from a form).
    const member = memberRowSchema.safeParse({
      ...row.member,
      studentNumber: row.member.studentNumber ?? "",
      department: row.member.department ?? "",
    });
    if (!member.success || member.data.email !== row.member.email)
      throw new ValidationError("IMPORT_PREVIEW_INVALID");
    return { ...row, member: member.data };
  });
  if (!rows.some((r) => r.outcome !== "duplicate"))
    throw new ConflictError("IMPORT_NOTHING_TO_APPLY");

  try {
    return await db.$transaction(async (tx) => {
      const cohort = await lockManagedCohort(tx, actor, input.cohortId);
      const existing = await tx.cohortMember.findMany({
        where: { cohortId: cohort.id },
        select: existingMemberSelect,
      });
      const fresh = classifyRows(rows, existing);
      if (fresh.some((c, i) => c.outcome !== rows[i]!.outcome))
        throw new ConflictError("IMPORT_PREVIEW_STALE");

      const now = new Date();
      const added = rows.filter((r) => r.outcome === "added");
      const accounts = await accountsByEmail(
        tx,
        added.map((r) => r.member.email),
      );
      const kinds = new Map(
        added.map((r) => [r.member.email, welcomeKind(accounts.get(r.member.email))]),
      );
      const created = await tx.cohortMember.createManyAndReturn({
        data: added.map(({ member }) => ({
          cohortId: cohort.id,
          ...member,
          ...welcomeColumns(kinds.get(member.email)!, accounts.get(member.email), now),
        })),
        select: { id: true, email: true, name: true },
      });
      const localeOf = new Map(added.map((r) => [r.member.email, r.locale]));
      await sendWelcomes(
        tx,
        actor,
        cohort,
        created.map((member) => ({
          member,
          kind: kinds.get(member.email)!,
          account: accounts.get(member.email),
          locale: localeOf.get(member.email) ?? routing.defaultLocale,
        })),
        now,
      );

      const byEmail = new Map(existing.map((m) => [m.email.toLowerCase(), m]));
      for (const { member } of rows.filter((r) => r.outcome === "updated")) {
        const changes = memberChanges(byEmail.get(member.email)!, member);
        await tx.cohortMember.update({
          where: { cohortId_email: { cohortId: cohort.id, email: member.email } },
          data: Object.fromEntries(changes.map((c) => [c.field, c.to])),
        });
      }

      const counts = countOutcomes(
        rows.map((r) => ({
          outcome: r.outcome,
          welcome: r.outcome === "added" ? kinds.get(r.member.email) : undefined,
        })),
      );
      counts.invalid = sealed.invalid;
      await recordAudit(tx, {
        actorId: actor.id,
        action: "cohort.import",
        entityType: "Cohort",
        entityId: cohort.id,
        data: { fileName: sealed.fileName, rows: rows.length + sealed.invalid, ...counts },
        ip: meta.ip,
      });
      return counts;
    }, IMPORT_TRANSACTION);
  } catch (error) {
    // A member added by someone else between the check and the insert: the list changed.
    if (isUniqueViolation(error)) throw new ConflictError("IMPORT_PREVIEW_STALE");
    throw error;
  }
}

export type { MemberRow, WelcomeKind };
