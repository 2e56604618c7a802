"use client";

import { useState } from "react";
import { hasRole, type Role } from "@/lib/auth/roles";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { NeedsRole } from "../ui/needs-role";
import { LimitForm, type ValueOptions } from "./limit-form";
import { EMPTY_LIMIT_FORM, fromLimit, type LimitFormValues } from "./limit-form-state";
import { type LimitRow, LimitsTable } from "./limits-table";
import { LIMIT_PRESETS } from "./presets";

interface Draft {
  /** Remounts the form, so a preset or another limit starts from clean state. */
  key: number;
  values: LimitFormValues;
  editingId: string | null;
  focus: boolean;
}

interface LimitsManagerProps {
  limits: LimitRow[];
  valueOptions: ValueOptions;
  /** The signed-in role: below manager, the limits are shown without the form and the buttons. */
  role: Role;
}

/** The limits table and the one form that creates and edits them; presets fill the form. */
export function LimitsManager({ limits, valueOptions, role }: LimitsManagerProps) {
  if (!hasRole(role, "manager")) {
    return (
      <div className="space-y-4">
        <NeedsRole what="Creating and changing limits" need="manager" role={role} />
        <Card title="Limits">
          <LimitsTable limits={limits} editingId={null} editable={false} onEdit={() => {}} onChanged={() => {}} />
        </Card>
      </div>
    );
  }
  return <LimitsEditor limits={limits} valueOptions={valueOptions} />;
}

function LimitsEditor({ limits, valueOptions }: { limits: LimitRow[]; valueOptions: ValueOptions }) {
  const [draft, setDraft] = useState<Draft>({ key: 0, values: EMPTY_LIMIT_FORM, editingId: null, focus: false });
  const [status, setStatus] = useState<string | null>(null);

  const open = (values: LimitFormValues, editingId: string | null, focus = true) => {
    setDraft((d) => ({ key: d.key + 1, values, editingId, focus }));
    setStatus(null);
  };

  return (
    <div className="space-y-4">
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={draft.editingId ? "Edit limit" : "New limit"} className="lg:col-span-2" id="limit-form">
          <LimitForm
            key={draft.key}
            initial={draft.values}
            editingId={draft.editingId}
            valueOptions={valueOptions}
            focusOnOpen={draft.focus}
            onDone={(message) => {
              open(EMPTY_LIMIT_FORM, null, false);
              setStatus(message);
            }}
            onCancel={() => open(EMPTY_LIMIT_FORM, null, false)}
            onSubmitStart={() => setStatus(null)}
          />
        </Card>
        <Card title="Start from a preset">
          <p className="mb-2 text-xs text-muted">Fills the form; review it, then create.</p>
          <ul className="flex flex-col items-start gap-2">
            {LIMIT_PRESETS.map((preset) => (
              <li key={preset.id}>
                <Button
                  data-testid={`preset-${preset.id}`}
                  aria-describedby={`preset-source-${preset.id}`}
                  onClick={() => open(preset.values, null)}
                >
                  {preset.label}
                </Button>
                <p id={`preset-source-${preset.id}`} className="mt-0.5 max-w-xs text-xs text-muted">
                  {preset.source}
                </p>
              </li>
            ))}
          </ul>
        </Card>
      </div>
      <Card
        title="Limits"
        actions={
          <p role="status" data-testid="limits-status" className="text-sm text-within">
            {status}
          </p>
        }
      >
        <LimitsTable
          limits={limits}
          editable
          editingId={draft.editingId}
          onEdit={(limit) => {
            open(fromLimit(limit), limit.id);
            document.getElementById("limit-form")?.scrollIntoView({ block: "nearest" });
          }}
          onChanged={(message, id) => {
            if (id === draft.editingId) open(EMPTY_LIMIT_FORM, null, false);
            setStatus(message);
          }}
        />
      </Card>
    </div>
  );
}
