import { z } from "zod";

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: "Enter a valid email address." }));

export const SignUpInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100),
  email: Email,
  password: z.string().min(8, "Use at least 8 characters.").max(200, "Use at most 200 characters."),
  inviteToken: z.string().max(200).optional(),
});
export type SignUpInput = z.infer<typeof SignUpInput>;

export const SignInInput = z.object({
  email: Email,
  password: z.string().min(1).max(200),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const TokenInput = z.object({ token: z.string().min(1).max(200) });
export type TokenInput = z.infer<typeof TokenInput>;

/** A mailed confirmation link; a sign-up's link also needs the password chosen at sign-up. */
export const VerifyEmailInput = TokenInput.extend({ password: z.string().max(200).optional() });
export type VerifyEmailInput = z.infer<typeof VerifyEmailInput>;

const NewPassword = z.string().min(8, "Use at least 8 characters.").max(200, "Use at most 200 characters.");

export const ResetRequestInput = z.object({ email: Email });
export type ResetRequestInput = z.infer<typeof ResetRequestInput>;

export const ResetPasswordInput = z.object({ token: z.string().min(1).max(200), password: NewPassword });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

export const ChangePasswordInput = z.object({ currentPassword: z.string().min(1, "Enter your current password.").max(200), newPassword: NewPassword });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;
