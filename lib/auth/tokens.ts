import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * One-time tokens for links in mails (email verification, password reset, invitations):
 * 32 random bytes, sent as base64url, stored only as their SHA-256 — a leaked database does not
 * hand out working links. SHA-256 without a salt is enough here because the token itself has
 * 256 bits of entropy (nothing to brute-force, unlike a password).
 */
export function createOneTimeToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export const HOUR_MS = 60 * 60 * 1000;
export const TOKEN_LIFETIME_MS = {
  VERIFY_EMAIL: 24 * HOUR_MS,
  RESET_PASSWORD: 1 * HOUR_MS,
  INVITATION: 7 * 24 * HOUR_MS,
} as const;
