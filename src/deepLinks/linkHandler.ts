// Opens a deep link (src/shared/deepLink.ts) — the URI handler's logic, also called by the
// extension-host tests. Every link is checked before anything happens; a bad one gets one message
// naming the problem. A link for another account asks to switch to it (a saved account) or offers
// to sign in to it; nothing is opened for the wrong account. Never throws.
import * as vscode from 'vscode';
import type { FeatureContext } from '../platform/featureContext';
import { presentError, RETRY, SHOW_LOG, SIGN_IN } from '../platform/errorPresentation';
import { accountIdOf, accountKey, accountText } from '../shared/accountKey';
import { parseDeepLink, timelineLinkProblem, type DeepLink, type TimelineLink } from '../shared/deepLink';
import { lookBackOf } from '../domain/activityRange';

/** What became of a link (tests read it; the user saw the matching message, if any). */
export type LinkOutcome =
  | { kind: 'timeline'; panel: unknown }
  | { kind: 'reason'; id: string }
  /** refused: `message` is what the user was shown */
  | { kind: 'refused'; message: string }
  /** the account of the link is not active and the user did not switch or sign in */
  | { kind: 'notSwitched'; message: string };

export interface LinkHandlerDeps {
  ctx: FeatureContext;
  savedAccounts(): readonly { key: string; label: string }[];
  revealReason(id: string): Promise<{ ok: true } | { ok: false; problem: string }>;
}

const OPEN_TIMELINE = 'liveperson.timeline.open';
const SWITCH_ACCOUNT = 'liveperson.switchAccount';
const SIGN_IN_COMMAND = 'liveperson.signIn';
const OPEN_DEMO = 'liveperson.openDemo';
export const REFUSED = 'This LivePerson link cannot be opened:';

export class LinkHandler {
  constructor(private readonly deps: LinkHandlerDeps) {}

  async open(uri: { path: string; query: string }): Promise<LinkOutcome> {
    const { ctx } = this.deps;
    const parsed = parseDeepLink(uri.path, uri.query);
    // the query holds no secret (ids, times, a zone); it is logged to explain a refusal
    ctx.log.info(`Deep link: ${uri.path}?${uri.query}`);
    if (!parsed.ok) return this.refuse(parsed.problem);
    try {
      const account = await this.ensureAccount(parsed.link);
      if (account) return account;
      return parsed.link.kind === 'timeline' ? await this.openTimeline(parsed.link) : await this.openReason(parsed.link.id);
    } catch (error) {
      return this.failed(error, uri);
    }
  }

  private async openTimeline(link: TimelineLink): Promise<LinkOutcome> {
    const { ctx } = this.deps;
    const now = ctx.session.active?.client.serverNow() ?? Date.now();
    const tz = link.tz ?? ctx.settings.get('timeline.timeZone');
    const problem = timelineLinkProblem(link, now, tz, lookBackOf(ctx.settings.get('timeline.lookBackMonths')));
    if (problem) return this.refuse(problem);
    const panel = await vscode.commands.executeCommand(OPEN_TIMELINE, { agentIds: link.agents, from: link.from, to: link.to, timeZone: tz });
    return panel ? { kind: 'timeline', panel } : this.refuse('the timeline did not open (see the LivePerson log).');
  }

  private async openReason(id: string): Promise<LinkOutcome> {
    const shown = await this.deps.revealReason(id);
    if (shown.ok) return { kind: 'reason', id };
    await this.deps.ctx.prompter.error(shown.problem);
    return { kind: 'refused', message: shown.problem };
  }

  /** undefined when the link's account is (now) active; else what stopped it. */
  private async ensureAccount(link: DeepLink): Promise<LinkOutcome | undefined> {
    const { ctx } = this.deps;
    const activeKey = () => (ctx.session.active ? accountKey(ctx.session.active) : undefined);
    if (activeKey() === link.account) return undefined;
    const wanted = accountText(link.account);
    const current = activeKey();
    const now = current ? `the active account is ${accountText(current)}` : 'no account is signed in';
    const saved = this.deps.savedAccounts().find(a => a.key === link.account);
    if (saved) {
      const ok = await ctx.prompter.confirm(`This link is for LivePerson account ${wanted}; ${now}.`, { detail: `Switch to ${saved.label} to open it?`, confirmLabel: 'Switch Account' });
      if (!ok) return { kind: 'notSwitched', message: `This link is for LivePerson account ${wanted}; ${now}.` };
      await vscode.commands.executeCommand(SWITCH_ACCOUNT, { accountId: link.account });
    } else {
      const demo = link.account.startsWith('demo:');
      const message = demo
        ? `This link is for the demo account ${wanted}, which is not running in this window; ${now}.`
        : `This link is for LivePerson account ${wanted}, which is not signed in here; ${now}. Sign in to it to open the link.`;
      const action = demo ? 'Try the Demo Account' : 'Sign In…';
      const choice = await ctx.prompter.warn(message, action);
      if (choice !== action) return { kind: 'notSwitched', message };
      await (demo ? vscode.commands.executeCommand(OPEN_DEMO) : vscode.commands.executeCommand(SIGN_IN_COMMAND, { accountId: accountIdOf(link.account) }));
    }
    if (activeKey() === link.account) return undefined;
    const message = `The link was not opened: account ${wanted} is not the active account.`;
    await ctx.prompter.info(message);
    return { kind: 'notSwitched', message };
  }

  private async refuse(problem: string): Promise<LinkOutcome> {
    const message = `${REFUSED} ${problem}`;
    this.deps.ctx.log.warn(`Deep link refused: ${problem}`);
    await this.deps.ctx.prompter.error(message);
    return { kind: 'refused', message };
  }

  /** An error while loading (e.g. the reasons list): one message with the usual actions. */
  private async failed(error: unknown, uri: { path: string; query: string }): Promise<LinkOutcome> {
    const { ctx } = this.deps;
    const shown = presentError(error, 'deep link');
    if (shown.silent) return { kind: 'notSwitched', message: 'cancelled' };
    ctx.log.error(shown.logLine);
    const choice = await ctx.prompter.error(shown.message, ...shown.actions.filter(a => a !== 'Refresh'));
    if (choice === RETRY) return this.open(uri);
    if (choice === SIGN_IN) await vscode.commands.executeCommand(SIGN_IN_COMMAND);
    else if (choice === SHOW_LOG) ctx.log.show();
    return { kind: 'refused', message: shown.message };
  }
}
