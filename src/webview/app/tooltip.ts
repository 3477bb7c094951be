// The hover tooltip: built with textContent only (agent names and reason texts are server text).
import type { Details } from '../model/intervalDetails';

export class Tooltip {
  constructor(readonly el: HTMLDivElement) {
    el.setAttribute('role', 'tooltip');
    el.hidden = true;
  }

  show(d: Details, x: number, y: number, swatchClass: string | undefined): void {
    const el = this.el;
    el.replaceChildren();
    const title = document.createElement('div');
    title.className = 'tt-title';
    if (swatchClass) {
      const sw = document.createElement('span');
      sw.className = `swatch ${swatchClass}`;
      title.appendChild(sw);
    }
    title.appendChild(document.createTextNode(d.title));
    el.appendChild(title);
    const grid = document.createElement('div');
    grid.className = 'tt-grid';
    for (const line of d.lines) {
      const k = document.createElement('span');
      k.className = 'tt-label';
      k.textContent = line.label;
      const v = document.createElement('span');
      v.textContent = line.value;
      grid.append(k, v);
    }
    el.appendChild(grid);
    el.hidden = false;
    // keep it inside the chart
    const host = el.offsetParent as HTMLElement | null;
    const maxX = (host?.clientWidth ?? window.innerWidth) - el.offsetWidth - 4;
    const maxY = (host?.clientHeight ?? window.innerHeight) - el.offsetHeight - 4;
    const left = x + 14 > maxX ? x - el.offsetWidth - 14 : x + 14;
    el.style.left = `${Math.max(4, Math.min(maxX, left))}px`;
    el.style.top = `${Math.max(4, Math.min(maxY, y + 14))}px`;
  }

  hide(): void {
    this.el.hidden = true;
  }
}
