import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="mx-auto flex min-h-[80vh] max-w-sm flex-col justify-center px-4 py-10">
      <p className="mb-6 text-center text-xl font-bold tracking-tight text-accent">
        aker<span className="text-text">·portfolio</span>
      </p>
      <div className="rounded-card border border-border bg-surface p-6 shadow-sm">{children}</div>
    </main>
  );
}
