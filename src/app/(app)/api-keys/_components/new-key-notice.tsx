"use client";

import { useState } from "react";
import { Button } from "~/components/ui/button";
import { useT } from "~/i18n/client";

/** The only time the full key is visible: the server keeps just its hash. */
export function NewKeyNotice({ apiKey, onDismiss }: { apiKey: string; onDismiss: () => void }) {
  const t = useT();
  const [copied, setCopied] = useState(false);

  async function copy() {
    await navigator.clipboard.writeText(apiKey);
    setCopied(true);
  }

  return (
    <div role="status" className="space-y-2 rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-900">
      <p className="font-medium">{t("apiKeys.created.title")}</p>
      <p>{t("apiKeys.created.body")}</p>
      <div className="flex items-center gap-2">
        <code data-testid="new-api-key" className="flex-1 break-all rounded bg-white px-2 py-1 font-mono text-xs">
          {apiKey}
        </code>
        <Button type="button" variant="secondary" onClick={copy}>
          {copied ? t("apiKeys.copied") : t("apiKeys.copy")}
        </Button>
        <Button type="button" variant="ghost" onClick={onDismiss} aria-label="OK">
          OK
        </Button>
      </div>
    </div>
  );
}
