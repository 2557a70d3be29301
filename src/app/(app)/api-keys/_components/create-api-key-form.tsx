"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { useErrorText, useT } from "~/i18n/client";
import { apiKeyScopes, type ApiKeyScope } from "~/server/api-keys/scopes";
import { useTRPC } from "~/trpc/react";
import { NewKeyNotice } from "./new-key-notice";

export function CreateApiKeyForm() {
  const t = useT();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string>();
  const [createdKey, setCreatedKey] = useState<string>();
  const create = useMutation(
    trpc.apiKey.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.apiKey.list.queryKey() }),
    }),
  );

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formElement = e.currentTarget;
    const form = new FormData(formElement);
    setError(undefined);
    try {
      const { key } = await create.mutateAsync({
        name: String(form.get("name") ?? ""),
        scopes: form.getAll("scopes").map(String) as ApiKeyScope[],
      });
      setCreatedKey(key);
      formElement.reset();
    } catch (err) {
      const data = (err as { data?: { zodError?: { fieldErrors?: Record<string, string[]> } } }).data;
      const firstIssue = Object.values(data?.zodError?.fieldErrors ?? {}).flat()[0];
      setError(errorText(firstIssue ?? (err as Error).message));
    }
  }

  return (
    <div className="space-y-4 rounded-xl border border-slate-200 bg-white p-6">
      <h2 className="text-lg font-medium">{t("apiKeys.create.title")}</h2>
      {createdKey && <NewKeyNotice apiKey={createdKey} onDismiss={() => setCreatedKey(undefined)} />}
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        {error && <Alert>{error}</Alert>}
        <Field label={t("apiKeys.field.name")} name="name" maxLength={60} required />
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-700">{t("apiKeys.field.scopes")}</legend>
          {apiKeyScopes.map((scope) => (
            <label key={scope} className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === "read"} />
              {t(`apiKeys.scope.${scope}`)}
            </label>
          ))}
        </fieldset>
        <Button type="submit" disabled={create.isPending}>
          {t("apiKeys.create.submit")}
        </Button>
      </form>
    </div>
  );
}
