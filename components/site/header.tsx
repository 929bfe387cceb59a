import { HeaderView } from "@/components/site/header-view";
import { getCurrentUser } from "@/lib/auth/current-user";

/** The site header for the current viewer; the markup lives in HeaderView so it renders without a request. */
export async function SiteHeader() {
  return <HeaderView user={await getCurrentUser()} />;
}
