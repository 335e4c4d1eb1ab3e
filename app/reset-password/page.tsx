import { AuthCard } from "@/components/auth/AuthCard";
import { ResetPasswordForm } from "@/components/auth/ResetPasswordForm";
import { Alert } from "@/components/ui/Alert";

export const metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  return (
    <AuthCard title="Choose a new password" subtitle="You will be signed out everywhere; sign in again with the new password.">
      {typeof token === "string" && token ? <ResetPasswordForm token={token} /> : <Alert>This link is incomplete. Open the link from the mail again.</Alert>}
    </AuthCard>
  );
}
