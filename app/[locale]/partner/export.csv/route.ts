import { memberExportResponse } from "../_dashboard/export-response";

/** The partner dashboard's members and their progress as CSV (UTF-8 with BOM). */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  return memberExportResponse(request, params, "csv");
}
