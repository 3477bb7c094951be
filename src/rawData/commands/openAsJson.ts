// liveperson.openAsJson — the raw API records of status reasons or live agents in a read-only JSON
// document (`liveperson:/<account>/status-reasons/<ids>.json`, `…/agents/<ids>.json`).
// Arguments: `(node, selectedNodes)` from the Status Reasons tree (a reason, or the selection it is
// part of) or the Live Agents tree (an agent, a group/status node, a selection); `{ reasons: ids |
// 'all' }` or `{ agents: ids | 'all' }` from tests; nothing from the palette (a quick pick of what
// to open). Every run fetches again: running it on an open document refreshes that document.
// Returns the document's URI (a string), or undefined when cancelled.
import * as vscode from 'vscode';
import type { ActiveAccount } from '../../platform/featureContext';
import { isAgentSelection } from '../../platform/featureContext';
import { BACK, type PickItem } from '../../platform/prompter';
import { isReasonNode } from '../../statusReasons/reasonLook';
import { agentsDocument, reasonsDocument, type RawDocument } from '../rawDocuments';
import type { RawDataFeature } from '..';

/** what to open: ids, or undefined for all of them */
export type RawTarget = { kind: 'reasons'; ids?: string[] } | { kind: 'agents'; ids?: string[] };

const strings = (x: unknown): string[] | undefined => (Array.isArray(x) && x.length ? x.map(String) : undefined);

/** The target named by the arguments, or undefined when none was given (palette). */
export function targetFromArgs(args: readonly unknown[]): RawTarget | undefined {
  const [first, second] = args;
  if (isReasonNode(first)) {
    const many = Array.isArray(second) && second.some(n => isReasonNode(n) && n.id === first.id);
    return { kind: 'reasons', ids: many ? (second as unknown[]).filter(isReasonNode).map(n => n.id) : [first.id] };
  }
  if (isAgentSelection(first)) {
    const many = Array.isArray(second) && second.includes(first);
    const nodes = many ? (second as unknown[]).filter(isAgentSelection) : [first];
    return { kind: 'agents', ids: [...new Set(nodes.flatMap(n => [...n.agentIds]))] };
  }
  if (first && typeof first === 'object') {
    const o = first as { reasons?: unknown; agents?: unknown };
    if (o.reasons !== undefined) return { kind: 'reasons', ids: o.reasons === 'all' ? undefined : strings(o.reasons) ?? [] };
    if (o.agents !== undefined) return { kind: 'agents', ids: o.agents === 'all' ? undefined : strings(o.agents) ?? [] };
  }
  return undefined;
}

async function load(account: ActiveAccount, target: RawTarget): Promise<RawDocument> {
  if (target.kind === 'reasons') {
    const list = await account.client.statusReasons.list({ includeDeleted: true });
    return reasonsDocument(account.accountId, list.items, list.revision, target.ids);
  }
  const answer = await account.client.agentMetrics.allAgents(target.ids?.length && target.ids.length <= 1000 ? { agentIds: target.ids } : {});
  return agentsDocument(account.accountId, answer, target.ids);
}

type Choice = 'reasons' | 'someReasons' | 'agents' | 'someAgents';

/** The palette's quick pick: all reasons / some / all live agents / some; undefined when cancelled. */
async function pickTarget(f: RawDataFeature, account: ActiveAccount): Promise<RawTarget | undefined> {
  const choice = await f.ctx.prompter.pick<Choice>([
    { label: 'Status reasons', description: `every reason of account ${account.accountId}, deleted ones included`, value: 'reasons', iconId: 'tag' },
    { label: 'Some status reasons…', description: 'choose which', value: 'someReasons', iconId: 'tag' },
    { label: 'Live agents', description: 'the agent-view record of every logged-in agent', value: 'agents', iconId: 'person' },
    { label: 'Some live agents…', description: 'choose which', value: 'someAgents', iconId: 'person' },
  ], { title: 'Open as JSON', placeHolder: 'What to open' });
  if (choice === undefined || choice === BACK) return undefined;
  if (choice === 'reasons' || choice === 'agents') return { kind: choice };
  let items: PickItem<string>[];
  if (choice === 'someReasons') {
    const { items: reasons } = await account.client.statusReasons.list({ includeDeleted: true });
    items = reasons.map(r => ({ label: r.text, description: [r.state, r.deleted ? 'deleted' : r.enabled ? '' : 'disabled'].filter(Boolean).join(' · '), detail: `id ${r.id}`, value: r.id }));
  } else {
    const { records } = await account.client.agentMetrics.allAgents();
    items = records.map(r => ({ label: r.agentNickname || r.agentName || r.agentLoginName || r.agentId, description: r.currentStatus, detail: `id ${r.agentId}`, value: r.agentId }));
  }
  if (!items.length) {
    await f.ctx.prompter.info(choice === 'someReasons' ? 'This account has no status reasons.' : 'No agent is logged in.');
    return undefined;
  }
  const picked = await f.ctx.prompter.pickMany(items, { title: 'Open as JSON', placeHolder: 'Choose which to open', matchOnDescription: true, matchOnDetail: true });
  if (picked === undefined || picked === BACK || !picked.length) return undefined;
  return { kind: choice === 'someReasons' ? 'reasons' : 'agents', ids: picked };
}

export function openAsJsonCommand(f: RawDataFeature) {
  return async (...args: unknown[]): Promise<string | undefined> => {
    const account = f.ctx.session.active;
    if (!account) {
      await f.ctx.prompter.info('Sign in to a LivePerson account first.');
      return undefined;
    }
    const target = targetFromArgs(args) ?? (await pickTarget(f, account));
    if (!target) return undefined;
    if (target.ids && !target.ids.length) {
      await f.ctx.prompter.info(target.kind === 'reasons' ? 'No status reason selected.' : 'No agent selected.');
      return undefined;
    }
    const doc = await load(account, target);
    const uri = f.documents.set(doc.name, doc.text); // an editor already showing it updates: the refresh
    let text = await vscode.workspace.openTextDocument(uri);
    if (text.languageId !== 'json') text = await vscode.languages.setTextDocumentLanguage(text, 'json');
    await vscode.window.showTextDocument(text, { preview: false });
    return uri.toString();
  };
}
