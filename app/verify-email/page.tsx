import { AuthCard } from "@/components/auth/AuthCard";
import { VerifyEmailButton } from "@/components/auth/VerifyEmailButton";
import { Alert } from "@/components/ui/Alert";

export const metadata = { title: "Confirm your email" };

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  return (
    <AuthCard title="Confirm your email">
      {typeof token === "string" && token ? <VerifyEmailButton token={token} /> : <Alert>This link is incomplete. Open the link from the mail again.</Alert>}
    </AuthCard>
  );
}
