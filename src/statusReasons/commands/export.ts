// liveperson.statusReasons.export — the account's (non-deleted) reasons as a JSON document
// `{ $schema?, account, revision, deleteMissing, reasons: [{ id, text, state, enabled, order }] }`,
// opened in an untitled JSON editor or saved as `*.lpreasons.json`; the schema
// (media/status-reasons.schema.json) gives completion and validation while editing it. A saved
// `*.lpreasons.json` file carries no `$schema`: the manifest's jsonValidation fileMatch applies the
// bundled schema, so the file stays valid when shared or after an update. Only the untitled editor
// (which has no file name to match) gets `$schema` — first, pointing at this installation's copy.
// Args (tests): `{ target: 'editor' | 'file', path?: string }` (`path` skips the save dialog).
// Returns `{ uri, document }`, or undefined when cancelled.
import * as fs from 'fs/promises';
import * as vscode from 'vscode';
import { BACK, type PickItem } from '../../platform/prompter';
import type { ReasonsFeature } from '../feature';
import { buildDocument, DOCUMENT_SUFFIX, documentText, isReasonsFileName, type ReasonsDocument } from '../reasonsDocument';

export interface ExportArgs { target?: 'editor' | 'file'; path?: string }
export interface ExportResult { uri: string; document: ReasonsDocument }

export function schemaUri(f: ReasonsFeature): string {
  return vscode.Uri.joinPath(f.ctx.extensionContext.extensionUri, 'media', 'status-reasons.schema.json').toString();
}

export function exportCommand(f: ReasonsFeature) {
  return async (args?: unknown): Promise<ExportResult | undefined> => {
    const given: ExportArgs = args && typeof args === 'object' ? (args as ExportArgs) : {};
    await f.model.load();
    const accountId = f.model.accountId ?? '';
    let target = given.target ?? (given.path ? 'file' : undefined);
    if (!target) {
      const items: PickItem<'editor' | 'file'>[] = [
        { label: 'Open in an editor', description: 'untitled JSON document', value: 'editor', iconId: 'go-to-file' },
        { label: 'Save to a file…', description: '*.lpreasons.json (validated while you edit it)', value: 'file', iconId: 'save' },
      ];
      const count = f.model.reasons.filter(r => !r.deleted).length;
      const picked = await f.ctx.prompter.pick(items, { title: 'Export Status Reasons to JSON', placeHolder: `${count} reasons of account ${accountId}` });
      if (picked === undefined || picked === BACK) return undefined;
      target = picked;
    }
    if (target === 'editor') {
      const document = buildDocument(accountId, f.model.revision, f.model.reasons, schemaUri(f));
      const text = documentText(document);
      const doc = await vscode.workspace.openTextDocument({ language: 'json', content: text });
      await vscode.window.showTextDocument(doc, { preview: false });
      return { uri: doc.uri.toString(), document };
    }
    let path = given.path;
    if (!path) {
      path = await f.ctx.prompter.saveFile({ title: 'Export Status Reasons', defaultName: `status-reasons-${accountId}${DOCUMENT_SUFFIX}`, filters: { 'Status reasons': ['lpreasons.json', 'json'] } });
      if (!path) return undefined;
    }
    const document = buildDocument(accountId, f.model.revision, f.model.reasons);
    await fs.writeFile(path, documentText(document), 'utf8');
    const uri = vscode.Uri.file(path);
    await vscode.window.showTextDocument(uri, { preview: false });
    const hint = isReasonsFileName(path) ? '' : ` Name it *${DOCUMENT_SUFFIX} to get completion and validation while editing.`;
    void f.ctx.prompter.info(`Exported ${document.reasons.length} status reasons to ${path}.${hint}`);
    return { uri: uri.toString(), document };
  };
}
