import { route } from "@/app/_server/route";
import { SignUpInput } from "@/lib/auth/schema";
import { signUp } from "@/lib/auth/signUp";
import { getDb } from "@/lib/db";

// POST /api/signup — create an account (and a workspace, or join the invited one)
export const POST = route(
  SignUpInput,
  async (_ctx, input) => {
    const { actor, workspace } = await signUp(getDb(), input);
    return { user: { id: actor.userId, email: actor.email, name: actor.name }, workspace };
  },
  { public: true },
);
