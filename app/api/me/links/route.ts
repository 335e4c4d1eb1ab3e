import { z } from "zod";
import { oauthProviderList } from "@/app/_server/auth";
import { currentSessionId } from "@/app/_server/currentSession";
import { setLinkIntent } from "@/app/_server/linkIntent";
import { route } from "@/app/_server/route";
import { authorizeAccount } from "@/lib/access/policy";
import { InvalidInput } from "@/lib/errors";

// POST /api/me/links — { provider }: the next sign-in with that provider links it to this
// account (for ten minutes) instead of signing in; the browser then goes to the provider
export const POST = route(z.object({ provider: z.string().min(1).max(40) }), async (ctx, input) => {
  authorizeAccount(ctx.actor, "account.security");
  if (!oauthProviderList().some((p) => p.id === input.provider)) throw new InvalidInput("That sign-in provider is not set up here.");
  await setLinkIntent({ userId: ctx.actor.userId, sessionId: await currentSessionId(), provider: input.provider });
  return { provider: input.provider };
});
