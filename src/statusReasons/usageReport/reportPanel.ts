// One Reason Usage Report panel (host side): HTML set once (the timeline's strict CSP: only the
// nonce'd script), waits for the app's `ready`, validates every inbound message, loads the usage of
// a range in a zone with progress and cancellation (the feature's shared usage source; the other
// zone from the report's own source), posts the rows, and runs exports (CSV through the prompter's
// save dialog, then opened; Markdown to the clipboard).
import * as vscode from 'vscode';
import { isCancellation } from '../../api/errors';
import { panelError } from '../../timeline/panelErrors';
import { loadWebviewApp, webviewOptions } from '../../timeline/webviewApp';
import { parseReportMessage, REPORT_VIEW_TYPE, type HostToReport, type ReportError, type ReportPayload, type ReportSort, type ReportToHost, type ReportUiState } from '../../shared/usageReportProtocol';
import { formatZoned, reportCsv, reportMarkdown } from '../../shared/usageReportFormat';
import type { ReasonsFeature } from '../feature';
import { RANGE_TEXT } from '../usage/usageSource';
import { reportPayload } from './reportRows';
import type { ReportSources } from './reportSources';

export class UsageReportPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private seq = 0;
  private inFlight: { id: number; abort: AbortController; done: Promise<void> } | undefined;
  private isDisposed = false;
  /** the report shown (tests read it) */
  report: ReportPayload | undefined;
  /** what was sent, in order (data messages without the rows' heatmaps; tests read it) */
  readonly sent: HostToReport[] = [];
  readonly refused: string[] = [];
  /** the last Markdown put on the clipboard, and the last CSV path written (tests read them) */
  lastCopied: string | undefined;
  lastCsvPath: string | undefined;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;

  static create(f: ReasonsFeature, sources: ReportSources, state: ReportUiState): UsageReportPanel {
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, 'Status Reason Usage', { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, webviewOptions(f.ctx.extensionContext.extensionUri));
    return new UsageReportPanel(f, sources, panel, state);
  }

  constructor(private readonly f: ReasonsFeature, private readonly sources: ReportSources, readonly panel: vscode.WebviewPanel, public state: ReportUiState) {
    const webview = panel.webview;
    loadWebviewApp(panel, f.ctx.extensionContext.extensionUri, 'usageReport', 'Status Reason Usage');
    this.disposables.push(
      webview.onDidReceiveMessage(m => this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
      f.ctx.session.onDidChangeActive(() => { this.report = undefined; this.load(false); }),
      this.disposed,
    );
  }

  get isReady(): boolean { return this.ready; }
  get loading(): boolean { return this.inFlight !== undefined; }
  async whenIdle(): Promise<void> { while (this.inFlight) await this.inFlight.done; }

  /** Every inbound message, from the webview or a test, goes through here. */
  async receive(raw: unknown): Promise<void> {
    const parsed = parseReportMessage(raw);
    if (!parsed.ok) {
      this.refused.push(parsed.problem);
      this.f.ctx.log.warn(`Reason Usage Report: ignored a webview message (${parsed.problem})`);
      return;
    }
    await this.handle(parsed.value);
  }

  private async handle(m: ReportToHost): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.post({ type: 'init', state: this.state });
        if (this.report && !this.inFlight && this.report.range === this.state.range && this.report.zone === this.state.zone) this.post({ type: 'data', requestId: this.seq, report: this.report });
        else if (!this.inFlight) this.load(false);
        return;
      case 'load':
        this.state = { ...this.state, range: m.range, zone: m.zone };
        this.load(m.fresh === true);
        return;
      case 'cancel': this.inFlight?.abort.abort(); return;
      case 'uiState': this.state = m.state; return;
      case 'exportCsv': await this.exportCsv(m.sort); return;
      case 'copyMarkdown': await this.copyMarkdown(m.sort); return;
      case 'action':
        if (m.action === 'retry') this.load(true);
        else if (m.action === 'showLog') this.f.ctx.log.show();
        else await vscode.commands.executeCommand('liveperson.signIn');
        return;
    }
  }

  /** Starts (or restarts) loading the state's range and zone: loading… then data | error | cancelled. */
  load(fresh: boolean): void {
    this.inFlight?.abort.abort();
    const id = ++this.seq;
    const abort = new AbortController();
    const done = this.run(id, abort, fresh).finally(() => { if (this.inFlight?.id === id) this.inFlight = undefined; });
    this.inFlight = { id, abort, done };
  }

  private async run(id: number, abort: AbortController, fresh: boolean): Promise<void> {
    const { range, zone } = this.state;
    const account = this.f.ctx.session.active;
    if (!account) {
      this.report = undefined;
      this.post({ type: 'error', requestId: id, error: { title: 'Not signed in', message: 'Sign in to a LivePerson account to see how its status reasons are used.', actions: [{ id: 'signIn', label: 'Sign In…' }] } });
      return;
    }
    this.post({ type: 'loading', requestId: id, text: `Reading the status changes of all agents ${RANGE_TEXT[range]}…` });
    let last = 0;
    try {
      const [result] = await Promise.all([
        this.sources.get(account.client, range, zone, {
          signal: abort.signal, fresh,
          onProgress: p => {
            if (Date.now() - last < 150) return;
            last = Date.now();
            const chunk = p.chunks > 1 ? ` (month ${p.chunk + 1} of ${p.chunks})` : '';
            this.post({ type: 'loading', requestId: id, text: `Reading status changes: ${p.received.toLocaleString('en-US')} so far, page ${p.pages}${p.totalPages ? ` of ${p.totalPages}` : ''}${chunk}…` });
          },
        }),
        this.f.model.ensureLoaded(),
      ]);
      if (abort.signal.aborted) throw new DOMException('aborted', 'AbortError');
      this.report = reportPayload(result, this.f.model.reasons, account.accountId, range, zone);
      this.panel.title = `Status Reason Usage — ${range}`;
      this.f.ctx.log.info(`Reason Usage Report: ${result.changes} status changes of ${result.agents} agents → ${this.report.rows.length} reasons (${range}, ${result.timeZone})`);
      this.post({ type: 'data', requestId: id, report: this.report });
    } catch (e) {
      if (isCancellation(e) || abort.signal.aborted) {
        if (id === this.seq) this.post({ type: 'cancelled', requestId: id });
        return;
      }
      const pe = panelError(e, { method: account.method, accountId: account.accountId });
      this.f.ctx.log.error(`Reason Usage Report: loading failed [${pe.kind}]: ${pe.message}`);
      const actions: ReportError['actions'] = pe.actions.flatMap((a): ReportError['actions'] => (a.id === 'retry' || a.id === 'showLog' ? [{ id: a.id, label: a.label }] : a.id === 'signIn' || a.id === 'signInWithKey' ? [{ id: 'signIn' as const, label: a.label }] : []));
      this.post({ type: 'error', requestId: id, error: { title: pe.title, message: pe.message, hint: pe.hint, actions } });
    }
  }

  private async exportCsv(sort: ReportSort): Promise<void> {
    const r = this.report;
    if (!r) { this.post({ type: 'notice', level: 'error', text: 'Nothing to export yet.' }); return; }
    const day = (t: number) => formatZoned(t, r.timeZone).slice(0, 10);
    const path = await this.f.ctx.prompter.saveFile({ title: 'Export reason usage as CSV', defaultName: `reason-usage-${r.accountId}-${day(r.from)}_${day(r.to)}.csv`, filters: { 'CSV files': ['csv'] } });
    if (!path) return;
    try {
      const uri = vscode.Uri.file(path);
      await vscode.workspace.fs.writeFile(uri, Buffer.from(reportCsv(r, sort), 'utf8'));
      this.lastCsvPath = path;
      this.post({ type: 'notice', level: 'info', text: `Saved ${r.rows.length} reasons to ${path}.` });
      await vscode.window.showTextDocument(uri, { preview: true, viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
    } catch (e) {
      this.post({ type: 'notice', level: 'error', text: `Could not save the file: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  private async copyMarkdown(sort: ReportSort): Promise<void> {
    const r = this.report;
    if (!r) { this.post({ type: 'notice', level: 'error', text: 'Nothing to copy yet.' }); return; }
    const md = reportMarkdown(r, sort, RANGE_TEXT[r.range]);
    await vscode.env.clipboard.writeText(md);
    this.lastCopied = md;
    this.post({ type: 'notice', level: 'info', text: `Copied ${r.rows.length} reasons as a Markdown table.` });
  }

  private post(m: HostToReport): void {
    this.sent.push(m.type === 'data' ? { ...m, report: { ...m.report, rows: m.report.rows.map(r => ({ ...r, heatmap: [] })) } } : m);
    if (this.sent.length > 100) this.sent.splice(0, this.sent.length - 100);
    if (this.ready && !this.isDisposed) this.panel.webview.postMessage(m).then(undefined, e => this.f.ctx.log.debug(`Reason Usage Report: post failed: ${String(e)}`));
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.inFlight?.abort.abort();
    this.disposed.fire();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
