"use client";

import { useEffect, useRef } from "react";
import { Button, buttonClass } from "./button";

/** The second step of a delete: focus moves to the confirm button, so Enter confirms and Tab reaches Cancel. */
export function ConfirmDelete({
  name,
  busy,
  onConfirm,
  onCancel,
}: {
  name: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <>
      <button
        ref={confirm}
        type="button"
        className={buttonClass("danger")}
        aria-label={`Confirm delete ${name}`}
        disabled={busy}
        onClick={onConfirm}
      >
        Confirm delete
      </button>
      <Button onClick={onCancel}>Cancel</Button>
    </>
  );
}
