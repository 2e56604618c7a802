"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import type { ImportPreview, ImportResult } from "@/lib/services/positions-import";
import type { RunResult } from "@/lib/services/runs-compute";
import { queryKeys } from "../query-keys";
import {
  acceptedFile,
  type ColumnChoice,
  chooseColumn,
  estimateCsvRows,
  type FileColumn,
  groupRejected,
  type ImportMode,
  isTextFile,
  mappingParams,
  type ReadChoice,
  type RowIssue,
  readChoiceParams,
  type Step,
  uploadPct,
} from "./upload-model";
import { type Upload, UploadError, uploadFile } from "./upload-xhr";

export interface Busy {
  step: Step;
  phase: "upload" | "process";
  pct: number;
  /** Rows being worked on, when known (estimated from a CSV before the preview). */
  rows: number | null;
  cancellable: boolean;
}

export interface ImportOutcome {
  fileName: string;
  mode: ImportMode;
  received: number;
  imported: number;
  rejectedRows: number;
  run: { asOfDate: string; opened: number; updated: number; resolved: number; evaluated: boolean } | null;
  runError: string | null;
}

export interface FlowError {
  message: string;
  details: RowIssue[];
  /** The file has no column for position_value: its columns, to map one. */
  columns: FileColumn[] | null;
}

const ESTIMATE_LIMIT = 256 * 1024 * 1024;

