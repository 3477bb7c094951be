// liveperson.statusReasons.usageReport — opens the Reason Usage Report (a webview: table sortable
// by every column, hour × weekday heatmap per reason, range and zone switchable, CSV and Markdown).
// One panel: run again, it comes to the front (and switches to the range asked for, if any).
// Args (tests): `{ range?: '24h' | '7d' | '30d', zone?: 'local' | 'utc' }`; defaults: the
// liveperson.statusReasons.usageRange setting and the timeline's time zone. Returns the panel.
import { REPORT_RANGES, REPORT_ZONES, type ReportRange, type ReportZone } from '../../shared/usageReportProtocol';
import { DEFAULT_SORT } from '../../shared/usageReportFormat';
import type { ReasonsFeature } from '../feature';
import { UsageReportPanel } from '../usageReport/reportPanel';
import { ianaZone, ReportSources } from '../usageReport/reportSources';

export function usageReportCommand(f: ReasonsFeature) {
  const sharedZone = () => ianaZone(f.ctx.settings.get('timeline.timeZone') === 'utc' ? 'utc' : 'local');
  const sources = new ReportSources(f.usage, sharedZone);
  let open: UsageReportPanel | undefined;
  f.ctx.extensionContext.subscriptions.push(f.ctx.session.onDidChangeActive(() => sources.clear()), { dispose: () => open?.dispose() });
  return async (args?: unknown): Promise<UsageReportPanel> => {
    const a = (args && typeof args === 'object' ? args : {}) as { range?: unknown; zone?: unknown };
    const range: ReportRange = (REPORT_RANGES as readonly unknown[]).includes(a.range) ? (a.range as ReportRange) : f.ctx.settings.get('statusReasons.usageRange');
    const zone: ReportZone = (REPORT_ZONES as readonly unknown[]).includes(a.zone) ? (a.zone as ReportZone) : f.ctx.settings.get('timeline.timeZone') === 'utc' ? 'utc' : 'local';
    if (open) {
      open.panel.reveal();
      if (a.range !== undefined || a.zone !== undefined) {
        open.state = { ...open.state, range, zone };
        if (open.isReady) await open.receive({ type: 'ready' }); // re-init the app with the new range
      }
      return open;
    }
    const panel = UsageReportPanel.create(f, sources, { range, zone, sort: DEFAULT_SORT });
    open = panel;
    panel.onDidDispose(() => { if (open === panel) open = undefined; });
    return panel;
  };
}
