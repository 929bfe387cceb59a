import { getCurrentUser } from "@/lib/auth/current-user";

/**
 * Who is signed in, for the site header (components/site/header.tsx): name and role, or null.
 * The same for every page, so pages themselves never read the session just for the header and
 * public pages stay static. Reads the session cookie, so it is rendered per request.
 */
export async function GET() {
  const user = await getCurrentUser();
  return Response.json(
    { user: user ? { name: user.name, role: user.role } : null },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
