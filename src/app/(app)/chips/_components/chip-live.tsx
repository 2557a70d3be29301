"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { ChipProxyPanel } from "~/components/proxy/chip-proxy-panel";
import { useErrorText, useT } from "~/i18n/client";
import { useTRPC } from "~/trpc/react";
import { useMergeChipMessage } from "../[chipId]/_components/messages-cache";
import { MessagesPanel } from "../[chipId]/_components/messages-panel";
import { ChipActions } from "./chip-actions";
import { type Chip, type ChipQr, type ChipStreamEvent, formatPhone, type ProgressStep } from "./chip-types";
import { PairingCodeForm } from "./pairing-code-form";
import { QrCountdown } from "./qr-countdown";
import { StatusBadge } from "./status-badge";
import { useEventStream } from "./use-event-stream";

/** One chip, live: setup progress, the QR with its countdown, the paired number, and recovery after a failure. */
export function ChipLive({ chipId }: { chipId: string }) {
  const t = useT();
  const router = useRouter();
  const [chip, setChip] = useState<Chip | null>(null);
  const [qr, setQr] = useState<ChipQr | null>(null);
  const [progress, setProgress] = useState<ProgressStep | null>(null);
  const mergeMessage = useMergeChipMessage(chipId);

  const stream = useEventStream(`/api/chips/${encodeURIComponent(chipId)}/events`, (event: ChipStreamEvent) => {
    if (event.type === "chip") {
      setChip(event.chip);
      if (event.chip.status !== "SCAN_QR_CODE") setQr(null);
      if (event.chip.status !== "CREATING") setProgress(null);
    }
    if (event.type === "qr") setQr(event.qr);
    if (event.type === "progress") setProgress(event.step);
    if (event.type === "message") mergeMessage(event.message);
  });

  if (stream === "closed" && !chip) return <Alert>{t("chips.notFound")}</Alert>;
  if (!chip) return null;

  return (
    <section className="space-y-6">
      <Link href="/chips" className="text-sm text-brand-700 hover:underline">
        ← {t("chips.back")}
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div className="flex items-center gap-3">
          <h1 className="text-2xl font-semibold">{chip.label}</h1>
          <StatusBadge status={chip.status} />
        </div>
        <ChipActions chip={chip} onDeleted={() => router.push("/chips")} />
      </div>
      {stream === "reconnecting" && <Alert tone="info">{t("chips.live.disconnected")}</Alert>}

      <div className="rounded-xl border border-slate-200 bg-white p-6">
        <ChipState chip={chip} qr={qr} progress={progress} />
      </div>
      {chip.status === "WORKING" && (
        <div className="rounded-xl border border-slate-200 bg-white p-6">
          <MessagesPanel chipId={chip.id} live={stream} />
        </div>
      )}
      <div className="rounded-xl border border-slate-200 bg-white p-6">
        <ChipProxyPanel chipId={chip.id} />
      </div>
      {chip.device && (
        <p className="text-xs text-slate-500">
          {t("chips.live.device")}: {chip.device.deviceName} · Android {chip.device.osVersion} · {chip.device.browserName}{" "}
          {chip.device.browserVersion}
        </p>
      )}
    </section>
  );
}

function ChipState({ chip, qr, progress }: { chip: Chip; qr: ChipQr | null; progress: ProgressStep | null }) {
  const t = useT();
  switch (chip.status) {
    case "CREATING":
      return <p data-testid="chip-progress">{t(`chips.progress.${progress ?? "creating"}`)}</p>;
    case "SCAN_QR_CODE":
      return <QrPanel chipId={chip.id} qr={qr} />;
    case "WORKING":
      return (
        <p data-testid="chip-connected" className="text-lg">
          {t("chips.live.connected", { number: formatPhone(chip.phoneNumber) ?? "" })}
          {chip.pushName ? ` (${chip.pushName})` : ""}
        </p>
      );
    case "FAILED":
      return <FailedPanel chip={chip} />;
    default:
      return <p>{t(`chips.status.${chip.status}`)}</p>;
  }
}

function QrPanel({ chipId, qr }: { chipId: string; qr: ChipQr | null }) {
  const t = useT();
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <div className="space-y-3">
        <h2 className="text-lg font-medium">{t("chips.live.scanTitle")}</h2>
        <p className="text-sm text-slate-600">{t("chips.live.scanHelp")}</p>
        {qr ? (
          <>
            {/* A data URL straight from the event stream: next/image has nothing to optimise here. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img data-testid="chip-qr" src={`data:${qr.mimetype};base64,${qr.data}`} alt={t("chips.live.qrAlt")} className="h-64 w-64" />
            <QrCountdown key={qr.data} expiresAt={qr.expiresAt} lifetimeMs={qr.lifetimeMs} />
          </>
        ) : (
          <p>{t("chips.live.waitingQr")}</p>
        )}
      </div>
      <div>
        <PairingCodeForm chipId={chipId} />
      </div>
    </div>
  );
}

function FailedPanel({ chip }: { chip: Chip }) {
  const t = useT();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const retry = useMutation(trpc.chip.restart.mutationOptions());
  return (
    <div className="space-y-3">
      <p className="font-medium text-red-800">{t("chips.live.failed")}</p>
      {chip.statusReason && <p data-testid="chip-failure" className="text-sm text-slate-700">{chip.statusReason}</p>}
      <Button type="button" disabled={retry.isPending} onClick={() => retry.mutate({ chipId: chip.id })}>
        {t("chips.live.tryAgain")}
      </Button>
      {retry.error && <Alert>{errorText(retry.error.message)}</Alert>}
    </div>
  );
}
