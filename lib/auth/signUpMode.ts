import type { DbTx } from "../db";
import { mailConfigured } from "../mail/sendMail";

// Who may create an account (see README.md, "SIGNUP"):
// - SIGNUP=open: anyone. Without mail, sign-up then says when an address is taken.
// - SIGNUP=invite (or any other value, so a typo never opens sign-up): only a person invited
//   to a workspace at that very address. Everyone else gets the same answer.
// - unset: open when mail is configured (sign-up finishes through a mailed link and never
//   tells whether an address has an account). Without mail, open until the site has its
//   first account, then by invitation: an open sign-up without mail could only answer a
//   taken address with "taken", and so tell anyone which addresses have accounts.

/** The answer to a sign-up without an invite for that address, when sign-up is by invitation. */
export const SIGN_UP_BY_INVITE = "Accounts on this site are created by invitation. Ask a workspace admin to invite your email address.";

export type SignUpMode = "open" | "invite";

/** The mode SIGNUP sets, or undefined when it is unset. */
export function configuredSignUpMode(): SignUpMode | undefined {
  const mode = process.env.SIGNUP?.trim().toLowerCase();
  if (!mode) return undefined;
  return mode === "open" ? "open" : "invite";
}

/** Whether an account may now be created only by accepting an invite to that address. */
export async function signUpByInviteOnly(db: DbTx): Promise<boolean> {
  const configured = configuredSignUpMode();
  if (configured) return configured === "invite";
  if (mailConfigured()) return false;
  return (await db.user.findFirst({ select: { id: true } })) !== null;
}
