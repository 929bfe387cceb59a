import type { BadgeVariant } from "@/components/ui/badge";
import type {
  EnrollmentStatus,
  PaymentStatus,
  SessionStatus,
} from "@/lib/generated/prisma/enums";

/** Badge colours of the roster's statuses, shared by the roster and the session list. Pure. */

export const ENROLLMENT_STATUS_VARIANT: Record<EnrollmentStatus, BadgeVariant> = {
  PENDING_APPROVAL: "warning",
  CONFIRMED: "success",
  OFFERED: "info",
  WAITLISTED: "secondary",
  COMPLETED: "default",
  NO_SHOW: "danger",
  CANCELLED: "neutral",
  DECLINED: "neutral",
  EXPIRED: "neutral",
  REJECTED: "neutral",
};

export const PAYMENT_STATUS_VARIANT: Record<PaymentStatus, BadgeVariant> = {
  UNPAID: "warning",
  INVOICED: "info",
  PAID: "success",
  WAIVED: "neutral",
};

export const SESSION_STATUS_VARIANT: Record<SessionStatus, BadgeVariant> = {
  DRAFT: "neutral",
  PUBLISHED: "success",
  CANCELLED: "danger",
  COMPLETED: "info",
};
