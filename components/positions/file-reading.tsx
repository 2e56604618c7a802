"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ImportPreview } from "@/lib/services/positions-import";
import { DECIMAL_CHOICES, DELIMITER_CHOICES, delimiterChoice, type ReadChoice } from "./upload-model";

/** A compact select, as the upload panel's controls are. */
export const select = "rounded-md border border-border bg-surface px-2 py-1 text-sm text-text";

interface Props {
  /** How the preview read the file; null when it could not (then only the form, to try another way). */
  interpretation: ImportPreview["interpretation"] | null;
  /** What the user chose last (the form starts from it when there is no interpretation). */
  choice: ReadChoice;
  busy: boolean;
  /** Read the file again this way (a new preview). */
  onRead: (choice: ReadChoice) => void;
}

/** "Read as semicolon-separated, decimal comma, Windows-1252", with a way to say otherwise. */
export function FileReading({ interpretation, choice, busy, onRead }: Props) {
  const id = useId();
  const [changing, setChanging] = useState(interpretation === null);
  const startDelimiter = interpretation ? delimiterChoice(interpretation.delimiter) : (choice.delimiter ?? ",");
  const startDecimal = interpretation?.decimal ?? choice.decimal ?? ".";
  const [delimiter, setDelimiter] = useState(startDelimiter);
  const [decimal, setDecimal] = useState<string>(startDecimal);
  const isCsv = interpretation === null || interpretation.delimiter !== null;
  const sheets = interpretation?.sheets ?? [];

  const open = () => {
    setDelimiter(startDelimiter);
    setDecimal(startDecimal);
    setChanging(true);
  };

  return (
    <div className="space-y-2 text-sm" data-testid="file-reading">
      {interpretation && (
        <p className="flex flex-wrap items-center gap-2 text-muted">
          <span data-testid="file-interpretation">
            Read as <span className="font-medium text-text">{interpretation.description}</span>
          </span>
          {isCsv && !changing && (
            <Button variant="ghost" className="px-1.5 py-0.5 text-xs" onClick={open} disabled={busy}>
              Change
            </Button>
          )}
        </p>
      )}
      {interpretation && sheets.length > 1 && (
        <label className="flex items-center gap-2">
          <span className="text-muted">Sheet</span>
          <select
            className={select}
            value={interpretation.sheet ?? ""}
            disabled={busy}
            onChange={(e) => onRead({ sheet: e.currentTarget.value })}
            data-testid="sheet-select"
          >
            {sheets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
      {isCsv && changing && (
        <fieldset className="flex flex-wrap items-end gap-3 rounded-md border border-border p-2" disabled={busy}>
          <legend className="px-1 text-xs text-muted">
            {interpretation ? "Read the file as" : "Try reading the file another way"}
          </legend>
          <label className="flex flex-col gap-1" htmlFor={`${id}-delimiter`}>
            <span className="text-xs text-muted">Separator</span>
            <select
              id={`${id}-delimiter`}
              className={select}
              value={delimiter}
              onChange={(e) => setDelimiter(e.currentTarget.value)}
            >
              {DELIMITER_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1" htmlFor={`${id}-decimal`}>
            <span className="text-xs text-muted">Numbers</span>
            <select
              id={`${id}-decimal`}
              className={select}
              value={decimal}
              onChange={(e) => setDecimal(e.currentTarget.value)}
            >
              {DECIMAL_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <Button
            onClick={() => {
              setChanging(false);
              onRead({ delimiter, decimal });
            }}
          >
            Read again
          </Button>
          {interpretation && (
            <Button variant="ghost" onClick={() => setChanging(false)}>
              Cancel
            </Button>
          )}
        </fieldset>
      )}
    </div>
  );
}
