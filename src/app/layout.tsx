import type { Metadata } from "next";
import { I18nProvider } from "~/i18n/client";
import { getLocale } from "~/i18n/server";
import { TRPCReactProvider } from "~/trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: "whago",
  description: "Control plane for WhatsApp numbers",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <I18nProvider locale={locale}>
          <TRPCReactProvider>{children}</TRPCReactProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
