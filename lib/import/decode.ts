// A text file's bytes as text: UTF-8 with or without a byte-order mark, UTF-16 with one, and
// Windows-1252 (what Excel on Windows writes as "CSV (Comma delimited)") when the bytes are not UTF-8.

import { AppError } from "@/lib/errors";

import { DELIMITERS, type Delimiter, type TextEncodingName } from "./interpretation";

export interface DecodedText {
  /** Without the byte-order mark. */
  text: string;
  encoding: TextEncodingName;
}

/** The first bytes of the file, however it was cut into parts. */
function head(parts: readonly Uint8Array[], length: number): number[] {
  const bytes: number[] = [];
  for (const part of parts) {
    for (let i = 0; i < part.length && bytes.length < length; i++) bytes.push(part[i] as number);
    if (bytes.length === length) break;
  }
  return bytes;
}

/** Decoded a part at a time, so the bytes never exist twice; a character split between parts is read whole. */
function decodeAs(encoding: TextEncodingName, parts: readonly Uint8Array[], fatal: boolean): string {
  // The decoder drops a byte-order mark of its own encoding (ignoreBOM: false).
  const decoder = new TextDecoder(encoding, { fatal });
  // One part (an upload handed over whole) decodes straight into one string: pieces joined
  // would hold the text twice at the end of the decode. One-shot, Node 20 makes ASCII text a
  // string of one byte a character (76 MB for a 76 MB file, not 152); but its one-shot decode
  // reads windows-1252 as Latin-1 (0x97 became U+0097, not an em dash), so that one streams.
  const [only] = parts;
  if (parts.length === 1 && only !== undefined)
    return encoding === "windows-1252"
      ? decoder.decode(only, { stream: true }) + decoder.decode()
      : decoder.decode(only);
  const pieces: string[] = [];
  for (const part of parts) pieces.push(decoder.decode(part, { stream: true }));
  pieces.push(decoder.decode());
  return pieces.join("");
}

/**
 * A byte-order mark names the encoding; without one the file is UTF-8 when its bytes are valid
 * UTF-8 (plain ASCII is both), else Windows-1252, where every byte is a character.
 */
export function decodeTextParts(parts: readonly Uint8Array[]): DecodedText {
  const [a, b] = head(parts, 2);
  const utf16: TextEncodingName | null =
    a === 0xff && b === 0xfe ? "utf-16le" : a === 0xfe && b === 0xff ? "utf-16be" : null;
  if (utf16 !== null) {
    try {
      return { text: decodeAs(utf16, parts, true), encoding: utf16 };
    } catch {
      throw new AppError("invalid_data", "the file starts with a UTF-16 byte-order mark but is not UTF-16 text");
    }
  }
  try {
    return { text: decodeAs("utf-8", parts, true), encoding: "utf-8" };
  } catch {
    return { text: decodeAs("windows-1252", parts, false), encoding: "windows-1252" };
  }
}

/** Text handed over as a string (a test, the CLI): only a byte-order mark to drop. */
export function textOf(data: string): DecodedText {
  return { text: data.charCodeAt(0) === 0xfeff ? data.slice(1) : data, encoding: "utf-8" };
}

// A header longer than this is not a header: stop looking for its end.
const MAX_HEADER_CHARS = 1 << 16;

/**
 * The separator of the first non-blank line: whichever of , ; tab | it holds most often outside
 * quotes (a tie goes to the earlier in that list); a comma when it holds none.
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let content = false;
  const end = Math.min(text.length, MAX_HEADER_CHARS);
  for (let i = 0; i < end; i++) {
    const char = text.charAt(i);
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) {
      if (content) break;
    } else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
    if (char.trim() !== "") content = true;
  }
  let best: Delimiter = ",";
  for (const delimiter of DELIMITERS) if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}
