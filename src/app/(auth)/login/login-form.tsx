"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { useT } from "~/i18n/client";
import { parseSignInError } from "~/lib/accounts/sign-in-error";

export function LoginForm() {
  const t = useT();
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(undefined);
    const res = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (res?.ok && !res.error) {
      router.push("/chips");
      router.refresh();
      return;
    }
    const parsed = parseSignInError(res?.error);
    setError(
      parsed.kind === "rate_limited"
        ? t("auth.error.rateLimited", { seconds: parsed.retryAfterSeconds })
        : parsed.kind === "invalid"
          ? t("auth.error.invalidCredentials")
          : parsed.kind === "suspended"
            ? t("error.account_suspended")
            : t("error.generic"),
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <h1 className="text-xl font-semibold">{t("auth.login.title")}</h1>
      {error && <Alert>{error}</Alert>}
      <Field label={t("auth.field.email")} name="email" type="email" autoComplete="email" required />
      <Field label={t("auth.field.password")} name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={pending}>
        {t("auth.login.submit")}
      </Button>
      <p className="text-center text-sm text-slate-600">
        {t("auth.login.noAccount")}{" "}
        <Link className="font-medium text-brand-700 hover:underline" href="/signup">
          {t("auth.login.toSignup")}
        </Link>
      </p>
    </form>
  );
}
