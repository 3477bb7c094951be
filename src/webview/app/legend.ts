// The legend: each state with its swatch (colour AND pattern, same as the bars), the markers, and —
// when a time limit is set — the over-limit mark.
import { AGENT_STATES, AGENT_STATE_LABEL } from '../../domain/agentState';

/** CSS class of each state code's swatch (see styles.css). */
export const STATE_CLASS = ['online', 'backSoon', 'away', 'offline'];

export interface Legend {
  /** shows the "over time limit" entry (when any limit is set) or hides it */
  setOverLimit(on: boolean): void;
}

export function renderLegend(root: HTMLElement): Legend {
  root.classList.add('legend');
  root.setAttribute('aria-label', 'Legend');
  const item = (cls: string, text: string) => {
    const s = document.createElement('span');
    s.className = 'legend-item';
    const sw = document.createElement('span');
    sw.className = `swatch ${cls}`;
    sw.setAttribute('aria-hidden', 'true');
    s.append(sw, document.createTextNode(text));
    root.appendChild(s);
    return s;
  };
  AGENT_STATES.forEach((s, i) => item(STATE_CLASS[i], s === 'offline' ? `${AGENT_STATE_LABEL[s]} (thin)` : AGENT_STATE_LABEL[s]));
  item('login', 'Login');
  item('logout', 'Logout');
  item('now', 'Now (live state)');
  const over = item('overLimit', 'Over time limit');
  over.hidden = true;
  return { setOverLimit: on => { over.hidden = !on; } };
}
