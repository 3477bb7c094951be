// Adaptive time-axis ticks: the step grows from minutes to hours to days as the window widens, so
// labels never crowd (at least `minSpacingPx` apart). Ticks sit on wall-clock boundaries of the
// chosen zone (midnight, whole hours…), so DST days still get their ticks at 00:00, 06:00, ….
import type { TimeZoneMode } from '../../shared/protocol';
import { MONTHS, WEEKDAYS, formatClock, fromParts, timeParts } from '../../shared/timeFormat';
import type { TimeWindow } from './timeScale';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Candidate steps in minutes (below a day) and days (from a day). */
const MINUTE_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720];
const DAY_STEPS = [1, 2, 7, 14];

export interface Tick {
  t: number;
  label: string;
  /** a day boundary (drawn stronger, labelled with the date) */
  major: boolean;
}
export interface AxisTicks {
  ticks: Tick[];
  /** the step chosen, ms (nominal) */
  stepMs: number;
  /** the day the window starts on, for a sticky context label ("Mon 23 Nov") */
  context: string;
}

export function chooseStepMs(windowMs: number, width: number, minSpacingPx: number): number {
  const pxPerMs = width / windowMs;
  for (const m of MINUTE_STEPS) if (m * MIN * pxPerMs >= minSpacingPx) return m * MIN;
  for (const d of DAY_STEPS) if (d * DAY * pxPerMs >= minSpacingPx) return d * DAY;
  return 28 * DAY;
}

const dayLabel = (t: number, tz: TimeZoneMode) => {
  const p = timeParts(t, tz);
  return `${WEEKDAYS[p.weekday]} ${p.day} ${MONTHS[p.month]}`;
};

export function axisTicks(w: TimeWindow, width: number, tz: TimeZoneMode, minSpacingPx = 84): AxisTicks {
  const ticks: Tick[] = [];
  const windowMs = w.end - w.start;
  const context = dayLabel(w.start, tz);
  if (!(windowMs > 0) || !(width > 0)) return { ticks, stepMs: 0, context };
  const stepMs = chooseStepMs(windowMs, width, minSpacingPx);
  const p0 = timeParts(w.start, tz);
  const maxTicks = Math.ceil(width / minSpacingPx) + 4;
  if (stepMs < DAY) {
    const stepMin = stepMs / MIN;
    // walk whole steps of wall-clock minutes from the start of the day the window starts on
    const firstIndex = Math.floor((p0.hour * 60 + p0.minute) / stepMin);
    for (let i = firstIndex; ticks.length < maxTicks * 3; i++) {
      const minuteOfDay = i * stepMin;
      const t = fromParts(tz, p0.year, p0.month, p0.day, 0, minuteOfDay);
      if (t > w.end) break;
      if (t < w.start) continue;
      const p = timeParts(t, tz);
      if (ticks.length && ticks[ticks.length - 1].t === t) continue; // DST fall-back repeats
      const major = p.hour === 0 && p.minute === 0;
      ticks.push({ t, major, label: major ? dayLabel(t, tz) : formatClock(t, tz) });
    }
  } else {
    const stepDays = stepMs / DAY;
    for (let k = 0; ticks.length < maxTicks * 3; k++) {
      const t = fromParts(tz, p0.year, p0.month, p0.day + k);
      if (t > w.end) break;
      if (t < w.start) continue;
      const p = timeParts(t, tz);
      const dayNumber = Math.round(Date.UTC(p.year, p.month, p.day) / DAY);
      // weeks start on Monday (epoch day 0 was a Thursday)
      const aligned = stepDays === 7 || stepDays === 14 ? (dayNumber + 3) % stepDays === 0 : stepDays >= 28 ? p.day === 1 : dayNumber % stepDays === 0;
      if (!aligned) continue;
      ticks.push({ t, major: true, label: stepDays >= 7 ? `${p.day} ${MONTHS[p.month]}` : dayLabel(t, tz) });
    }
  }
  return { ticks, stepMs, context };
}

/** Where a tick's label goes: `pad` px right of its tick. */
export const AXIS_LABEL_PAD = 4;
/**
 * Which tick labels the axis draws, given each tick's x and its label's width: a label that would
 * run past the right edge, overlap the previous label, or the sticky context label at the left
 * (`reservedLeft` px) is left out rather than clipped. Returns the indexes drawn.
 */
export function placeAxisLabels(items: readonly { x: number; width: number }[], width: number, reservedLeft = 0, gap = 6): number[] {
  const drawn: number[] = [];
  let lastEnd = reservedLeft;
  items.forEach((it, i) => {
    const x = it.x + AXIS_LABEL_PAD;
    if (it.x < reservedLeft || x < lastEnd) return;
    if (x + it.width > width - 2) return;
    drawn.push(i);
    lastEnd = x + it.width + gap;
  });
  return drawn;
}
