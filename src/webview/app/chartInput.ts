// Mouse, touch and keyboard input of the chart:
//   wheel = zoom at the pointer (pinch / ctrl+wheel too), shift+wheel = scroll lanes, horizontal
//   wheel = pan; drag = pan; shift+drag or drag on the axis = select a range to zoom into;
//   click = select an interval; double-click = zoom in (shift: out); two-finger pinch on touch.
//   Keys: ←/→ pan, ↑/↓ previous/next agent, [ ] previous/next interval, + − zoom, 0 reset,
//   Enter zoom to the selection, Escape clear, PageUp/PageDown scroll.
import { STATE_CLASS } from './legend';
import { AXIS_HEIGHT } from './renderer';
import type { TimelineView } from './timelineView';
import { wheelZoomFactor, windowBetween } from '../model/timeScale';

const DRAG_THRESHOLD = 4;

export function attachChartInput(view: TimelineView): void {
  const canvas = view.canvas;
  const pointers = new Map<number, { x: number; y: number }>();
  let drag: { mode: 'pan' | 'select'; x0: number; y0: number; lastX: number; moved: boolean } | undefined;
  let pinchDist = 0;

  const local = (e: { clientX: number; clientY: number }) => {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  canvas.addEventListener('wheel', e => {
    if (!view.ds) return;
    e.preventDefault();
    const { x } = local(e);
    if (e.shiftKey && !e.ctrlKey) { view.scrollBy(e.deltaY || e.deltaX); return; }
    if (!e.ctrlKey && Math.abs(e.deltaX) > Math.abs(e.deltaY)) { view.panBy(-e.deltaX); return; }
    const f = wheelZoomFactor(e.ctrlKey ? e.deltaY * 4 : e.deltaY, e.deltaMode);
    view.zoomBy(f, x);
  }, { passive: false });

  canvas.addEventListener('pointerdown', e => {
    if (!view.ds || (e.pointerType === 'mouse' && e.button !== 0)) return;
    canvas.focus({ preventScroll: true, focusVisible: false } as FocusOptions); // keys work after a click; the ring stays for keyboard users
    const p = local(e);
    pointers.set(e.pointerId, p);
    canvas.setPointerCapture(e.pointerId);
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      pinchDist = Math.hypot(a.x - b.x, a.y - b.y);
      drag = undefined;
      return;
    }
    drag = { mode: e.shiftKey || p.y < AXIS_HEIGHT ? 'select' : 'pan', x0: p.x, y0: p.y, lastX: p.x, moved: false };
  });

  canvas.addEventListener('pointermove', e => {
    const p = local(e);
    if (pointers.has(e.pointerId)) pointers.set(e.pointerId, p);
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      const d = Math.hypot(a.x - b.x, a.y - b.y);
      if (pinchDist > 0 && d > 0) view.zoomBy(pinchDist / d, (a.x + b.x) / 2);
      pinchDist = d;
      return;
    }
    if (drag) {
      if (!drag.moved && Math.hypot(p.x - drag.x0, p.y - drag.y0) < DRAG_THRESHOLD) return;
      drag.moved = true;
      view.tooltip.hide();
      if (drag.mode === 'pan') { view.panBy(p.x - drag.lastX); drag.lastX = p.x; canvas.classList.add('panning'); }
      else { view.dragSelect = { x0: drag.x0, x1: Math.max(0, Math.min(view.plotWidth, p.x)) }; view.requestDraw(); }
      return;
    }
    hover(p.x, p.y);
  });

  const endPointer = (e: PointerEvent, cancelled: boolean) => {
    pointers.delete(e.pointerId);
    if (pointers.size < 2) pinchDist = 0;
    const d = drag;
    drag = undefined;
    canvas.classList.remove('panning');
    if (!d) return;
    const p = local(e);
    if (d.mode === 'select' && view.dragSelect) {
      const sel = view.dragSelect;
      view.dragSelect = undefined;
      if (!cancelled && Math.abs(sel.x1 - sel.x0) > DRAG_THRESHOLD) view.setWindow(windowBetween(view.window, view.plotWidth, sel.x0, sel.x1, view.bounds));
      view.requestDraw();
      return;
    }
    if (!d.moved && !cancelled) {
      const hit = view.hitTest(p.x, p.y);
      if (hit?.kind === 'interval') view.select(hit.lane, hit.index, false);
      else view.clearSelection();
    }
  };
  canvas.addEventListener('pointerup', e => endPointer(e, false));
  canvas.addEventListener('pointercancel', e => endPointer(e, true));
  canvas.addEventListener('pointerleave', () => {
    if (drag) return;
    view.tooltip.hide();
    if (view.hoverRow !== -1) { view.hoverRow = -1; view.requestDraw(); }
  });
  canvas.addEventListener('dblclick', e => {
    const { x } = local(e);
    view.zoomBy(e.shiftKey ? 2 : 0.5, x);
  });

  function hover(x: number, y: number): void {
    const hit = view.hitTest(x, y);
    const row = hit?.row ?? -1;
    if (row !== view.hoverRow) { view.hoverRow = row; view.requestDraw(); }
    const details = hit && view.detailsOf(hit);
    if (!details) { view.tooltip.hide(); return; }
    view.tooltip.show(details, x + canvas.offsetLeft, y + canvas.offsetTop, details.state !== undefined ? STATE_CLASS[details.state] : 'marker');
  }

  canvas.addEventListener('keydown', e => {
    if (!view.ds) return;
    const w = view.plotWidth;
    let handled = true;
    switch (e.key) {
      case 'ArrowLeft': view.panBy(w * (e.shiftKey ? 0.5 : 0.1)); break;
      case 'ArrowRight': view.panBy(-w * (e.shiftKey ? 0.5 : 0.1)); break;
      case 'ArrowUp': view.stepLane(-1); break;
      case 'ArrowDown': view.stepLane(1); break;
      case '[': view.stepInterval(-1); break;
      case ']': view.stepInterval(1); break;
      case '+': case '=': view.zoomBy(0.5); break;
      case '-': case '_': view.zoomBy(2); break;
      case '0': case 'Home': view.reset(); break;
      case 'Enter': view.zoomToSelection(); break;
      case 'Escape': view.dragSelect = undefined; view.clearSelection(); break;
      case 'PageDown': view.scrollBy(view.plotHeight * 0.9); break;
      case 'PageUp': view.scrollBy(-view.plotHeight * 0.9); break;
      default: handled = false;
    }
    if (handled) { e.preventDefault(); view.tooltip.hide(); }
  });
}
