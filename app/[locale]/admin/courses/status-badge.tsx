import { useTranslations } from "next-intl";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { CourseStatus } from "@/lib/courses/courses.schemas";

const variants: Record<CourseStatus, BadgeVariant> = {
  published: "success",
  unpublished: "neutral",
  archived: "warning",
};

/** A course's state in words (never colour alone). */
export function CourseStatusBadge({ status }: { status: CourseStatus }) {
  const t = useTranslations("adminCourses.statuses");
  return <Badge variant={variants[status]}>{t(status)}</Badge>;
}
