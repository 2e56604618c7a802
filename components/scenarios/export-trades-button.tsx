"use client";

import { Button } from "../ui/button";
import { type ExportFile, tradesFile } from "./saved-model";

export function download(file: ExportFile) {
  const url = URL.createObjectURL(new Blob([file.body], { type: file.type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.name;
  link.click();
  URL.revokeObjectURL(url);
}

/** The trades as the CSV `npm run cli -- whatif` reads. */
export function ExportTradesButton({ name, trades }: { name: string | null; trades: readonly unknown[] }) {
  return (
    <Button disabled={trades.length === 0} onClick={() => download(tradesFile(name, trades))}>
      Export trades (CSV)
    </Button>
  );
}
