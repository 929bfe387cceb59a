import { notFound } from "next/navigation";

// Unknown paths under a locale render the localized not-found page (with header and footer)
// instead of the bare global fallback.
export default function CatchAllPage() {
  notFound();
}
