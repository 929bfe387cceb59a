import "server-only";
import en from "@/messages/en.json";
import ko from "@/messages/ko.json";
import type { PreviewMessages } from "./course-preview";

/**
 * The messages the course preview needs in both languages (it renders the language the admin
 * picks, not the page's), and nothing more: the rest of the catalogue stays out of the props.
 * The card and page wording is the public catalog's own (`catalog`, `course`).
 */
export function coursePreviewMessages(): PreviewMessages {
  const pick = (messages: typeof ko | typeof en) => {
    const { preview, languages } = messages.adminCourses;
    const { categories, levels, card } = messages.catalog;
    const { about, outcomes } = messages.course;
    return {
      adminCourses: { preview, languages },
      catalog: {
        categories,
        levels,
        card: {
          duration: card.duration,
          durationValue: card.durationValue,
          price: card.price,
          requiresApproval: card.requiresApproval,
        },
      },
      course: { about, outcomes },
    };
  };
  return { ko: pick(ko), en: pick(en) };
}
