import Link from "next/link";
import { redirect } from "next/navigation";
import { oauthProviderList } from "@/app/_server/auth";
import { getActor } from "@/app/_server/session";
import { AuthCard } from "@/components/auth/AuthCard";
import { SignInForm } from "@/components/auth/SignInForm";
import { safeRedirectPath } from "@/lib/util/safeUrl";

export const metadata = { title: "Sign in" };

const KNOWN_ERRORS: Record<string, string> = {
  CredentialsSignin: "Email or password is incorrect.",
  NoEmail: "Your account with that provider has no email address we can use.",
  OAuthAccountNotLinked: "Sign in the way you signed up first.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeRedirectPath(params.callbackUrl);
  if (await getActor()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? (KNOWN_ERRORS[params.error] ?? "Sign-in failed. Try again.") : undefined;
  return (
    <AuthCard
      title="Sign in"
      subtitle={
        <>
          New here?{" "}
          <Link prefetch={false} className="font-medium text-indigo-700 hover:underline" href={`/signup${callbackUrl !== "/" ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`}>
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm callbackUrl={callbackUrl} providers={oauthProviderList()} initialError={error} />
    </AuthCard>
  );
}
