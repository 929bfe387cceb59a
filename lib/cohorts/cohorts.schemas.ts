import { z } from "zod";
import {
  emailField,
  enumField,
  idField,
  optionalIdField,
  optionalText,
  pageField,
  requiredText,
} from "@/lib/actions/fields";
import { LOCALES } from "@/lib/users/users.schemas";

/**
 * Schemas of the cohort pages (partner coordinators and admins), shared by the forms and the
 * server. The member fields are also what every row of an imported spreadsheet must satisfy
 * (lib/cohorts/import.ts), so a member typed into the form and one read from a file obey the
 * same rules. Pure zod (no server imports). Messages are translation keys.
 */

export const COHORTS_PAGE_SIZE = 20;
export const MEMBERS_PAGE_SIZE = 50;

/** Upload limits of the member import; the page states them and the server enforces them. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 2000;
/** Extensions the file input offers; anything else is refused before it is read. */
export const IMPORT_ACCEPT = [".csv", ".txt", ".xlsx"] as const;

export const MEMBER_NAME_MAX = 100;
export const STUDENT_NUMBER_MAX = 40;
export const DEPARTMENT_MAX = 100;

/** An optional `<input type="date">`: "" is null, anything else must be a real calendar day. */
const optionalDay = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine(
      (v) =>
        v === null ||
        (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))),
      { error: "validation.invalidFormat" },
    );

const cohortFields = {
  name: requiredText(120),
  program: optionalText(200),
  description: optionalText(2000),
  startsOn: optionalDay(),
};

/** `organizationId` is chosen by admins only; a partner's cohorts always belong to their organization. */
export const createCohortSchema = z.object({ ...cohortFields, organizationId: optionalIdField() });
export type CreateCohortInput = z.output<typeof createCohortSchema>;

export const updateCohortSchema = z.object({ cohortId: idField(), ...cohortFields });
export type UpdateCohortInput = z.output<typeof updateCohortSchema>;

export const setCohortArchivedSchema = z.object({
  cohortId: idField(),
  archived: z
    .enum(["true", "false"], { error: "validation.invalidChoice" })
    .transform((v) => v === "true"),
});
export type SetCohortArchivedInput = z.output<typeof setCohortArchivedSchema>;

/**
 * A member as the coordinator types it or as one spreadsheet row holds it. Emails are kept in
 * lower case: the column is case-insensitive anyway (citext), and one spelling per address
 * keeps duplicates in a file easy to see.
 */
export const memberFields = {
  name: requiredText(MEMBER_NAME_MAX),
  email: emailField().transform((v) => v.toLowerCase()),
  studentNumber: optionalText(STUDENT_NUMBER_MAX),
  department: optionalText(DEPARTMENT_MAX),
};
export const memberRowSchema = z.object(memberFields);
export type MemberRow = z.output<typeof memberRowSchema>;

/** The language of a pre-registered member's invitation mail. */
export const invitationLocaleField = () => enumField(LOCALES);

export const addMemberSchema = z.object({
  cohortId: idField(),
  ...memberFields,
  locale: invitationLocaleField(),
});
export type AddMemberInput = z.output<typeof addMemberSchema>;

export const updateMemberSchema = z.object({
  cohortId: idField(),
  memberId: idField(),
  ...memberFields,
  /** Used only when a changed address needs a new invitation. */
  locale: invitationLocaleField(),
});
export type UpdateMemberInput = z.output<typeof updateMemberSchema>;

export const memberRefSchema = z.object({ cohortId: idField(), memberId: idField() });
export type MemberRefInput = z.output<typeof memberRefSchema>;

export const resendInvitationSchema = memberRefSchema.extend({ locale: invitationLocaleField() });
export type ResendInvitationInput = z.output<typeof resendInvitationSchema>;

/**
 * The upload of the import page. The file's size, type and content are checked by
 * lib/cohorts/import.ts (each with its own message); here only that a file was chosen.
 */
export const previewImportSchema = z.object({
  cohortId: idField(),
  /** Invitation language for rows whose file has no language column (or an empty cell). */
  locale: invitationLocaleField(),
  file: z
    .custom<File>((v) => typeof File !== "undefined" && v instanceof File, {
      error: "validation.required",
    })
    // An empty file input submits a nameless, empty File.
    .refine((f) => f.name !== "" || f.size > 0, { error: "validation.required" }),
});
export type PreviewImportInput = z.output<typeof previewImportSchema>;

/** The confirmation carries back the signed preview (see lib/cohorts/import-preview.ts). */
export const confirmImportSchema = z.object({
  cohortId: idField(),
  preview: z
    .string({ error: "errors.IMPORT_PREVIEW_INVALID" })
    .min(1, { error: "errors.IMPORT_PREVIEW_INVALID" })
    .max(4_000_000, { error: "errors.IMPORT_PREVIEW_INVALID" }),
});
export type ConfirmImportInput = z.output<typeof confirmImportSchema>;

/** The cohort list's search params; anything malformed falls back to the default. */
export const listCohortsQuerySchema = z.object({
  archived: z
    .enum(["1"])
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
  page: pageField(),
});
export type ListCohortsQuery = z.output<typeof listCohortsQuerySchema>;

export const MEMBER_STATUSES = ["JOINED", "INVITED", "EXPIRED", "NOT_INVITED"] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const listMembersQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(MEMBER_STATUSES).optional().catch(undefined),
  page: pageField(),
});
export type ListMembersQuery = z.output<typeof listMembersQuerySchema>;
