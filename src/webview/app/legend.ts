// The legend: each state with its swatch (colour AND pattern, same as the bars) and the markers.
import { AGENT_STATES, AGENT_STATE_LABEL } from '../../domain/agentState';

/** CSS class of each state code's swatch (see styles.css). */
export const STATE_CLASS = ['online', 'backSoon', 'away', 'offline'];

export function renderLegend(root: HTMLElement): void {
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
  };
  AGENT_STATES.forEach((s, i) => item(STATE_CLASS[i], s === 'offline' ? `${AGENT_STATE_LABEL[s]} (thin)` : AGENT_STATE_LABEL[s]));
  item('login', 'Login');
  item('logout', 'Logout');
  item('now', 'Now (live state)');
}
