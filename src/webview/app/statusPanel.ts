// Loading (pages fetched, Cancel), empty range, errors (with the next actions the host offers) and
// cancelled states, shown IN the panel over the chart area. Text goes in with textContent.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import type { LoadProgress, PanelActionId, PanelError } from '../../shared/protocol';

export class StatusPanel {
  constructor(private readonly root: HTMLElement, private readonly onAction: (a: PanelActionId | 'cancel') => void) {
    root.classList.add('status-panel');
    root.setAttribute('role', 'status');
    root.setAttribute('aria-live', 'polite');
    root.hidden = true;
  }

  hide(): void { this.root.hidden = true; this.root.replaceChildren(); this.root.dataset.kind = ''; }

  loading(p: LoadProgress | undefined): void {
    const bar = document.createElement('vscode-progress-bar');
    if (p?.totalPages && p.phase === 'activity') { bar.value = p.pages; bar.max = p.totalPages; }
    const text = !p ? 'Starting…'
      : p.phase === 'names' ? 'Loading agent names and status reasons…'
      : p.phase === 'live' ? `Fetched ${p.pages.toLocaleString()} pages (${p.received.toLocaleString()} state changes). Adding the live state…`
      : `Loading activity: ${p.pages.toLocaleString()}${p.totalPages ? ` of ${p.totalPages.toLocaleString()}` : ''} pages, ${p.received.toLocaleString()} state changes${p.chunks > 1 ? ` (window ${p.chunk + 1} of ${p.chunks})` : ''}…`;
    this.show('loading', 'Loading', text, [], [{ id: 'cancel', label: 'Cancel' }], bar);
  }

  error(e: PanelError): void {
    this.show('error', e.title, e.message, e.hint ? [e.hint] : [], e.actions);
  }
  empty(rangeText: string, scopeText: string): void {
    this.show('empty', 'No activity in this range',
      `Agent Activity has no state changes for ${scopeText} in ${rangeText}.`,
      ['Activity data lags about an hour behind live status. Try a longer range or other agents.'],
      [{ id: 'lastWeek', label: 'Show last 7 days' }, { id: 'pickAgents', label: 'Choose Agents…' }]);
  }
  cancelled(): void {
    this.show('cancelled', 'Loading cancelled', 'Nothing was loaded for this range.', [], [{ id: 'retry', label: 'Load Again' }]);
  }

  private show(kind: string, title: string, message: string, hints: string[], actions: { id: PanelActionId | 'cancel'; label: string }[], extra?: HTMLElement): void {
    const root = this.root;
    root.replaceChildren();
    root.dataset.kind = kind;
    const box = document.createElement('div');
    box.className = 'status-box';
    if (extra) box.appendChild(extra);
    const h = document.createElement('h2');
    h.textContent = title;
    const p = document.createElement('p');
    p.textContent = message;
    box.append(h, p);
    for (const hint of hints) {
      const hp = document.createElement('p');
      hp.className = 'hint';
      hp.textContent = hint;
      box.appendChild(hp);
    }
    if (actions.length) {
      const row = document.createElement('div');
      row.className = 'status-actions';
      actions.forEach((a, i) => {
        const b = document.createElement('vscode-button');
        b.textContent = a.label;
        b.secondary = i > 0;
        b.dataset.action = a.id;
        b.addEventListener('click', () => this.onAction(a.id));
        row.appendChild(b);
      });
      box.appendChild(row);
    }
    root.appendChild(box);
    root.hidden = false;
  }
}
