import { route } from "@/app/_server/route";
import { resetPassword } from "@/lib/auth/passwordReset";
import { ResetPasswordInput } from "@/lib/auth/schema";
import { getDb } from "@/lib/db";

// POST /api/password-reset/confirm — { token, password }: sets the new password; every session ends
export const POST = route(ResetPasswordInput, async (_ctx, input) => resetPassword(getDb(), input), { public: true, status: 200 });
