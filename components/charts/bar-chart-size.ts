// Shared by the bar chart (client) and its skeleton (server), so the placeholder has the chart's height.
const ROW_HEIGHT = 30;
const CHROME_HEIGHT = 56;

export const barChartHeight = (bars: number): number => Math.max(bars, 1) * ROW_HEIGHT + CHROME_HEIGHT;
