import { LoaderCircle } from "lucide-react";
import { cn } from "@/lib/utils";

/**
 * A spinning indicator. Decorative by default (the surrounding control says what is happening);
 * pass `label` to make it a standalone polite status message.
 */
export function Spinner({ className, label }: { className?: string; label?: string }) {
  const icon = <LoaderCircle aria-hidden="true" className={cn("size-4 animate-spin", className)} />;
  if (!label) return icon;
  return (
    <span role="status" className="inline-flex items-center gap-2">
      {icon}
      <span className="sr-only">{label}</span>
    </span>
  );
}
