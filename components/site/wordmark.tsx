import { cn } from "@/lib/utils";

/**
 * The Fast Trak mark (a culture flask with medium and rising bubbles in a teal tile) followed by
 * the name. The SVG is decorative; the text carries the name.
 */
export function Wordmark({ className, subtitle }: { className?: string; subtitle?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2.5", className)}>
      <LogoMark className="size-9 shrink-0" />
      <span className="flex flex-col leading-none">
        <span className="text-lg font-bold tracking-tight text-foreground">Fast Trak</span>
        {subtitle ? (
          <span className="mt-1 text-xs font-medium text-muted-foreground">{subtitle}</span>
        ) : null}
      </span>
    </span>
  );
}

export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 40 40" aria-hidden="true" focusable="false" className={className}>
      <rect width="40" height="40" rx="10" fill="#0f766e" />
      <path
        d="M13 9h14M15 9v6.5l-4.2 11.3A3 3 0 0 0 13.6 31h12.8a3 3 0 0 0 2.8-4.2L25 15.5V9"
        fill="none"
        stroke="#fff"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <path
        d="M12.6 23.5h14.8l1.7 3.5a2.4 2.4 0 0 1-2.2 3.3H13.1a2.4 2.4 0 0 1-2.2-3.3z"
        fill="#99e0d6"
      />
      <circle cx="17.5" cy="19.5" r="1.3" fill="#fff" />
      <circle cx="22" cy="17" r="1" fill="#fff" />
      <circle cx="21" cy="21.5" r="0.9" fill="#fff" />
    </svg>
  );
}
