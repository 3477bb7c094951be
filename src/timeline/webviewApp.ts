// One of the extension's webview apps (dist/webview/<app>.js and .css) in a panel: the options
// (scripts on, only dist/webview readable), the icon, and the page with its CSP and nonce
// (panelHtml.ts). Shared by the Activity Timeline and the reason usage report.
import * as vscode from 'vscode';
import { timelineHtml } from './panelHtml';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')], retainContextWhenHidden: false };
}

/** Loads the app `app` (its bundle's base name) into the panel. */
export function loadWebviewApp(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, app: string, title: string): void {
  const webview = panel.webview;
  webview.options = webviewOptions(extensionUri);
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'liveperson.svg');
  const root = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
  webview.html = timelineHtml({
    cspSource: webview.cspSource,
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, `${app}.js`)).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, `${app}.css`)).toString(),
    title,
  });
}
