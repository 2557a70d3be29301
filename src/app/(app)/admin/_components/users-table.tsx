"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert } from "~/components/ui/alert";
import { useApiErrorText, useT } from "~/i18n/client";
import { useTRPC } from "~/trpc/react";
import { UserRow } from "./user-row";

// Usage is a live view; ten seconds keeps it current without loading the runtime with stats calls.
const REFRESH_MS = 10_000;
const COLUMNS = ["user", "status", "created", "chips", "instance", "usage"] as const;

export function UsersTable({ currentUserId }: { currentUserId: string }) {
  const t = useT();
  const errorText = useApiErrorText();
  const trpc = useTRPC();
  const users = useQuery(trpc.admin.users.queryOptions(undefined, { refetchInterval: REFRESH_MS }));
  const usage = useQuery(trpc.admin.usage.queryOptions(undefined, { refetchInterval: REFRESH_MS }));
  const usageByUser = new Map(usage.data?.map((u) => [u.userId, u]));

  return (
    <div className="space-y-3">
      {users.error && <Alert>{errorText(users.error)}</Alert>}
      {!!users.data?.length && (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-500">
              <tr>
                {COLUMNS.map((col) => (
                  <th key={col} className="px-4 py-2 font-medium">
                    {t(`admin.col.${col}`)}
                  </th>
                ))}
                <th className="px-4 py-2" />
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => (
                <UserRow key={user.id} user={user} usage={usageByUser.get(user.id)} isSelf={user.id === currentUserId} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
