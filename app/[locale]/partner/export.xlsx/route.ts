import { memberExportResponse } from "../_dashboard/export-response";

/** The partner dashboard's members and their progress as an Excel workbook. */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  return memberExportResponse(request, params, "xlsx");
}
