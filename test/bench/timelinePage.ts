// A static page that loads the REAL built webview (dist/webview/timeline.js + .css) with the same
// HTML and CSP the extension uses, a stand-in for acquireVsCodeApi, and VS Code theme variables;
// served on 127.0.0.1 and driven in headless Chromium (playwright-core). Used by the render
// benchmark and by the screenshot script (timelineScreens.ts).
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { timelineHtml } from '../../src/timeline/panelHtml';

const ROOT = path.resolve(__dirname, '../../..');
export type ThemeKind = 'dark' | 'light' | 'hc';

const THEMES: Record<ThemeKind, { bodyClass: string; vars: Record<string, string> }> = {
  dark: {
    bodyClass: 'vscode-dark',
    vars: {
      'editor-background': '#1f1f1f', 'editor-foreground': '#cccccc', foreground: '#cccccc', descriptionForeground: '#9d9d9d',
      'charts-green': '#89d185', 'charts-yellow': '#cca700', 'charts-orange': '#d18616', 'charts-red': '#f14c4c', 'charts-blue': '#3794ff', 'charts-lines': 'rgba(204, 204, 204, 0.5)', 'charts-foreground': '#cccccc',
      'panel-border': '#2b2b2b', 'widget-border': '#313131', focusBorder: '#0078d4', 'errorForeground': '#f85149',
      'button-background': '#0078d4', 'button-foreground': '#ffffff', 'button-hoverBackground': '#026ec1', 'button-border': 'rgba(255, 255, 255, 0.07)',
      'button-secondaryBackground': '#313131', 'button-secondaryForeground': '#cccccc', 'button-secondaryHoverBackground': '#3c3c3c',
      'input-background': '#313131', 'input-border': '#3c3c3c', 'input-foreground': '#cccccc', 'dropdown-background': '#313131', 'dropdown-border': '#3c3c3c', 'dropdown-foreground': '#cccccc',
      'checkbox-background': '#313131', 'checkbox-border': '#3c3c3c', 'list-hoverBackground': '#2a2d2e', 'list-inactiveSelectionBackground': '#37373d', 'list-activeSelectionBackground': '#04395e',
      'editorHoverWidget-background': '#202020', 'editorHoverWidget-border': '#454545', 'editorWidget-background': '#202020', 'widget-shadow': 'rgba(0, 0, 0, 0.36)',
      'sideBar-background': '#181818', 'progressBar-background': '#0078d4', 'notifications-background': '#1f1f1f', 'notifications-border': '#2b2b2b',
      'font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif', 'font-size': '13px', 'font-weight': 'normal',
    },
  },
  light: {
    bodyClass: 'vscode-light',
    vars: {
      'editor-background': '#ffffff', 'editor-foreground': '#3b3b3b', foreground: '#3b3b3b', descriptionForeground: '#717171',
      'charts-green': '#388a34', 'charts-yellow': '#bf8803', 'charts-orange': '#d18616', 'charts-red': '#e51400', 'charts-blue': '#1a85ff', 'charts-lines': 'rgba(97, 97, 97, 0.5)', 'charts-foreground': '#616161',
      'panel-border': '#e5e5e5', 'widget-border': '#e5e5e5', focusBorder: '#005fb8', 'errorForeground': '#f85149',
      'button-background': '#005fb8', 'button-foreground': '#ffffff', 'button-hoverBackground': '#0258a8', 'button-border': 'rgba(0, 0, 0, 0.1)',
      'button-secondaryBackground': '#e5e5e5', 'button-secondaryForeground': '#3b3b3b', 'button-secondaryHoverBackground': '#cccccc',
      'input-background': '#ffffff', 'input-border': '#cecece', 'input-foreground': '#3b3b3b', 'dropdown-background': '#ffffff', 'dropdown-border': '#cecece', 'dropdown-foreground': '#3b3b3b',
      'checkbox-background': '#f8f8f8', 'checkbox-border': '#cecece', 'list-hoverBackground': '#f2f2f2', 'list-inactiveSelectionBackground': '#e4e6f1', 'list-activeSelectionBackground': '#e8e8e8',
      'editorHoverWidget-background': '#f8f8f8', 'editorHoverWidget-border': '#c8c8c8', 'editorWidget-background': '#f8f8f8', 'widget-shadow': 'rgba(0, 0, 0, 0.16)',
      'sideBar-background': '#f8f8f8', 'progressBar-background': '#005fb8', 'notifications-background': '#ffffff', 'notifications-border': '#e5e5e5',
      'font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif', 'font-size': '13px', 'font-weight': 'normal',
    },
  },
  hc: {
    bodyClass: 'vscode-high-contrast',
    vars: {
      'editor-background': '#000000', 'editor-foreground': '#ffffff', foreground: '#ffffff', descriptionForeground: '#ffffff',
      'charts-green': '#89d185', 'charts-yellow': '#ffd700', 'charts-orange': '#ff8c00', 'charts-red': '#f48771', 'charts-blue': '#3794ff', 'charts-lines': 'rgba(255, 255, 255, 0.6)', 'charts-foreground': '#ffffff',
      'contrastBorder': '#6fc3df', 'panel-border': '#6fc3df', focusBorder: '#f38518', 'errorForeground': '#f48771',
      'button-background': '#000000', 'button-foreground': '#ffffff', 'button-border': '#6fc3df', 'button-secondaryBackground': '#000000', 'button-secondaryForeground': '#ffffff',
      'input-background': '#000000', 'input-border': '#6fc3df', 'input-foreground': '#ffffff', 'dropdown-background': '#000000', 'dropdown-border': '#6fc3df', 'dropdown-foreground': '#ffffff',
      'checkbox-background': '#000000', 'checkbox-border': '#6fc3df', 'list-hoverBackground': 'rgba(0,0,0,0)', 'list-inactiveSelectionBackground': 'rgba(0,0,0,0)',
      'editorHoverWidget-background': '#0c141f', 'editorHoverWidget-border': '#6fc3df', 'editorWidget-background': '#0c141f', 'widget-shadow': 'rgba(0,0,0,0)',
      'font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif', 'font-size': '13px', 'font-weight': 'normal',
    },
  },
};

