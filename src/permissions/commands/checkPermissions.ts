// liveperson.checkPermissions — for the active account, one safe probe per API (src/api/
// permissionProbes.ts), in parallel with a timeout each, shown as a quick pick (one row per API:
// pass / error / warning, the detail says what to do) and logged, redacted. Returns the rows
// (tests read them). Offered by every "no permission" message (platform/commandWrapper.ts,
// the timeline panel, status reason refusals).
import * as vscode from 'vscode';
import type { FeatureContext } from '../../platform/featureContext';
import type { PickItem } from '../../platform/prompter';
import { CHECK_PERMISSIONS_COMMAND } from '../../platform/errorPresentation';
import { logLines, permissionRows, type PermissionRow } from '../permissionRows';

export function registerCheckPermissionsCommand(ctx: FeatureContext): void {
  ctx.registerCommand(CHECK_PERMISSIONS_COMMAND, async (): Promise<PermissionRow[] | undefined> => {
    const account = ctx.session.active;
    if (!account) {
      await ctx.prompter.info('Sign in to a LivePerson account first: Check Permissions checks the active account.');
      return undefined;
    }
    const timeoutMs = Math.max(1, ctx.settings.get('requestTimeoutSeconds')) * 1000;
    const outcomes = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Checking the permissions of account ${account.accountId}…`, cancellable: true },
      (_progress, token) => {
        const ctl = new AbortController();
        const sub = token.onCancellationRequested(() => ctl.abort());
        return account.client.checkPermissions({ signal: ctl.signal, timeoutMs }).finally(() => sub.dispose());
      },
    );
    // signed out or switched while it ran: these rows are of an account that is no longer active
    if (ctx.session.active !== account) return undefined;
    const rows = permissionRows(outcomes, account.method);
    for (const line of logLines(account.accountId, rows)) ctx.log.info(line);
    const refused = rows.filter(r => r.icon !== 'pass').length;
    const items: PickItem<PermissionRow>[] = rows.map(r => ({ label: r.label, description: r.summary, detail: r.detail, iconId: r.icon, value: r }));
    await ctx.prompter.pick(items, {
      title: `Permissions of account ${account.label}`,
      placeHolder: refused ? `${refused} of ${rows.length} APIs need attention; the detail of each says what to do` : `All ${rows.length} APIs are reachable and allowed`,
      matchOnDescription: true,
      matchOnDetail: true,
    });
    return rows;
  });
}
