import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 10;

// Shared by the sign-up form, the tRPC procedure and the credentials provider, so the rules live in one place.
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: "invalid_email" }));

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "name_required").max(100, "name_too_long"),
  email: emailSchema,
  password: z.string().min(PASSWORD_MIN_LENGTH, "password_too_short").max(200, "password_too_long"),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const credentialsSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});
