import { rosterExportResponse } from "../export-response";

/** The session's roster as an Excel workbook, for admins and the session's instructors. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ locale: string; id: string }> },
) {
  return rosterExportResponse(request, params, "xlsx");
}
