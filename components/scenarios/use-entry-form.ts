"use client";

import { type FormEvent, useState } from "react";
import { EMPTY_MSA, type MsaChoice } from "./msa-picker";

/**
 * What the purchase and shock forms share: their values and MSA choice, which fields were touched,
 * whether a submit was tried (so errors show), and the line under the button. `submit` adds the
 * entry only when `errors` is empty, then starts a fresh entry from `next`.
 */
export function useEntryForm<V extends object>(empty: V) {
  const [values, setValues] = useState<V>(empty);
  const [msa, setMsa] = useState<MsaChoice>(EMPTY_MSA);
  const [touched, setTouched] = useState<ReadonlySet<keyof V>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function set<K extends keyof V>(field: K, value: V[K]) {
    setValues((v) => ({ ...v, [field]: value }));
    setTouched((t) => new Set(t).add(field));
    setMessage(null);
  }

  /** A field's error, once it was touched or a submit was tried. */
  const shownFrom =
    (errors: Partial<Record<keyof V, string>>) =>
    (field: keyof V): string | undefined =>
      submitted || touched.has(field) ? errors[field] : undefined;

  const submit =
    (errors: object, add: () => void, done: string, next: (values: V) => V = () => empty) =>
    (event: FormEvent) => {
      event.preventDefault();
      setSubmitted(true);
      if (Object.keys(errors).length > 0) {
        setMessage({ ok: false, text: "Fix the highlighted fields first." });
        return;
      }
      add();
      setValues(next);
      setMsa(EMPTY_MSA);
      setTouched(new Set());
      setSubmitted(false);
      setMessage({ ok: true, text: done });
    };

  return { values, set, msa, setMsa, message, shownFrom, submit };
}
