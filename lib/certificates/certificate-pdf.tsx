import "server-only";
import { Document, Image, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { serverTranslator } from "@/lib/actions/translator";
import { formatDate, formatDayRange } from "@/lib/i18n/format";
import { PDF_FONT, qrCodePng, registerPdfFonts } from "@/lib/certificates/pdf-kit";

/**
 * The certificate of completion: one A4 landscape page in Korean and English (the center
 * trains both), with the course, its dates and hours, the trainee, and the verification code
 * with a QR code of the public verification page.
 */
export type CertificateDocumentData = {
  code: string;
  traineeName: string;
  courseCode: string;
  courseTitleKo: string;
  courseTitleEn: string;
  /** First meeting's start and last meeting's end. */
  startsAt: Date;
  endsAt: Date;
  hours: number;
  issuedAt: Date;
  /** `${APP_URL}/verify/<code>`: what the QR code opens. */
  verifyUrl: string;
};

const TEAL = "#0f766e";
const INK = "#1f2937";
const MUTED = "#4b5563";

const styles = StyleSheet.create({
  page: { fontFamily: PDF_FONT, color: INK, padding: 22, backgroundColor: "#ffffff" },
  frame: { flex: 1, borderWidth: 3, borderColor: TEAL, padding: 5 },
  inner: {
    flex: 1,
    borderWidth: 0.8,
    borderColor: TEAL,
    paddingVertical: 26,
    paddingHorizontal: 46,
    flexDirection: "column",
  },
  center: { fontSize: 10, color: TEAL, letterSpacing: 1.2, textAlign: "center" },
  titleKo: { fontSize: 34, fontWeight: 700, textAlign: "center", marginTop: 14, letterSpacing: 14 },
  titleEn: { fontSize: 15, textAlign: "center", color: TEAL, marginTop: 4, letterSpacing: 2 },
  name: { fontSize: 30, fontWeight: 700, textAlign: "center", marginTop: 24 },
  rule: { borderBottomWidth: 0.8, borderBottomColor: "#9ca3af", marginHorizontal: 170, marginTop: 8 },
  statementKo: { fontSize: 11.5, textAlign: "center", marginTop: 16, lineHeight: 1.5 },
  statementEn: { fontSize: 10, textAlign: "center", color: MUTED, marginTop: 2, lineHeight: 1.4 },
  courseKo: { fontSize: 18, fontWeight: 700, textAlign: "center", marginTop: 18, lineHeight: 1.3 },
  courseEn: { fontSize: 13, textAlign: "center", marginTop: 3, lineHeight: 1.3 },
  courseCode: { fontSize: 9.5, textAlign: "center", color: MUTED, marginTop: 3, letterSpacing: 1 },
  bottom: { marginTop: "auto", flexDirection: "row", alignItems: "flex-end" },
  facts: { width: 470 },
  fact: { flexDirection: "row", marginTop: 6 },
  factLabel: { width: 120, fontSize: 9, color: MUTED, paddingTop: 1 },
  factValue: { width: 350, fontSize: 10.5, lineHeight: 1.35 },
  verify: { marginLeft: "auto", width: 200, flexDirection: "row", alignItems: "flex-end" },
  qr: { width: 72, height: 72 },
  verifyText: { marginLeft: 10, width: 118 },
  codeLabel: { fontSize: 7.5, color: MUTED },
  code: { fontSize: 12, fontWeight: 700, letterSpacing: 0.6, marginTop: 2 },
  url: { fontSize: 6, color: MUTED, marginTop: 4, lineHeight: 1.3 },
  issuer: { marginTop: 16, fontSize: 10, textAlign: "center", color: TEAL },
});

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View style={styles.fact}>
      <Text style={styles.factLabel}>{label}</Text>
      <Text style={styles.factValue}>{value}</Text>
    </View>
  );
}

function CertificateDocument({ data, qr }: { data: CertificateDocumentData; qr: string }) {
  const ko = serverTranslator("ko");
  const en = serverTranslator("en");
  const both = (key: string, params?: Record<string, string | number>) =>
    `${ko(`certificates.pdf.${key}`, params)} / ${en(`certificates.pdf.${key}`, params)}`;
  return (
    <Document
      title={`${en("certificates.pdf.title")} ${data.code}`}
      author={en("certificates.pdf.issuer")}
      subject={`${data.courseCode} ${data.courseTitleEn}`}
      language="ko"
    >
      <Page size="A4" orientation="landscape" style={styles.page}>
        <View style={styles.frame}>
          <View style={styles.inner}>
            <Text style={styles.center}>{both("centerLine")}</Text>
            <Text style={styles.titleKo}>{ko("certificates.pdf.title")}</Text>
            <Text style={styles.titleEn}>{en("certificates.pdf.title")}</Text>
            <Text style={styles.name}>{data.traineeName}</Text>
            <View style={styles.rule} />
            <Text style={styles.statementKo}>{ko("certificates.pdf.statement")}</Text>
            <Text style={styles.statementEn}>{en("certificates.pdf.statement")}</Text>
            <Text style={styles.courseKo}>{data.courseTitleKo}</Text>
            {data.courseTitleEn !== data.courseTitleKo ? (
              <Text style={styles.courseEn}>{data.courseTitleEn}</Text>
            ) : null}
            <Text style={styles.courseCode}>{data.courseCode}</Text>
            <View style={styles.bottom}>
              <View style={styles.facts}>
                <Fact
                  label={both("dates")}
                  value={`${formatDayRange(data.startsAt, data.endsAt, "ko")}\n${formatDayRange(data.startsAt, data.endsAt, "en")}`}
                />
                <Fact label={both("hours")} value={both("hoursValue", { hours: data.hours })} />
                <Fact
                  label={both("issued")}
                  value={`${formatDate(data.issuedAt, "ko")} / ${formatDate(data.issuedAt, "en")}`}
                />
              </View>
              <View style={styles.verify}>
                {/* eslint-disable-next-line jsx-a11y/alt-text -- react-pdf's Image has no alt */}
                <Image style={styles.qr} src={qr} />
                <View style={styles.verifyText}>
                  <Text style={styles.codeLabel}>{both("code")}</Text>
                  <Text style={styles.code}>{data.code}</Text>
                  <Text style={styles.url}>{data.verifyUrl}</Text>
                </View>
              </View>
            </View>
            <Text style={styles.issuer}>{both("issuer")}</Text>
          </View>
        </View>
      </Page>
    </Document>
  );
}

export async function renderCertificatePdf(data: CertificateDocumentData): Promise<Buffer> {
  registerPdfFonts();
  const qr = await qrCodePng(data.verifyUrl);
  return renderToBuffer(<CertificateDocument data={data} qr={qr} />);
}
