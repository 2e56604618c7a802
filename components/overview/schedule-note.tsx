import { formatDateTime } from "@/lib/display/format";
import type { PortfolioContext } from "@/lib/services/context";
import { getSchedule } from "@/lib/services/schedules";

/** When the portfolio recomputes by itself, if it does: its cron (UTC) and the next run. */
export async function ScheduleNote({ ctx }: { ctx: PortfolioContext }) {
  const schedule = await getSchedule(ctx);
  if (schedule.cron === null) return null;
  return (
    <p className="-mt-4 mb-4 text-xs text-muted" data-testid="schedule-note">
      Recomputes on schedule <code className="font-mono text-text">{schedule.cron}</code> (UTC)
      {schedule.nextRunAt && (
        <>
          {" "}
          · next <time dateTime={schedule.nextRunAt}>{formatDateTime(schedule.nextRunAt)}</time>
        </>
      )}
    </p>
  );
}
