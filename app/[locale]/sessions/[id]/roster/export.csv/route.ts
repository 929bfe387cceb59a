import { rosterExportResponse } from "../export-response";

/** The session's roster as CSV (UTF-8 with BOM), for admins and the session's instructors. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ locale: string; id: string }> },
) {
  return rosterExportResponse(request, params, "csv");
}
