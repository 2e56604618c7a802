import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-muted">
        There is nothing at this address. It may have moved, or the link may be mistyped.
      </p>
      <Link href="/" className={buttonClass("primary", "mt-6")}>
        Back to the overview
      </Link>
    </div>
  );
}
