// The horizontal scale of the timeline: a visible time window mapped onto a pixel width, with the
// zoom and pan operations the UI applies to it. Immutable values; pure functions; no DOM.

export interface TimeWindow { start: number; end: number }

/** Smallest window the user can zoom into (one minute) — below that the data has no detail. */
export const MIN_SPAN_MS = 60_000;

export function span(w: TimeWindow): number { return w.end - w.start; }
/** x (CSS px from the left of the plot) of time t. */
export function timeToX(w: TimeWindow, width: number, t: number): number {
  return ((t - w.start) / (w.end - w.start)) * width;
}
export function xToTime(w: TimeWindow, width: number, x: number): number {
  return w.start + (x / width) * (w.end - w.start);
}

/**
 * Keeps a window inside the bounds (the fetched range) and no narrower than MIN_SPAN_MS; a window
 * wider than the bounds becomes the bounds. Keeps the span when sliding back inside.
 */
export function clampWindow(w: TimeWindow, bounds: TimeWindow): TimeWindow {
  const maxSpan = bounds.end - bounds.start;
  let s = Math.min(Math.max(w.end - w.start, Math.min(MIN_SPAN_MS, maxSpan)), maxSpan);
  if (!(s > 0)) s = maxSpan;
  let start = w.start;
  if (start < bounds.start) start = bounds.start;
  if (start + s > bounds.end) start = bounds.end - s;
  return { start, end: start + s };
}

/** Zoom by `factor` (< 1 zooms in) keeping time under `anchorX` fixed. */
export function zoomAt(w: TimeWindow, width: number, anchorX: number, factor: number, bounds: TimeWindow): TimeWindow {
  const anchor = xToTime(w, width, anchorX);
  const s = (w.end - w.start) * factor;
  const frac = width > 0 ? anchorX / width : 0.5;
  const maxSpan = bounds.end - bounds.start;
  const ns = Math.max(Math.min(s, maxSpan), Math.min(MIN_SPAN_MS, maxSpan));
  return clampWindow({ start: anchor - ns * frac, end: anchor - ns * frac + ns }, bounds);
}

/** Pan by dx pixels (positive dx moves the view to earlier time, like dragging the content right). */
export function panByPixels(w: TimeWindow, width: number, dx: number, bounds: TimeWindow): TimeWindow {
  const dt = (dx / width) * (w.end - w.start);
  return clampWindow({ start: w.start - dt, end: w.end - dt }, bounds);
}

/** The window between two x positions (drag-select), clamped. */
export function windowBetween(w: TimeWindow, width: number, x0: number, x1: number, bounds: TimeWindow): TimeWindow {
  const a = xToTime(w, width, Math.min(x0, x1));
  const b = xToTime(w, width, Math.max(x0, x1));
  return clampWindow({ start: a, end: b }, bounds);
}

/** Wheel delta → zoom factor (smooth for trackpads, a fixed step per mouse notch). */
export function wheelZoomFactor(deltaY: number, deltaMode: number): number {
  const px = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(Math.max(-200, Math.min(200, px)) * 0.002);
}
