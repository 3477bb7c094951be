// The selected interval's details in their own strip under the legend: the agent, then every
// label/value pair (state, reason, start, end, duration, session), wrapping onto more lines when the
// panel is narrow — never cut. Server text (names, reasons) goes in with textContent.
import type { Details } from '../model/intervalDetails';
import { detailsSentence } from '../model/intervalDetails';

export function renderDetails(root: HTMLElement, details: Details | undefined): void {
  root.replaceChildren();
  if (!details) { root.hidden = true; root.removeAttribute('aria-label'); return; }
  const title = document.createElement('span');
  title.className = 'd-title';
  title.textContent = details.title;
  root.appendChild(title);
  for (const line of details.lines) {
    const item = document.createElement('span');
    item.className = 'd-item';
    item.dataset.label = line.label;
    const label = document.createElement('span');
    label.className = 'd-label';
    label.textContent = line.label;
    const value = document.createElement('span');
    value.className = 'd-value';
    value.textContent = line.value;
    item.append(label, value);
    root.appendChild(item);
  }
  root.setAttribute('aria-label', `Selected: ${detailsSentence(details)}`);
  root.hidden = false;
}
