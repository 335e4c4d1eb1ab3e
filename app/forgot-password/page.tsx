import Link from "next/link";
import { AuthCard } from "@/components/auth/AuthCard";
import { ForgotPasswordForm } from "@/components/auth/ForgotPasswordForm";
import { mailConfigured } from "@/lib/mail/sendMail";

export const metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard
      title="Reset your password"
      subtitle={
        <>
          Remembered it?{" "}
          <Link prefetch={false} className="font-medium text-indigo-700 hover:underline" href="/signin">
            Sign in
          </Link>
        </>
      }
    >
      <ForgotPasswordForm mail={mailConfigured()} />
    </AuthCard>
  );
}
