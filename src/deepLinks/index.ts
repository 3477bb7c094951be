// Deep links: the URI handler for `<scheme>://liveperson-tools.liveperson-agent-status/timeline?…`
// and `/reason?…` (the link format: src/shared/deepLink.ts; the logic: linkHandler.ts).
// Registration only: nothing happens until VS Code hands the extension a link.
import * as vscode from 'vscode';
import { LinkHandler, type LinkHandlerDeps, type LinkOutcome } from './linkHandler';

export type { LinkOutcome } from './linkHandler';

/** What extension-host tests reach through `api.deepLinks`: the registered handler's logic. */
export interface DeepLinksTestHooks {
  open(uri: vscode.Uri): Promise<LinkOutcome>;
}

export function registerDeepLinks(deps: LinkHandlerDeps): DeepLinksTestHooks {
  const handler = new LinkHandler(deps);
  // open() answers every link itself (a message, never an exception); the catch is for the log only
  const uriHandler: vscode.UriHandler = { handleUri: uri => { handler.open(uri).catch(e => deps.ctx.log.error(`Deep link failed: ${e instanceof Error ? e.message : String(e)}`)); } };
  deps.ctx.extensionContext.subscriptions.push(vscode.window.registerUriHandler(uriHandler));
  return { open: uri => handler.open(uri) };
}
