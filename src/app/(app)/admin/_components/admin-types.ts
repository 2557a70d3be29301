import type { RouterOutputs } from "~/trpc/react";

export type UserOverview = RouterOutputs["admin"]["users"][number];
export type InstanceUsage = RouterOutputs["admin"]["usage"][number];