async function recompute(portfolio: string): Promise<RunResult> {
  const res = await fetch(`/api/exposures/runs?portfolio=${encodeURIComponent(portfolio)}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: "{}",
  });
  const body = (await res.json().catch(() => ({}))) as RunResult & { error?: { message?: string } };
  if (!res.ok) throw new Error(body.error?.message ?? `The server answered ${res.status}`);
  return body;
}

/** The upload → preview → import → recompute flow, with progress and cancellation. */
export function useImportFlow(portfolio: string) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [rowEstimate, setRowEstimate] = useState<number | null>(null);
  const [mode, setModeState] = useState<ImportMode>("replace");
  const [validOnly, setValidOnly] = useState(false);
  const [reading, setReadingState] = useState<ReadChoice>({});
  const [mapping, setMapping] = useState<ColumnChoice>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [error, setError] = useState<FlowError | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const current = useRef<Upload<unknown> | null>(null);

  const send = useCallback(
    <T>(url: string, target: File, step: Step, rows: number | null, cancellable: boolean): Promise<T> => {
      setBusy({ step, phase: "upload", pct: 0, rows, cancellable });
      const upload = uploadFile<T>(url, target, {
        onProgress: (loaded, total) =>
          setBusy((b) => (b && b.phase === "upload" ? { ...b, pct: uploadPct(loaded, total) } : b)),
        onUploaded: () =>
          setBusy((b) => (b ? { ...b, phase: "process", pct: 100, cancellable: step === "preview" } : b)),
      });
      current.current = upload as Upload<unknown>;
      return upload.result.finally(() => {
        current.current = null;
      });
    },
    [],
  );

  const fail = useCallback((e: unknown) => {
    setBusy(null);
    if (e instanceof UploadError) setError({ message: e.message, details: e.details, columns: e.columns });
    else setError({ message: e instanceof Error ? e.message : String(e), details: [], columns: null });
  }, []);

  const runPreview = useCallback(
    async (target: File, chosenMode: ImportMode, rows: number | null, choice: ReadChoice, columns: ColumnChoice) => {
      setError(null);
      const query = new URLSearchParams({
        mode: chosenMode,
        portfolio,
        ...readChoiceParams(choice),
        ...mappingParams(columns),
      });
      try {
        const answer = await send<ImportPreview>(`/api/positions/preview?${query}`, target, "preview", rows, true);
        setPreview(answer);
        setBusy(null);
      } catch (e) {
        setPreview(null);
        fail(e);
      }
    },
    [fail, portfolio, send],
  );

  const choose = useCallback(
    async (chosen: File) => {
      setOutcome(null);
      setPreview(null);
      setValidOnly(false);
      setReadingState({});
      setMapping({});
      if (!acceptedFile(chosen.name)) {
        setFile(null);
        setError({ message: `"${chosen.name}" is not a CSV, JSON or XLSX file.`, details: [], columns: null });
        return;
      }
      setFile(chosen);
      const isCsv = isTextFile(chosen.name);
      const rows = isCsv && chosen.size <= ESTIMATE_LIMIT ? estimateCsvRows(await chosen.text()) : null;
      setRowEstimate(rows);
      await runPreview(chosen, mode, rows, {}, {});
    },
    [mode, runPreview],
  );

  const setMode = useCallback(
    (next: ImportMode) => {
      setModeState(next);
      if (file) void runPreview(file, next, preview?.received ?? rowEstimate, reading, mapping);
    },
    [file, mapping, preview, reading, rowEstimate, runPreview],
  );

  /** Reads the file again with the user's separator, decimal mark or sheet (other headers: the column choices go). */
  const setReading = useCallback(
    (choice: ReadChoice) => {
      const next = { ...reading, ...choice };
      setReadingState(next);
      setMapping({});
      setValidOnly(false);
      if (file) void runPreview(file, mode, preview?.received ?? rowEstimate, next, {});
    },
    [file, mode, preview, reading, rowEstimate, runPreview],
  );

  /** Reads the file again with a file column taken as one of ours (null: ignored). */
  const setColumn = useCallback(
    (header: string, column: FileColumn["column"]) => {
      const next = chooseColumn(mapping, header, column);
      setMapping(next);
      setValidOnly(false);
      if (file) void runPreview(file, mode, preview?.received ?? rowEstimate, reading, next);
    },
    [file, mapping, mode, preview, reading, rowEstimate, runPreview],
  );

  const runImport = useCallback(async () => {
    if (!file || !preview) return;
    setError(null);
    const query = new URLSearchParams({
      mode,
      onError: validOnly ? "skip" : "reject",
      portfolio,
      ...readChoiceParams(reading),
      ...mappingParams(mapping),
    });
    let result: ImportResult;
    try {
      result = await send<ImportResult>(`/api/positions/import?${query}`, file, "import", preview.valid, true);
    } catch (e) {
      fail(e);
      return;
    }
    const base = {
      fileName: file.name,
      mode,
      received: result.received,
      imported: result.imported,
      rejectedRows: groupRejected(result.rejected).length,
    };
    setBusy({ step: "recompute", phase: "process", pct: 100, rows: result.imported, cancellable: false });
    let done: ImportOutcome;
    try {
      const run = await recompute(portfolio);
      done = {
        ...base,
        run: { asOfDate: run.asOfDate, ...run.alerts, evaluated: run.alertsEvaluated },
        runError: null,
      };
    } catch (e) {
      done = { ...base, run: null, runError: e instanceof Error ? e.message : String(e) };
    }
    setBusy(null);
    setPreview(null);
    setFile(null);
    setOutcome(done);
    router.refresh();
    void queryClient.invalidateQueries({ queryKey: queryKeys.alertSummary(portfolio) });
  }, [fail, file, mapping, mode, portfolio, preview, queryClient, reading, router, send, validOnly]);

  const cancel = useCallback(() => current.current?.abort(), []);

  const reset = useCallback(() => {
    current.current?.abort();
    setFile(null);
    setPreview(null);
    setBusy(null);
    setError(null);
    setOutcome(null);
    setValidOnly(false);
    setReadingState({});
    setMapping({});
  }, []);

  return {
    file,
    mode,
    reading,
    mapping,
    validOnly,
    preview,
    busy,
    error,
    outcome,
    choose,
    setMode,
    setValidOnly,
    setReading,
    setColumn,
    runImport,
    cancel,
    reset,
  };
}
