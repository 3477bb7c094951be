// Read-only in-memory documents (scheme `liveperson-reasons`) for the Apply diff: "server now" vs
// "document". Owned by the feature; contents are replaced, never accumulated without bound.
import * as vscode from 'vscode';

export const VIRTUAL_SCHEME = 'liveperson-reasons';
const MAX_DOCUMENTS = 20;

export class VirtualDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly registration: vscode.Disposable;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(VIRTUAL_SCHEME, this);
  }

  /** Stores `text` under `name` (e.g. "server.lpreasons.json") and returns its URI. */
  set(name: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: VIRTUAL_SCHEME, path: `/${name}` });
    this.contents.delete(uri.toString());
    this.contents.set(uri.toString(), text);
    while (this.contents.size > MAX_DOCUMENTS) this.contents.delete(this.contents.keys().next().value as string);
    this.changeEmitter.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.registration.dispose();
    this.changeEmitter.dispose();
    this.contents.clear();
  }
}
