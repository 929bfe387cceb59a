"use client";

import {
  createContext,
  useActionState,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { Alert } from "@/components/ui/alert";
import { initialActionResult, type ActionResult } from "@/lib/actions/action-result";
import { cn } from "@/lib/utils";

export type ServerAction = (previous: ActionResult, formData: FormData) => Promise<ActionResult>;

/**
 * For lists whose items disappear or change when their action succeeds (My enrollments, the
 * roster): the outcome is shown and announced above the list, in a live region that exists
 * from the start, and focus moves there instead of being dropped on the page body. Refusals
 * stay next to the control that caused them.
 */
const AnnounceContext = createContext<(message: string) => void>(() => {});

export function ActionAnnouncer({
  children,
  className,
}: {
  children: ReactNode;
  className?: string;
}) {
  const [notice, setNotice] = useState<{ id: number; message: string } | null>(null);
  const regionRef = useRef<HTMLDivElement>(null);
  const announce = useCallback(
    (message: string) => setNotice((previous) => ({ id: (previous?.id ?? 0) + 1, message })),
    [],
  );
  useEffect(() => {
    if (notice) regionRef.current?.focus();
  }, [notice]);
  return (
    <AnnounceContext.Provider value={announce}>
      <div
        ref={regionRef}
        tabIndex={-1}
        aria-live="polite"
        aria-atomic="true"
        className="focus-visible:outline-none"
      >
        {notice ? (
          <Alert key={notice.id} variant="success" role="none" className={cn("mb-4", className)}>
            {notice.message}
          </Alert>
        ) : null}
      </div>
      {children}
    </AnnounceContext.Provider>
  );
}

/** useActionState whose successes are reported by the surrounding ActionAnnouncer. */
export function useAnnouncedAction(action: ServerAction) {
  const announce = useContext(AnnounceContext);
  return useActionState(async (previous: ActionResult, formData: FormData) => {
    const result = await action(previous, formData);
    if (result.ok && result.message) announce(result.message);
    return result;
  }, initialActionResult);
}
