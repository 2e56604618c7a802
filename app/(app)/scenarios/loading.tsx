import { ScenarioBuilderSkeleton, ScenariosHeader } from "@/components/scenarios/scenario-skeleton";

export default function ScenariosLoading() {
  return (
    <>
      <ScenariosHeader />
      <ScenarioBuilderSkeleton />
    </>
  );
}
