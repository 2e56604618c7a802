import type { Metadata } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = {
  title: "aker-portfolio",
  description: "Exposure monitoring for multifamily real-estate portfolios",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: "2rem auto", maxWidth: "48rem", lineHeight: 1.5 }}>{children}</body>
    </html>
  );
}
