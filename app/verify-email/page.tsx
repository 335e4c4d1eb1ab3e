import { AuthCard } from "@/components/auth/AuthCard";
import { VerifyEmailButton } from "@/components/auth/VerifyEmailButton";
import { Alert } from "@/components/ui/Alert";
import { peekConfirmationLink } from "@/lib/auth/verifyEmail";
import { getDb } from "@/lib/db";

export const metadata = { title: "Confirm your email" };

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const kind = typeof token === "string" ? await peekConfirmationLink(getDb(), token) : null;
  return (
    <AuthCard title={kind === "signup" ? "Finish creating your account" : "Confirm your email"}>
      {typeof token === "string" && kind ? (
        <VerifyEmailButton token={token} askPassword={kind === "signup"} />
      ) : (
        <Alert>This link is invalid, used or expired.</Alert>
      )}
    </AuthCard>
  );
}
