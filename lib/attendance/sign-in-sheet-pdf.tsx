import "server-only";
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { serverTranslator } from "@/lib/actions/translator";
import { formatDateTime, formatMeetingRange } from "@/lib/i18n/format";
import { PDF_FONT, registerPdfFonts } from "@/lib/certificates/pdf-kit";
import type { SignInSheetData } from "@/lib/attendance/attendance.queries";

/**
 * The printed sign-in sheet of one meeting: A4 portrait, labels in Korean and English (the lab
 * has both), the confirmed trainees with a signature column, then blank rows for walk-ins.
 * A row never splits across pages; page numbers sit in the footer.
 */

/** Blank rows after the roster, for trainees who turn up unannounced. */
export const WALK_IN_ROWS = 6;

const LINE = "#6b7280";
const HEAD = "#e6f2f1";

const styles = StyleSheet.create({
  page: { fontFamily: PDF_FONT, fontSize: 10, color: "#111827", paddingTop: 36, paddingBottom: 48, paddingHorizontal: 36 },
  title: { fontSize: 18, fontWeight: 700 },
  course: { fontSize: 12, fontWeight: 700, marginTop: 8 },
  courseEn: { fontSize: 10, marginTop: 2 },
  facts: { marginTop: 10, marginBottom: 12 },
  fact: { flexDirection: "row", marginTop: 3 },
  factLabel: { width: 110, color: "#4b5563", fontSize: 9 },
  factValue: { flex: 1, fontSize: 10 },
  table: { borderTopWidth: 1, borderLeftWidth: 1, borderColor: LINE },
  row: { flexDirection: "row", minHeight: 32, borderBottomWidth: 1, borderColor: LINE },
  headRow: { flexDirection: "row", backgroundColor: HEAD, borderBottomWidth: 1, borderColor: LINE },
  cell: { borderRightWidth: 1, borderColor: LINE, paddingHorizontal: 5, paddingTop: 10, paddingBottom: 6 },
  headCell: { fontSize: 8.5, fontWeight: 700, paddingTop: 5, paddingBottom: 5 },
  no: { width: 30, textAlign: "center" },
  name: { width: 130 },
  organization: { width: 155 },
  signature: { flexGrow: 1, flexBasis: 0 },
  walkIn: { color: "#9ca3af", fontSize: 8 },
  footer: {
    position: "absolute",
    bottom: 22,
    left: 36,
    right: 36,
    flexDirection: "row",
    justifyContent: "space-between",
    fontSize: 7.5,
    color: "#6b7280",
  },
});

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View style={styles.fact}>
      <Text style={styles.factLabel}>{label}</Text>
      <Text style={styles.factValue}>{value}</Text>
    </View>
  );
}

function SignInSheetDocument({ data, generatedAt }: { data: SignInSheetData; generatedAt: Date }) {
  const ko = serverTranslator("ko");
  const en = serverTranslator("en");
  const both = (key: string, params?: Record<string, string | number>) =>
    `${ko(`attendance.sheet.${key}`, params)} / ${en(`attendance.sheet.${key}`, params)}`;
  const { meeting } = data;
  const rows = [
    ...data.trainees.map((t, i) => ({ no: String(i + 1), name: t.name, organization: t.organization ?? "" })),
    ...Array.from({ length: WALK_IN_ROWS }, () => null),
  ];
  return (
    <Document
      title={`${en("attendance.sheet.title")} ${data.courseCode} ${meeting.index}/${meeting.count}`}
      author={en("certificates.pdf.issuer")}
      language="ko"
    >
      <Page size="A4" style={styles.page}>
        <Text style={styles.title}>{both("title")}</Text>
        <Text style={styles.course}>
          {data.courseCode} · {data.courseTitleKo}
        </Text>
        {data.courseTitleEn !== data.courseTitleKo ? (
          <Text style={styles.courseEn}>{data.courseTitleEn}</Text>
        ) : null}
        <View style={styles.facts}>
          <Fact label={both("meetingLabel")} value={both("meeting", { index: meeting.index, count: meeting.count })} />
          <Fact
            label={both("time")}
            value={`${formatMeetingRange(meeting.startsAt, meeting.endsAt, "ko")}\n${formatMeetingRange(meeting.startsAt, meeting.endsAt, "en")}`}
          />
          {data.roomKo ? (
            <Fact
              label={both("room")}
              value={data.roomEn && data.roomEn !== data.roomKo ? `${data.roomKo} / ${data.roomEn}` : data.roomKo}
            />
          ) : null}
          <Fact label={both("instructors")} value={data.instructors.join(", ") || "—"} />
        </View>
        <View style={styles.table}>
          <View style={styles.headRow} fixed>
            <Text style={[styles.cell, styles.headCell, styles.no]}>{ko("attendance.sheet.number")}</Text>
            <Text style={[styles.cell, styles.headCell, styles.name]}>{both("name")}</Text>
            <Text style={[styles.cell, styles.headCell, styles.organization]}>{both("organization")}</Text>
            <Text style={[styles.cell, styles.headCell, styles.signature]}>{both("signature")}</Text>
          </View>
          {rows.map((row, index) => (
            <View key={index} style={styles.row} wrap={false}>
              <Text style={[styles.cell, styles.no]}>{row ? row.no : ""}</Text>
              <Text style={row ? [styles.cell, styles.name] : [styles.cell, styles.name, styles.walkIn]}>
                {row ? row.name : both("walkIn")}
              </Text>
              <Text style={[styles.cell, styles.organization]}>{row ? row.organization : ""}</Text>
              <Text style={[styles.cell, styles.signature]}> </Text>
            </View>
          ))}
        </View>
        <View style={styles.footer} fixed>
          <Text>
            {`${data.courseCode} · ${ko("attendance.sheet.generated", { at: formatDateTime(generatedAt, "ko") })} / ${en("attendance.sheet.generated", { at: formatDateTime(generatedAt, "en") })}`}
          </Text>
          <Text render={({ pageNumber, totalPages }) => `${pageNumber} / ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}

export async function renderSignInSheetPdf(data: SignInSheetData, generatedAt = new Date()): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(<SignInSheetDocument data={data} generatedAt={generatedAt} />);
}
