import type { Prisma } from "@/lib/generated/prisma/client";

const isRecord = (value: unknown): value is Record<string, Prisma.JsonValue> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * An audit entry's data, readable: an object's fields as a list of name and value (nested
 * values as indented JSON), anything else as indented JSON.
 */
export function AuditData({
  data,
  emptyLabel,
}: {
  data: Prisma.JsonValue | null;
  emptyLabel: string;
}) {
  if (data === null || (isRecord(data) && Object.keys(data).length === 0)) {
    return <span className="text-muted-foreground">{emptyLabel}</span>;
  }
  if (!isRecord(data)) return <Json value={data} />;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      {Object.entries(data).map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="font-mono text-xs leading-5 text-muted-foreground">{key}</dt>
          <dd className="min-w-0 break-words">
            {value === null ? (
              <span className="text-muted-foreground">null</span>
            ) : typeof value === "object" ? (
              <Json value={value} />
            ) : (
              String(value)
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Json({ value }: { value: Prisma.JsonValue }) {
  return (
    // Focusable: a long value scrolls, and keyboard users must be able to scroll it.
    <pre
      tabIndex={0}
      className="max-h-48 overflow-auto rounded bg-muted p-2 font-mono text-xs whitespace-pre-wrap break-all"
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
