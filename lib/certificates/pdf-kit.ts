import "server-only";
import path from "node:path";
import { Font } from "@react-pdf/renderer";
import QRCode from "qrcode";

/**
 * What the app's PDFs (certificates, sign-in sheets) share: the embedded fonts and QR codes.
 *
 * Korean needs a font with Hangul glyphs, which the PDF standard fonts lack and the server may
 * not have installed, so the app ships NanumSquare (assets/fonts/README.md). It covers Hangul
 * and basic Latin but not accented letters (the Ä of ÄKTA, names like Müller or Nguyễn): those
 * fall back to DejaVu Sans, glyph by glyph. Only the glyphs used are embedded.
 */
const HANGUL_FAMILY = "NanumSquare";
const LATIN_FALLBACK_FAMILY = "DejaVuSans";

/** The `fontFamily` of every text style: Hangul font first, glyph-by-glyph fallback second. */
export const PDF_FONT = [HANGUL_FAMILY, LATIN_FALLBACK_FAMILY];

const FONT_DIR = path.join(process.cwd(), "assets", "fonts");

let registered = false;

export function registerPdfFonts(): void {
  if (registered) return;
  Font.register({
    family: HANGUL_FAMILY,
    fonts: [
      { src: path.join(FONT_DIR, "NanumSquareR.ttf"), fontWeight: 400 },
      { src: path.join(FONT_DIR, "NanumSquareB.ttf"), fontWeight: 700 },
    ],
  });
  Font.register({
    family: LATIN_FALLBACK_FAMILY,
    fonts: [
      { src: path.join(FONT_DIR, "DejaVuSans.ttf"), fontWeight: 400 },
      { src: path.join(FONT_DIR, "DejaVuSans-Bold.ttf"), fontWeight: 700 },
    ],
  });
  // Names, course codes and Korean words must never be split with a hyphen.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}

/** A QR code of `url` as a PNG data URL, for <Image src>. */
export async function qrCodePng(url: string): Promise<string> {
  return QRCode.toDataURL(url, { errorCorrectionLevel: "M", margin: 0, width: 360 });
}
