import { baseUrl, type Mail } from "../mail/sendMail";

/** The mail that finishes a sign-up (the account is created when the link is opened). */
export function finishSignUpMail(to: string, token: string): Mail {
  return {
    to,
    subject: "Specwright: confirm your email to finish signing up",
    text: `Open this link within 24 hours to confirm your address and create your Specwright account:\n\n${baseUrl()}/verify-email?token=${token}\n\nIf you did not sign up, ignore this mail.`,
  };
}

/** Sent instead when the address already has an account, so sign-up tells the caller nothing. */
export function alreadyRegisteredMail(to: string): Mail {
  return {
    to,
    subject: "Specwright: someone tried to sign up with your address",
    text: `Someone tried to create a Specwright account with this address, which already has one. If it was you, sign in instead:\n\n${baseUrl()}/signin\n\nForgot your password? ${baseUrl()}/forgot-password\n\nIf it was not you, no action is needed.`,
  };
}

/** Confirms the address of an existing account. */
export function verifyEmailMail(to: string, token: string): Mail {
  return {
    to,
    subject: "Specwright: confirm your email address",
    text: `Open this link within 24 hours to confirm your address:\n\n${baseUrl()}/verify-email?token=${token}`,
  };
}

/** A password reset link. */
export function resetPasswordMail(to: string, token: string): Mail {
  return {
    to,
    subject: "Specwright: reset your password",
    text: `Open this link within an hour to choose a new password:\n\n${baseUrl()}/reset-password?token=${token}\n\nIf you did not ask for this, ignore this mail; your password stays as it is.`,
  };
}
