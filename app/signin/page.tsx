import Link from "next/link";
import { redirect } from "next/navigation";
import { oauthProviderList } from "@/app/_server/auth";
import { getActor } from "@/app/_server/session";
import { AuthCard } from "@/components/auth/AuthCard";
import { SignInForm } from "@/components/auth/SignInForm";
import { Alert } from "@/components/ui/Alert";
import { SIGN_UP_BY_INVITE, signUpByInviteOnly } from "@/lib/auth/signUpMode";
import { getDb } from "@/lib/db";
import { safeRedirectPath } from "@/lib/util/safeUrl";

export const metadata = { title: "Sign in" };

const KNOWN_ERRORS: Record<string, string> = {
  CredentialsSignin: "Email or password is incorrect.",
  NoEmail: "Your account with that provider has no email address we can use.",
  OAuthAccountNotLinked: "Sign in the way you signed up first.",
  LinkRefused:
    "An account with this email already exists, and we could not confirm that it is yours. Sign in with your email and password, then choose “Link” for this provider under Settings.",
  SignUpClosed: SIGN_UP_BY_INVITE,
  LinkExpired: "Linking took too long or you were signed out. Sign in, then choose “Link” under Settings again.",
};

const NOTICES: Record<string, string> = {
  passwordReset: "Your password was changed and every session signed out. Sign in with the new password.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeRedirectPath(params.callbackUrl);
  if (await getActor()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? ((Object.hasOwn(KNOWN_ERRORS, params.error) && KNOWN_ERRORS[params.error]) || "Sign-in failed. Try again.") : undefined;
  const notice = typeof params.notice === "string" && Object.hasOwn(NOTICES, params.notice) ? NOTICES[params.notice] : undefined;
  return (
    <AuthCard
      title="Sign in"
      subtitle={
        (await signUpByInviteOnly(getDb())) ? (
          "New here? Accounts are created by invitation."
        ) : (
          <>
            New here?{" "}
            <Link prefetch={false} className="font-medium text-indigo-700 hover:underline" href={`/signup${callbackUrl !== "/" ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`}>
              Create an account
            </Link>
          </>
        )
      }
    >
      {notice ? (
        <div className="mb-4">
          <Alert tone="success">{notice}</Alert>
        </div>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} providers={oauthProviderList()} initialError={error} />
      <p className="mt-4 text-center text-sm">
        <Link prefetch={false} className="font-medium text-indigo-700 hover:underline" href="/forgot-password">
          Forgot your password?
        </Link>
      </p>
    </AuthCard>
  );
}
