import type { CourseDetail } from "@/lib/courses/course.queries";

/**
 * schema.org `Course` structured data for a course page (search engines' course rich results):
 * the course, its provider, its list price, and one `CourseInstance` per upcoming session.
 * Pure: the page passes absolute URLs and the translated strings it needs.
 */

export type CourseJsonLdInput = {
  course: Pick<
    CourseDetail,
    "code" | "title" | "summary" | "listPriceKrw" | "durationHours" | "sessions"
  >;
  /** Absolute URL of this course page. */
  url: string;
  /** BCP 47 language of the page ("ko" / "en"). */
  inLanguage: string;
  provider: { name: string; url: string };
  /** The center's address, shown as each session's location with the room's name. */
  address: string;
};

type JsonLd = Record<string, unknown>;

export function courseJsonLd({ course, url, inLanguage, provider, address }: CourseJsonLdInput): JsonLd {
  const organization = { "@type": "Organization", name: provider.name, url: provider.url };
  return {
    "@context": "https://schema.org",
    "@type": "Course",
    "@id": url,
    url,
    name: course.title,
    description: course.summary,
    courseCode: course.code,
    inLanguage,
    provider: organization,
    timeRequired: `PT${course.durationHours}H`,
    offers: {
      "@type": "Offer",
      category: "Paid",
      price: course.listPriceKrw,
      priceCurrency: "KRW",
      url,
    },
    hasCourseInstance: course.sessions.map((session) => ({
      "@type": "CourseInstance",
      courseMode: "onsite",
      inLanguage: session.language,
      startDate: session.startsAt.toISOString(),
      endDate: session.endsAt.toISOString(),
      location: {
        "@type": "Place",
        name: session.room ? `${provider.name} · ${session.room.name}` : provider.name,
        address,
      },
      ...(session.instructors.length > 0
        ? { instructor: session.instructors.map((name) => ({ "@type": "Person", name })) }
        : {}),
      offers: {
        "@type": "Offer",
        price: session.priceKrw,
        priceCurrency: "KRW",
        availability:
          session.availability === "full" ? "https://schema.org/SoldOut" : "https://schema.org/InStock",
        url,
      },
    })),
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` (and `>`, `&`, and the line separators
 * JavaScript treats as newlines) are written as Unicode escapes, so text from the database
 * cannot close the script element ("</script>") or start markup.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
