import "next-auth";

declare module "next-auth" {
  /** Our session carries only the user id; see the callbacks in lib/auth/auth-options.ts. */
  interface Session {
    userId?: string;
  }
}
