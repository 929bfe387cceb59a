import { z } from "zod";
import { pageField } from "@/lib/actions/fields";

/**
 * The partner dashboard's search params (also those of its CSV/XLSX export). Pure zod; anything
 * malformed falls back to "everything in scope". `organizationId` is an admin's partner filter:
 * a coordinator's scope is their own organization whatever the URL says.
 */
export const MEMBER_PROGRESS_PAGE_SIZE = 50;
/** The export holds at most this many members (a few large cohorts); the page says so. */
export const MEMBER_PROGRESS_EXPORT_MAX = 10_000;

const optionalId = () =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional()
    .catch(undefined);

export const partnerDashboardQuerySchema = z.object({
  organizationId: optionalId(),
  cohortId: optionalId(),
  page: pageField(),
});
export type PartnerDashboardQuery = z.output<typeof partnerDashboardQuerySchema>;
