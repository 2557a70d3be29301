"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { useApiErrorText, useErrorText, useLocale, useT } from "~/i18n/client";
import { signUpSchema } from "~/lib/accounts/schemas";
import { useTRPC } from "~/trpc/react";

type FieldErrors = Partial<Record<"name" | "email" | "password", string>>;

export function SignUpForm() {
  const t = useT();
  const errorText = useErrorText();
  const apiErrorText = useApiErrorText();
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const signUp = useMutation(trpc.account.signUp.mutationOptions());

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(undefined);
    const form = new FormData(e.currentTarget);
    const parsed = signUpSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof FieldErrors;
        errors[key] ??= errorText(issue.message);
      }
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    try {
      await signUp.mutateAsync({ ...parsed.data, locale });
    } catch (err) {
      const message = (err as { message?: string }).message;
      if (message === "email_taken") setFieldErrors({ email: errorText(message) });
      else setFormError(apiErrorText(err));
      return;
    }
    const res = await signIn("credentials", { ...parsed.data, redirect: false });
    if (res?.ok && !res.error) {
      router.push("/chips");
      router.refresh();
    } else router.push("/login");
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <h1 className="text-xl font-semibold">{t("auth.signup.title")}</h1>
      {formError && <Alert>{formError}</Alert>}
      <Field label={t("auth.field.name")} name="name" autoComplete="name" error={fieldErrors.name} required />
      <Field label={t("auth.field.email")} name="email" type="email" autoComplete="email" error={fieldErrors.email} required />
      <Field
        label={t("auth.field.password")}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={t("auth.field.passwordHint")}
        error={fieldErrors.password}
        required
      />
      <Button type="submit" className="w-full" disabled={signUp.isPending}>
        {t("auth.signup.submit")}
      </Button>
      <p className="text-center text-sm text-slate-600">
        {t("auth.signup.hasAccount")}{" "}
        <Link className="font-medium text-brand-700 hover:underline" href="/login">
          {t("auth.signup.toLogin")}
        </Link>
      </p>
    </form>
  );
}