const STUB = `window.acquireVsCodeApi = () => ({
  postMessage: m => { (window.__posted = window.__posted || []).push(m); },
  getState: () => window.__state,
  setState: s => { window.__state = s; },
});`;

export interface PageServer { url(theme: ThemeKind): string; close(): Promise<void> }

export async function startPageServer(): Promise<PageServer> {
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (u.pathname === '/page') {
      const kind = (u.searchParams.get('theme') ?? 'dark') as ThemeKind;
      const theme = THEMES[kind] ?? THEMES.dark;
      const nonce = 'benchnonce' + Math.floor(Math.random() * 1e9);
      let html = timelineHtml({ cspSource: origin, scriptUri: `${origin}/dist/webview/timeline.js`, styleUri: `${origin}/dist/webview/timeline.css`, title: 'Activity Timeline', nonce });
      html = html
        .replace('</head>', `<link rel="stylesheet" href="${origin}/theme.css?kind=${kind}">\n</head>`)
        .replace('<body>', `<body class="${theme.bodyClass}">\n<script nonce="${nonce}" src="${origin}/stub.js"></script>`);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
      return;
    }
    if (u.pathname === '/stub.js') { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(STUB); return; }
    if (u.pathname === '/theme.css') {
      const theme = THEMES[(u.searchParams.get('kind') ?? 'dark') as ThemeKind] ?? THEMES.dark;
      const v = theme.vars;
      // VS Code also defines the settings-editor variables the elements use; mirror them
      Object.assign(v, {
        'settings-dropdownBackground': v['dropdown-background'], 'settings-dropdownBorder': v['dropdown-border'], 'settings-dropdownForeground': v['dropdown-foreground'],
        'settings-textInputBackground': v['input-background'], 'settings-textInputBorder': v['input-border'], 'settings-textInputForeground': v['input-foreground'],
        'settings-checkboxBackground': v['checkbox-background'], 'settings-checkboxBorder': v['checkbox-border'], 'settings-checkboxForeground': v.foreground,
        'dropdown-listBackground': v['dropdown-background'], 'list-activeSelectionForeground': v.foreground, 'quickInput-background': v['dropdown-background'],
      });
      res.writeHead(200, { 'content-type': 'text/css' });
      res.end(`html { ${Object.entries(theme.vars).map(([k, v]) => `--vscode-${k}: ${v};`).join(' ')} }`);
      return;
    }
    const file = path.join(ROOT, path.normalize(u.pathname).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(path.join(ROOT, 'dist')) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': file.endsWith('.css') ? 'text/css' : 'text/javascript' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: theme => `http://127.0.0.1:${port}/page?theme=${theme}`,
    close: () => new Promise(resolve => server.close(() => resolve())),
  };
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Runs IN THE PAGE (serialised by playwright): builds a synthetic columnar dataset of `lanes` lanes
 * × `perLane` intervals over [from, to) and delivers init + data to the app as host messages.
 * Self-contained on purpose — no imports, no closures.
 */
export function deliverSyntheticData(args: { lanes: number; perLane: number; from: number; to: number; now: number; view?: { start: number; end: number }; density?: string; groupByGroup?: boolean; timeZone?: string }): number {
  let seed = 12345;
  const rnd = () => { seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  const first = ['Ava', 'Noah', 'Mia', 'Liam', 'Zoë', 'Omar', 'Hana', 'Luca', 'Sofía', 'Kenji', 'Amara', 'Jonas', 'Priya', 'Mateo', 'Elif', 'Tomás'];
  const last = ['Cohen', 'Okafor', 'Müller', 'Rossi', 'Tanaka', 'Haddad', 'Silva', 'Novak', 'Larsen', 'Kaur', 'Dubois', 'Nguyen'];
  const groups = [['g1', 'Tier 1 Support'], ['g2', 'Billing'], ['g3', 'Sales — EMEA'], ['g4', 'VIP <Escalations>']];
  const reasons = ['', 'Lunch', 'Coffee break', 'Meeting', 'Training', 'Coaching session with team lead', '<b>Not HTML</b> & "quotes"', 'Technical issue', 'Personal'];
  const n = args.lanes * args.perLane;
  const laneOffsets = new Uint32Array(args.lanes + 1);
  const start = new Float64Array(n); const end = new Float64Array(n); const state = new Uint8Array(n);
  const reason = new Uint16Array(n); const session = new Uint32Array(n); const flags = new Uint8Array(n);
  const markerOffsets = new Uint32Array(args.lanes + 1);
  const mTime: number[] = []; const mKind: number[] = [];
  const lanes = [];
  const sessions = [''];
  const perAgent: Record<string, unknown> = {};
  const overall = { byState: { online: 0, backSoon: 0, away: 0, offline: 0 } as Record<string, number>, byReason: {} as Record<string, { state: string; text: string; ms: number; overMs: number }>, loggedIn: 0, overMs: 0 };
  const names = ['online', 'backSoon', 'away', 'offline'];
  // the default time limits (Away 15 min, Back soon 10 min) marked as the host would: consecutive
  // intervals never share a state here, so each is its own episode
  const LIMIT_MS = [0, 10 * 60_000, 15 * 60_000, 0];
  const overOffsets = new Uint32Array(args.lanes + 1);
  const overIndex: number[] = []; const overFrom: number[] = []; const overRule: number[] = [];
  const weights = new Float64Array(args.perLane);
  const shiftStarts: number[] = [];
  let i = 0;
  for (let l = 0; l < args.lanes; l++) {
    const g = groups[l % groups.length];
    const agentId = String(1000000 + l);
    lanes.push({ agentId, name: `${first[l % first.length]} ${last[Math.floor(l / first.length) % last.length]}${l >= first.length * last.length ? ` ${Math.floor(l / (first.length * last.length)) + 1}` : ''}`, loginName: `agent${l}@example.com`, groupId: g[0], groupName: g[1] });
    laneOffsets[l] = i;
    markerOffsets[l] = mTime.length;
    overOffsets[l] = overIndex.length;
    // follow-the-sun shifts (three blocks of agents, 8 h apart): ~9 h a day logged in with many
    // short changes, logged out in between
    const DAY = 86_400_000;
    const block = Math.min(2, Math.floor((3 * l) / args.lanes));
    const shiftStart = (block * 8 + 1 + (l % 4) * 0.25) * 3_600_000;
    const shifts: [number, number][] = [];
    for (let d = Math.floor(args.from / DAY) - 1; d * DAY < args.to; d++) {
      const s0 = Math.max(args.from, d * DAY + shiftStart);
      const s1 = Math.min(args.to, d * DAY + shiftStart + 9 * 3_600_000);
      if (s1 - s0 > 600_000) shifts.push([s0, s1]);
    }
    const per = Math.max(1, Math.floor((args.perLane - 1) / Math.max(1, shifts.length)) - 1);
    let k0 = 0;
    shiftStarts.length = 0;
    for (let d = 0; d < shifts.length && k0 < args.perLane - 1; d++) {
      const k1 = Math.min(args.perLane - 1, d === shifts.length - 1 ? args.perLane - 1 : k0 + 1 + per);
      const [s0, s1] = shifts[d];
      let sum = 0;
      for (let k = k0 + 1; k < k1; k++) { weights[k] = 0.2 + rnd() * rnd() * 4; sum += weights[k]; }
      for (let k = k0 + 1; k < k1; k++) weights[k] *= (s1 - s0) / (sum || 1);
      weights[k0] = -1; // "logged out until the shift starts"
      shiftStarts.push(s0);
      k0 = k1;
    }
    for (let k = k0; k < args.perLane; k++) { weights[k] = -1; shiftStarts.push(args.to); }
    const startAt = args.from;
    let t = startAt;
    let prev = 3;
    let sess = 0;
    let day = 0;
    const tot = { byState: { online: 0, backSoon: 0, away: 0, offline: 0 } as Record<string, number>, byReason: {} as Record<string, { state: string; text: string; ms: number; overMs: number }>, loggedIn: 0, overMs: 0 };
    for (let k = 0; k < args.perLane; k++) {
      const r = rnd();
      let s = r < 0.6 ? 0 : r < 0.75 ? 1 : 2;
      if (s === prev) s = s === 0 ? 2 : 0;
      let dur = weights[k];
      if (dur < 0) { s = 3; dur = Math.max(0, shiftStarts[day++] - t); }
      if (k === args.perLane - 1) dur = Math.max(0, args.to - t);
      if (t + dur > args.to) dur = Math.max(0, args.to - t);
      start[i] = t; end[i] = t + dur; state[i] = s;
      if (prev === 3 && s !== 3) { mTime.push(t); mKind.push(0); sessions.push(String(90000000 + sessions.length)); sess = sessions.length - 1; }
      if (prev !== 3 && s === 3) { mTime.push(t); mKind.push(1); sess = 0; }
      session[i] = s === 3 ? 0 : sess;
      if (s === 2) reason[i] = 1 + Math.floor(rnd() * (reasons.length - 1));
      if (k === args.perLane - 1 && s !== 3) flags[i] = 1;
      tot.byState[names[s]] += dur; overall.byState[names[s]] += dur;
      if (s !== 3) { tot.loggedIn += dur; overall.loggedIn += dur; }
      const over = LIMIT_MS[s] && dur > LIMIT_MS[s] ? dur - LIMIT_MS[s] : 0;
      if (over) { overIndex.push(i); overFrom.push(t + LIMIT_MS[s]); overRule.push(s === 2 ? 0 : 1); tot.overMs += over; overall.overMs += over; }
      if (s === 2) {
        const key = String(reason[i]);
        const tr = (tot.byReason[key] ??= { state: 'away', text: reasons[reason[i]], ms: 0, overMs: 0 });
        const or = (overall.byReason[key] ??= { state: 'away', text: reasons[reason[i]], ms: 0, overMs: 0 });
        tr.ms += dur; or.ms += dur; tr.overMs += over; or.overMs += over;
      }
      t += dur; prev = s; i++;
    }
    perAgent[agentId] = tot;
  }
  laneOffsets[args.lanes] = i;
  markerOffsets[args.lanes] = mTime.length;
  overOffsets[args.lanes] = overIndex.length;
  const overLimit = { active: true, laneOffsets: overOffsets, index: Uint32Array.from(overIndex), from: Float64Array.from(overFrom), rule: Uint16Array.from(overRule), rules: ['Away: 15 min', 'Back soon: 10 min'] };
  const dataset = { lanes, laneOffsets, start, end, state, reason, session, flags, markerOffsets, markerTime: Float64Array.from(mTime), markerKind: Uint8Array.from(mKind), reasons, sessions };
  const ui = { version: 1, scope: { kind: 'all' }, range: { kind: 'custom', from: args.from, to: args.to }, timeZone: args.timeZone ?? 'utc', groupByGroup: args.groupByGroup ?? false, density: args.density ?? 'comfortable', ...(args.view ? { view: args.view } : {}) };
  const page = globalThis as unknown as { dispatchEvent(e: unknown): void; MessageEvent: new (type: string, init: { data: unknown }) => unknown };
  const send = (data: unknown) => page.dispatchEvent(new page.MessageEvent('message', { data }));
  send({ type: 'init', state: ui, title: 'Activity Timeline' });
  const t0 = performance.now();
  send({ type: 'data', requestId: 1, from: args.from, to: args.to, now: args.now, dataset, totals: { perAgent, overall }, overLimit, notes: [] });
  return t0;
}
