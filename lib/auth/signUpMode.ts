// Who may create an account: anyone (SIGNUP unset or "open"), or only a person invited to a
// workspace at that very address (SIGNUP=invite). Invite-only sign-up answers everyone the
// same way whether or not an address has an account, also without mail (see README.md).

/** The answer to a sign-up without an invite for that address, when sign-up is by invitation. */
export const SIGN_UP_BY_INVITE = "Accounts on this site are created by invitation. Ask a workspace admin to invite your email address.";

/** Whether accounts are created by invitation only. Any value but "open" counts, so a typo never opens sign-up. */
export function signUpByInviteOnly(): boolean {
  const mode = process.env.SIGNUP?.trim().toLowerCase();
  return Boolean(mode) && mode !== "open";
}
