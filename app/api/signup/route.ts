import { clientIp } from "@/app/_server/clientIp";
import { route } from "@/app/_server/route";
import { SignUpInput } from "@/lib/auth/schema";
import { signUp } from "@/lib/auth/signUp";
import { getDb } from "@/lib/db";

// POST /api/signup — create an account (and a workspace, or join the invited one), or, with
// mail configured, mail a link that finishes it ({ status: "checkEmail" }, whether or not
// the address already had an account)
export const POST = route(
  SignUpInput,
  async (_ctx, input) => {
    const result = await signUp(getDb(), input, await clientIp());
    if (result.status === "checkEmail") return { status: result.status };
    const { actor, workspace } = result;
    return { status: result.status, user: { id: actor.userId, email: actor.email, name: actor.name }, workspace };
  },
  { public: true },
);
