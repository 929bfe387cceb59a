type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * The client's address for rate limiting and the audit log.
 *
 * Next.js sets X-Forwarded-For to the socket address when a request arrives without one, and a
 * reverse proxy (TRUST_PROXY=true deployments) appends the address it saw, so the last entry
 * is the best we have in both cases. Without a proxy a client can send the header itself and
 * pick its address; the sign-in throttle is designed so that this only lets an attacker dodge
 * the per-address counters, never lift the per-account bound (see login-throttle.ts).
 */
export function clientIp(source: HeaderSource): string {
  const entries = (header(source, "x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return normalizeIp(entries.at(-1) ?? header(source, "x-real-ip") ?? "unknown");
}

/** "::ffff:127.0.0.1" and "127.0.0.1" are one client. */
function normalizeIp(ip: string): string {
  const lowered = ip.toLowerCase();
  return lowered.startsWith("::ffff:") && lowered.includes(".") ? lowered.slice(7) : lowered;
}
