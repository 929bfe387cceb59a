"use client";

import { useEffect, useState } from "react";
import { HeaderView, type HeaderUser } from "@/components/site/header-view";
import { usePathname } from "@/lib/i18n/navigation";

/**
 * The site header: an island in every page's static shell. The server renders it without a
 * viewer (so public pages stay fully static under Cache Components); in the browser it asks
 * GET /api/viewer who is signed in, and asks again after each navigation, which covers signing
 * in (a client-side navigation) and signing out (a full reload).
 */
export function SiteHeader() {
  return <HeaderView user={useViewer()} />;
}

/** The signed-in person's name and role, null for a visitor, undefined until known. */
function useViewer(): HeaderUser | null | undefined {
  const pathname = usePathname();
  const [viewer, setViewer] = useState<HeaderUser | null | undefined>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/viewer", { signal: controller.signal, cache: "no-store" })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((body: { user: HeaderUser | null }) => setViewer(body.user))
      // Offline or a server error: keep what is shown (the neutral account link at first).
      .catch(() => {});
    return () => controller.abort();
  }, [pathname]);
  return viewer;
}
