"use client";

import { useEffect, useRef } from "react";
import { Button, buttonClass } from "./button";

/**
 * The second step of a delete (or of another change worth a second look: `verb` "archive"): focus
 * moves to the confirm button, so Enter confirms and Tab reaches Cancel.
 */
export function ConfirmDelete({
  name,
  busy,
  onConfirm,
  onCancel,
  verb = "delete",
}: {
  name: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  verb?: string;
}) {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <>
      <button
        ref={confirm}
        type="button"
        className={buttonClass("danger")}
        aria-label={`Confirm ${verb} ${name}`}
        disabled={busy}
        onClick={onConfirm}
      >
        Confirm {verb}
      </button>
      <Button onClick={onCancel}>Cancel</Button>
    </>
  );
}
