"use client";

import { type KeyboardEvent, type ReactNode, useState } from "react";

const POPUP = "absolute left-0 right-0 z-20 mt-1 rounded-md border border-border bg-surface text-sm shadow-lg";

interface ComboboxProps<T> {
  /** The input's id: a <label htmlFor> names it. */
  id: string;
  text: string;
  onTextChange: (text: string) => void;
  options: readonly T[];
  optionKey: (option: T) => string;
  renderOption: (option: T) => ReactNode;
  /** An option shown but not pickable (it says why itself). */
  isDisabled?: (option: T) => boolean;
  onPick: (option: T) => void;
  /** Shown in the list when it has no options: "Searching…", "No match". */
  status?: string | null;
  placeholder?: string;
  invalid?: boolean;
  describedBy?: string | undefined;
  className: string;
}

/**
 * A text box with suggestions, as the ARIA combobox pattern describes: arrows move through the
 * suggestions, Enter picks one, Escape closes the list; the count is announced.
 */
export function Combobox<T>({
  id,
  text,
  onTextChange,
  options,
  optionKey,
  renderOption,
  isDisabled = () => false,
  onPick,
  status,
  placeholder,
  invalid = false,
  describedBy,
  className,
}: ComboboxProps<T>) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = `${id}-list`;
  const shown = open && text.trim() !== "" && (options.length > 0 || Boolean(status));
  const optionId = (i: number) => `${id}-option-${i}`;

  const pick = (option: T | undefined) => {
    if (option === undefined || isDisabled(option)) return;
    onPick(option);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      if (options.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (event.key === "Enter" && shown && active >= 0) {
      event.preventDefault();
      pick(options[active]);
    } else if (event.key === "Escape" && shown) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div className="relative">
      <input
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 ? optionId(active) : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder={placeholder}
        onChange={(e) => {
          onTextChange(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className={className}
      />
      <div
        id={listId}
        role="listbox"
        aria-label="Suggestions"
        hidden={!shown || options.length === 0}
        className={`${POPUP} max-h-72 overflow-auto py-1`}
      >
        {options.map((option, i) => {
          const disabled = isDisabled(option);
          return (
            // biome-ignore lint/a11y/useFocusableInteractive lint/a11y/useKeyWithClickEvents: the combobox pattern: focus stays in the input, which moves through the options (aria-activedescendant) and picks one with Enter.
            <div
              key={optionKey(option)}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              aria-disabled={disabled || undefined}
              // Keeps the focus in the input, so the click lands before the list closes.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(option)}
              onMouseEnter={() => setActive(i)}
              className={`px-3 py-1.5 ${disabled ? "cursor-not-allowed text-muted" : "cursor-pointer"} ${i === active ? "bg-surface-2" : ""}`}
            >
              {renderOption(option)}
            </div>
          );
        })}
      </div>
      {shown && options.length === 0 && <p className={`${POPUP} px-3 py-1.5 text-muted`}>{status}</p>}
      <p className="sr-only" aria-live="polite">
        {!shown ? "" : options.length > 0 ? `${options.length} suggestion${options.length === 1 ? "" : "s"}` : status}
      </p>
    </div>
  );
}
