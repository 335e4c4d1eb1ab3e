"use client";

import { Button } from "../ui/Button";

/** Signs out through next-auth; its client code loads on the click, not with every page. */
export function SignOutButton() {
  return (
    <Button
      variant="secondary"
      onClick={async () => {
        const { signOut } = await import("next-auth/react");
        await signOut({ callbackUrl: "/signin" });
      }}
    >
      Sign out
    </Button>
  );
}
