/**
 * Certificate verification codes such as `FT-7K3M-Q9PD`: printed on the certificate, encoded
 * in its QR code and typed into the public verification page. Pure (no server imports): the
 * seed (prisma/seed/random.ts) issues its demo certificates with the same generator.
 */

/** No 0/O and 1/I: codes are typed from paper. */
export const CERTIFICATE_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/**
 * A new random code. 32 symbols ^ 8 ≈ 1.1 × 10¹² codes, so guessing one is hopeless at the
 * verification page's rate limit; 256 is a multiple of 32, so `b % 32` is unbiased.
 */
export function newCertificateCode(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  const chars = Array.from(
    bytes,
    (b) => CERTIFICATE_CODE_ALPHABET[b % CERTIFICATE_CODE_ALPHABET.length],
  ).join("");
  return `FT-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

const CANONICAL = new RegExp(`^FT-[${CERTIFICATE_CODE_ALPHABET}]{4}-[${CERTIFICATE_CODE_ALPHABET}]{4}$`);

/**
 * The canonical form of what someone typed: case, spaces and dashes do not matter
 * ("ft 7k3m q9pd", "FT7K3MQ9PD", "7K3M-Q9PD"). Returns null when it cannot be a code.
 */
export function normalizeCertificateCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s\-_.]/g, "");
  const body = compact.startsWith("FT") ? compact.slice(2) : compact;
  if (body.length !== 8) return null;
  const code = `FT-${body.slice(0, 4)}-${body.slice(4)}`;
  return CANONICAL.test(code) ? code : null;
}

export function isCertificateCode(value: string): boolean {
  return CANONICAL.test(value);
}
