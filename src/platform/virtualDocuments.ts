// Read-only in-memory documents under one URI scheme: a TextDocumentContentProvider whose contents
// are replaced, never accumulated without bound. Status Reasons uses one (`liveperson-reasons`) for
// the Apply diff ("server now" vs "document"); Open as JSON another (`liveperson`) for raw API
// records. Storing a document again fires onDidChange, so an editor showing it updates in place.
import * as vscode from 'vscode';

const MAX_DOCUMENTS = 20;

export class VirtualDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly registration: vscode.Disposable;

  constructor(readonly scheme: string) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(scheme, this);
  }

  /** The URI of the document stored under `name` (e.g. "server.lpreasons.json" or "12345678/agents/7.json"). */
  uri(name: string): vscode.Uri {
    return vscode.Uri.from({ scheme: this.scheme, path: `/${name}` });
  }

  /** Stores `text` under `name` and returns its URI; an open editor of it shows the new text. */
  set(name: string, text: string): vscode.Uri {
    const uri = this.uri(name);
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
