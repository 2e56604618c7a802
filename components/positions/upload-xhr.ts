import type { FileColumn, RowIssue } from "./upload-model";

// fetch() cannot report upload progress; XMLHttpRequest's upload.onprogress can.

export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly details: RowIssue[] = [],
    /** A file without a column for position_value: its columns, to map one. */
    readonly columns: FileColumn[] | null = null,
  ) {
    super(message);
    this.name = "UploadError";
  }
}

export interface UploadCallbacks {
  onProgress(loaded: number, total: number): void;
  /** The request body has been sent; the server is working on it. */
  onUploaded(): void;
}

export interface Upload<T> {
  result: Promise<T>;
  abort(): void;
}

interface ErrorBody {
  error?: {
    message?: string;
    details?: Array<{ row?: number; field: string; message: string }>;
    columns?: FileColumn[];
  };
}

function errorOf(xhr: XMLHttpRequest): UploadError {
  let body: ErrorBody = {};
  try {
    body = JSON.parse(xhr.responseText) as ErrorBody;
  } catch {
    // not JSON: keep the generic message
  }
  const details = (body.error?.details ?? []).map((d) => ({ row: d.row ?? 0, field: d.field, message: d.message }));
  return new UploadError(
    body.error?.message ?? `The server answered ${xhr.status} ${xhr.statusText}`.trim(),
    xhr.status,
    details,
    body.error?.columns ?? null,
  );
}

/** POSTs `file` as multipart field "file" and resolves with the JSON answer. */
export function uploadFile<T>(url: string, file: File, callbacks: UploadCallbacks): Upload<T> {
  const xhr = new XMLHttpRequest();
  const result = new Promise<T>((resolve, reject) => {
    xhr.open("POST", url);
    xhr.responseType = "text";
    xhr.upload.onprogress = (event) =>
      callbacks.onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.upload.onload = () => callbacks.onUploaded();
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) return reject(errorOf(xhr));
      try {
        resolve(JSON.parse(xhr.responseText) as T);
      } catch {
        reject(new UploadError("The server's answer could not be read.", xhr.status));
      }
    };
    xhr.onerror = () => reject(new UploadError("The upload failed: the server could not be reached.", 0));
    xhr.onabort = () => reject(new UploadError("Upload cancelled.", 0));
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
  return { result, abort: () => xhr.abort() };
}
