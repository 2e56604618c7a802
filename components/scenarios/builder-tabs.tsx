"use client";

import { type KeyboardEvent, type ReactNode, useId, useRef } from "react";

export interface Tab<K extends string> {
  key: K;
  label: string;
  panel: ReactNode;
}

/**
 * Tabs as the ARIA pattern describes them: one tab stop, arrows (and Home/End) move between tabs.
 * Every panel stays mounted, so a half-filled form survives a look at another tab.
 */
export function BuilderTabs<K extends string>({
  label,
  tabs,
  active,
  onSelect,
}: {
  label: string;
  tabs: ReadonlyArray<Tab<K>>;
  active: K;
  onSelect: (key: K) => void;
}) {
  const id = useId();
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const index = tabs.findIndex((t) => t.key === active);

  const onKeyDown = (event: KeyboardEvent) => {
    const last = tabs.length - 1;
    const next =
      event.key === "ArrowRight"
        ? (index + 1) % tabs.length
        : event.key === "ArrowLeft"
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    const tab = next === null ? undefined : tabs[next];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.key);
    refs.current.get(tab.key)?.focus();
  };

  return (
    <div>
      <div role="tablist" aria-label={label} className="mb-3 flex gap-1 border-b border-border" onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const selected = tab.key === active;
          return (
            <button
              key={tab.key}
              ref={(el) => {
                if (el) refs.current.set(tab.key, el);
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${tab.key}`}
              aria-selected={selected}
              aria-controls={`${id}-panel-${tab.key}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => onSelect(tab.key)}
              className={`-mb-px rounded-t-md border-b-2 px-3 py-1.5 text-sm font-medium ${selected ? "border-accent text-accent" : "border-transparent text-muted hover:text-text"}`}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.key}
          role="tabpanel"
          id={`${id}-panel-${tab.key}`}
          aria-labelledby={`${id}-tab-${tab.key}`}
          hidden={tab.key !== active}
        >
          {tab.panel}
        </div>
      ))}
    </div>
  );
}
