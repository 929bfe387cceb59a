import { describe, expect, it } from "vitest";
import { courseJsonLd, serializeJsonLd, type CourseJsonLdInput } from "@/lib/courses/course-json-ld";

const session = {
  id: "s1",
  startsAt: new Date("2026-12-03T00:00:00Z"),
  endsAt: new Date("2026-12-04T08:00:00Z"),
  meetings: [],
  language: "ko" as const,
  room: { code: "LAB-DSP", name: "다운스트림 실습실" },
  instructors: ["김정제", "이분석"],
  priceKrw: 900_000,
  capacity: 10,
  seatsLeft: 0,
  availability: "full" as const,
  registration: "open" as const,
  registrationOpensAt: new Date("2026-10-01T00:00:00Z"),
  registrationClosesAt: new Date("2026-12-01T00:00:00Z"),
  cancellationCutoffAt: new Date("2026-11-26T00:00:00Z"),
  waitlistMode: "AUTO" as const,
};

const input: CourseJsonLdInput = {
  course: {
    code: "FT-DSP-201",
    title: "ÄKTA를 이용한 크로마토그래피 기초",
    summary: "단백질 정제의 기본 원리",
    listPriceKrw: 900_000,
    durationHours: 14,
    sessions: [session],
  },
  url: "https://enroll.fasttrak.example/ko/courses/chromatography-basics",
  inLanguage: "ko",
  provider: { name: "Fast Trak Center", url: "https://enroll.fasttrak.example/ko" },
  address: "인천광역시 연수구 송도동",
};

describe("courseJsonLd", () => {
  it("describes the course, its provider, its price and each session as a CourseInstance", () => {
    const data = courseJsonLd(input);
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Course",
      name: "ÄKTA를 이용한 크로마토그래피 기초",
      description: "단백질 정제의 기본 원리",
      courseCode: "FT-DSP-201",
      provider: { "@type": "Organization", name: "Fast Trak Center" },
      offers: { "@type": "Offer", price: 900_000, priceCurrency: "KRW" },
    });
    expect(data.hasCourseInstance).toEqual([
      {
        "@type": "CourseInstance",
        courseMode: "onsite",
        inLanguage: "ko",
        startDate: "2026-12-03T00:00:00.000Z",
        endDate: "2026-12-04T08:00:00.000Z",
        location: {
          "@type": "Place",
          name: "Fast Trak Center · 다운스트림 실습실",
          address: "인천광역시 연수구 송도동",
        },
        instructor: [
          { "@type": "Person", name: "김정제" },
          { "@type": "Person", name: "이분석" },
        ],
        offers: {
          "@type": "Offer",
          price: 900_000,
          priceCurrency: "KRW",
          availability: "https://schema.org/SoldOut",
          url: input.url,
        },
      },
    ]);
  });
});

describe("serializeJsonLd", () => {
  it("cannot be broken out of its script element by text from the database", () => {
    const hostile = courseJsonLd({
      ...input,
      course: { ...input.course, title: '</script><script>alert("x")</script> & <!--' },
    });
    const json = serializeJsonLd(hostile);
    expect(json).not.toMatch(/[<>]/);
    expect(json).not.toContain("&");
    // Still the same data once parsed.
    expect(JSON.parse(json).name).toBe('</script><script>alert("x")</script> & <!--');
  });

  it("escapes the line separators JavaScript treats as newlines", () => {
    const json = serializeJsonLd({ text: "a\u2028b\u2029c" });
    expect(json).toBe('{"text":"a\\u2028b\\u2029c"}');
  });
});
