"use server";

import { z } from "zod";
import { action, type Revalidate } from "../http/action";
import { idSchema, scenarioCreateSchema, scenarioUpdateSchema } from "../schemas";
import { createScenario, deleteScenario, type ScenarioDetail, updateScenario } from "../services/scenarios";
import { commitScenario, type ScenarioCommit } from "../services/scenarios-commit";

const invalid = "The scenario was not saved: check the highlighted fields.";
const saved: Revalidate[] = ["/scenarios", ["/scenarios/[id]", "page"]];
// A commit changes the book and today's run: every page that shows them.
const committed: Revalidate[] = [
  ...saved,
  "/",
  "/positions",
  "/alerts",
  "/trends",
  "/limits",
  ["/exposures/[dimension]", "page"],
];

export const saveScenarioAction = action(
  "manager",
  scenarioCreateSchema,
  (input, ctx): Promise<ScenarioDetail> => createScenario(ctx, input),
  { invalid, revalidate: saved },
);

export const updateScenarioAction = action(
  "manager",
  scenarioUpdateSchema.extend({ id: idSchema }),
  ({ id, ...patch }, ctx): Promise<ScenarioDetail> => updateScenario(ctx, id, patch),
  { invalid, revalidate: saved },
);

export const deleteScenarioAction = action(
  "manager",
  z.object({ id: idSchema }),
  ({ id }, ctx) => deleteScenario(ctx, id),
  { revalidate: saved },
);

export const commitScenarioAction = action(
  "manager",
  z.object({ id: idSchema }),
  ({ id }, ctx): Promise<ScenarioCommit> => commitScenario(ctx, id),
  { revalidate: committed },
);
