import { describe, expect, it } from "vitest";
import {
  CERTIFICATE_CODE_ALPHABET,
  isCertificateCode,
  newCertificateCode,
  normalizeCertificateCode,
} from "@/lib/certificates/certificate-code";

describe("certificate codes", () => {
  it("look like FT-XXXX-XXXX, without the characters people misread", () => {
    const codes = Array.from({ length: 500 }, newCertificateCode);
    for (const code of codes) {
      expect(code).toMatch(/^FT-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      expect(isCertificateCode(code)).toBe(true);
    }
    expect(new Set(codes).size).toBe(codes.length);
    expect(CERTIFICATE_CODE_ALPHABET).not.toMatch(/[01IO]/);
  });

  it("read what people type: any case, spaces or dashes, with or without the FT prefix", () => {
    for (const typed of ["FT-7K3M-Q9PD", "ft-7k3m-q9pd", " FT 7K3M Q9PD ", "FT7K3MQ9PD", "7K3M-Q9PD"]) {
      expect(normalizeCertificateCode(typed)).toBe("FT-7K3M-Q9PD");
    }
    for (const typed of ["", "FT-7K3M", "FT-0000-0000", "FT-7K3M-Q9PD-X", "<script>"]) {
      expect(normalizeCertificateCode(typed)).toBeNull();
    }
  });
});
