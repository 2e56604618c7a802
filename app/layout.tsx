import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { authDisabled } from "@/lib/auth/authenticate";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "aker-portfolio", template: "%s · aker-portfolio" },
  description: "Exposure monitoring for multifamily real-estate portfolios",
};

// Every page reads live portfolio data.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-bg font-sans text-text antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2 print:hidden"
        >
          Skip to content
        </a>
        {authDisabled() && (
          <div
            role="alert"
            data-testid="auth-off-banner"
            className="bg-breach px-4 py-2 text-center text-sm font-semibold text-white print:hidden"
          >
            ⚠ Sign-in is OFF (AKER_AUTH=off): anyone who can reach this server is an admin. For local evaluation only.
          </div>
        )}
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
