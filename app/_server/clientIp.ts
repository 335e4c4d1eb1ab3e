import { headers } from "next/headers";
import { CLIENT_IP_HEADER } from "@/lib/observability/requestId";

/** The client's address as the app server determined it (see server/http.ts). */
export async function clientIp(): Promise<string | undefined> {
  return (await headers()).get(CLIENT_IP_HEADER) ?? undefined;
}
