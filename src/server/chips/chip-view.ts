// The one shape of a chip that leaves the server (tRPC, REST, SSE): plain JSON, no secrets, no BigInt.
import type { ChipStatus } from "~/generated/prisma/client";
import { type DeviceFingerprint, parseFingerprint } from "./fingerprint";

export type ChipProxyView = { host: string; port: number; country: string | null; health: string };

export type ChipView = {
  id: string;
  label: string;
  status: ChipStatus;
  statusReason: string | null;
  phoneNumber: string | null;
  pushName: string | null;
  device: DeviceFingerprint | null;
  proxy: ChipProxyView | null;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string | null;
};

/** The columns toChipView reads; proxy credentials are never selected. */
export const chipViewSelect = {
  id: true,
  label: true,
  status: true,
  statusReason: true,
  phoneNumber: true,
  pushName: true,
  fingerprint: true,
  createdAt: true,
  updatedAt: true,
  lastActivityAt: true,
  proxy: { select: { host: true, port: true, country: true, health: true, releasedAt: true } },
} as const;

type ChipViewRow = Omit<ChipView, "device" | "proxy" | "createdAt" | "updatedAt" | "lastActivityAt"> & {
  fingerprint: unknown;
  createdAt: Date;
  updatedAt: Date;
  lastActivityAt: Date | null;
  proxy: (ChipProxyView & { releasedAt: Date | null }) | null;
};

export function toChipView(row: ChipViewRow): ChipView {
  const proxy = row.proxy && !row.proxy.releasedAt ? row.proxy : null;
  return {
    id: row.id,
    label: row.label,
    status: row.status,
    statusReason: row.statusReason,
    phoneNumber: row.phoneNumber,
    pushName: row.pushName,
    device: parseFingerprint(row.fingerprint),
    proxy: proxy ? { host: proxy.host, port: proxy.port, country: proxy.country, health: proxy.health } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastActivityAt: row.lastActivityAt?.toISOString() ?? null,
  };
}
