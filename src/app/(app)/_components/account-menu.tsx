"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { useT } from "~/i18n/client";
import { useTRPC } from "~/trpc/react";
import { LanguageSwitcher } from "../../_components/language-switcher";

export function AccountMenu({ user }: { user: { name: string; email: string } }) {
  const t = useT();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const saveLocale = useMutation(trpc.account.setLocale.mutationOptions());
  return (
    <div className="relative">
      <Button variant="ghost" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <span className="flex h-7 w-7 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700">
          {user.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="hidden sm:inline">{t("menu.account")}</span>
      </Button>
      {open && (
        <div role="menu" className="absolute right-0 z-10 mt-2 w-64 space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-lg">
          <div>
            <p className="text-sm font-medium" data-testid="account-name">{user.name}</p>
            <p className="text-xs text-slate-500">{user.email}</p>
          </div>
          <LanguageSwitcher onChange={(locale) => saveLocale.mutate({ locale })} />
          <Button variant="secondary" role="menuitem" className="w-full" onClick={() => signOut({ callbackUrl: "/login" })}>
            {t("menu.logout")}
          </Button>
        </div>
      )}
    </div>
  );
}
