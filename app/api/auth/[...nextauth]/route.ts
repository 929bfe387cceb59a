import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";

/** next-auth's endpoints: csrf, credentials callback, session, sign-out. */
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
