// What the tooltip and the details strip say about one interval or marker: plain label/value pairs
// (the DOM puts them in with textContent). Pure, so it is unit-tested in Node.
import { AGENT_STATE_LABEL } from '../../domain/agentState';
import { FLAG_OPEN, MARKER_LOGIN, stateOfCode, type ColumnarDataset } from '../../shared/columnar';
import { laneLabels } from '../../shared/laneLabels';
import type { TimeZoneMode } from '../../shared/protocol';
import { formatDuration, formatStamp } from '../../shared/timeFormat';
import type { OverLimitDetail } from './overLimitSearch';

export interface DetailLine { label: string; value: string }
export interface Details { title: string; state?: number; lines: DetailLine[] }

/** "over the limit by 12 min (rule: Away · Lunch: 30 min)" */
export function overLimitText(over: OverLimitDetail): string {
  return `over the limit by ${formatDuration(over.ms)}${over.open ? ' so far' : ''} (rule: ${over.rule})`;
}

export function intervalDetails(ds: ColumnarDataset, lane: number, i: number, tz: TimeZoneMode, now: number, over?: OverLimitDetail): Details {
  const open = (ds.flags[i] & FLAG_OPEN) !== 0;
  const end = ds.end[i];
  const lines: DetailLine[] = [
    { label: 'State', value: AGENT_STATE_LABEL[stateOfCode(ds.state[i])] },
  ];
  const reason = ds.reasons[ds.reason[i]];
  if (reason) lines.push({ label: 'Reason', value: reason });
  lines.push({ label: 'Start', value: formatStamp(ds.start[i], tz, true) });
  lines.push({ label: 'End', value: open ? (end >= now - 1000 ? 'still going (now)' : `${formatStamp(end, tz, true)} (still going)`) : formatStamp(end, tz, true) });
  lines.push({ label: 'Duration', value: `${formatDuration(end - ds.start[i])}${open ? ' so far' : ''}` });
  if (over) lines.push({ label: 'Time limit', value: overLimitText(over) });
  const session = ds.sessions[ds.session[i]];
  lines.push({ label: 'Session', value: session || '—' });
  return { title: laneLabels(ds.lanes)[lane] ?? '', state: ds.state[i], lines };
}

export function markerDetails(ds: ColumnarDataset, lane: number, m: number, tz: TimeZoneMode): Details {
  return {
    title: laneLabels(ds.lanes)[lane] ?? '',
    lines: [
      { label: ds.markerKind[m] === MARKER_LOGIN ? 'Logged in' : 'Logged out', value: formatStamp(ds.markerTime[m], tz, true) },
    ],
  };
}

/** One line for a screen reader / the details strip. */
export function detailsSentence(d: Details): string {
  return `${d.title}: ${d.lines.map(l => `${l.label} ${l.value}`).join(', ')}`;
}
