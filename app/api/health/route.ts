import { connection } from "next/server";
import { healthResponse } from "@/lib/db/health";

/** Liveness and database reachability for load balancers and `npm start` checks. */
export async function GET() {
  // Request time, every time: never prerendered into a static answer (Cache Components).
  await connection();
  return healthResponse();
}
