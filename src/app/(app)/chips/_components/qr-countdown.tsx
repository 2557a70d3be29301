"use client";

import { useEffect, useState } from "react";
import { useT } from "~/i18n/client";

/** Seconds left on the QR; capped by its lifetime so a clock ahead of the server's never shows more than WAHA gives. */
export function QrCountdown({ expiresAt, lifetimeMs }: { expiresAt: number; lifetimeMs: number }) {
  const t = useT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.min(expiresAt - now, lifetimeMs));
  const seconds = Math.ceil(left / 1000);
  return (
    <p data-testid="qr-countdown" className="text-sm text-slate-600" aria-live="off">
      {seconds > 0 ? t("chips.live.expiresIn", { seconds }) : t("chips.live.expired")}
    </p>
  );
}
