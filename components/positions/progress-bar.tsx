// Kept with the component rather than in globals.css; React hoists and de-duplicates it.
const SLIDE = "@keyframes progress-slide { from { left: -33%; } to { left: 100%; } }";

/**
 * A labelled progress bar. With a value it is determinate (aria-valuenow); without one it is
 * indeterminate, and the label (aria-valuetext) says what is happening instead.
 */
export function ProgressBar({ label, value, testId }: { label: string; value?: number; testId?: string }) {
  const determinate = value !== undefined;
  return (
    <div>
      {!determinate && (
        <style href="progress-slide" precedence="default">
          {SLIDE}
        </style>
      )}
      <div className="mb-1 flex justify-between gap-2 text-xs text-muted">
        <span>{label}</span>
        {determinate && <span aria-hidden="true">{value} %</span>}
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={determinate ? value : undefined}
        aria-valuetext={determinate ? `${value} %` : label}
        data-testid={testId}
        className="relative h-2 overflow-hidden rounded-full bg-surface-2"
      >
        {determinate ? (
          <div className="h-full rounded-full bg-accent transition-[width]" style={{ width: `${value}%` }} />
        ) : (
          <div className="absolute inset-y-0 w-1/3 animate-[progress-slide_1.2s_ease-in-out_infinite] rounded-full bg-accent motion-reduce:w-full" />
        )}
      </div>
    </div>
  );
}
