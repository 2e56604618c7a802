import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-accent">403</p>
      <h1 className="mt-2 text-2xl font-semibold">Not allowed</h1>
      <p className="mt-2 text-muted">Your role does not include this page. Ask an admin if you need it.</p>
      <Link href="/" className={buttonClass("primary", "mt-6")}>
        Back to the overview
      </Link>
    </div>
  );
}
