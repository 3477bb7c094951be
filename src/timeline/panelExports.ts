// Export of what a panel shows: intervals as CSV or everything as JSON through a save dialog
// (Prompter.saveFile), and the totals as a Markdown table on the clipboard.
import * as vscode from 'vscode';
import type { Prompter } from '../platform/prompter';
import type { ColumnarDataset } from '../shared/columnar';
import { intervalsCsv, timelineJson, totalsMarkdown, type ExportMeta } from '../shared/exportFormats';
import type { TotalsPayload } from '../shared/protocol';
import { formatIso } from '../shared/timeFormat';

export interface ExportSource { dataset: ColumnarDataset; totals: TotalsPayload; meta: ExportMeta }

function defaultName(meta: ExportMeta, ext: string): string {
  const day = (t: number) => formatIso(t, meta.timeZone).slice(0, 16).replace(/[:]/g, '').replace('T', '-');
  return `agent-activity-${day(meta.from)}_${day(meta.to)}.${ext}`;
}

/** Resolves to the path written, or undefined when the user cancelled the dialog. */
export async function exportTimeline(prompter: Prompter, src: ExportSource, format: 'csv' | 'json'): Promise<string | undefined> {
  const path = await prompter.saveFile({
    title: format === 'csv' ? 'Export activity intervals as CSV' : 'Export activity timeline as JSON',
    defaultName: defaultName(src.meta, format),
    filters: format === 'csv' ? { 'CSV files': ['csv'] } : { 'JSON files': ['json'] },
  });
  if (!path) return undefined;
  const text = format === 'csv' ? intervalsCsv(src.dataset, src.meta.timeZone) : timelineJson(src.dataset, src.totals, src.meta);
  await vscode.workspace.fs.writeFile(vscode.Uri.file(path), Buffer.from(text, 'utf8'));
  return path;
}

export async function copyTotals(src: ExportSource): Promise<string> {
  const md = totalsMarkdown(src.dataset, src.totals, src.meta);
  await vscode.env.clipboard.writeText(md);
  return md;
}
