import type { Metadata } from "next";
import { headers } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Specwright", template: "%s · Specwright" },
  description: "Write design documents together.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // reading the request makes every page dynamic, so each gets its own CSP nonce
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
