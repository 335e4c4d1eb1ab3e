import { Unauthenticated } from "@/lib/errors";
import { getSignedIn } from "./session";

/** The id of the session the request's cookie names (route handlers behind `route()`). */
export async function currentSessionId(): Promise<string> {
  const signedIn = await getSignedIn();
  if (!signedIn) throw new Unauthenticated();
  return signedIn.sessionId;
}
