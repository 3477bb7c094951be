// The Status Reasons feature: model, tree view (multi-select, account label as description),
// welcome-view state keys, drag and drop (reordering), the in-memory documents of the Apply diff,
// and its commands.
// Nothing here touches the network: the first load starts when the view asks for its children.
import * as vscode from 'vscode';
import type { FeatureContext, ViewLoadState } from '../platform/featureContext';
import { showActiveAccountIn } from '../platform/viewDescription';
import { applyCommand } from './commands/apply';
import { createCommand } from './commands/create';
import { createManyCommand } from './commands/createMany';
import { deleteCommand } from './commands/delete';
import { disableCommand } from './commands/disable';
import { enableCommand } from './commands/enable';
import { exportCommand } from './commands/export';
import { refreshCommand } from './commands/refresh';
import { renameCommand } from './commands/rename';
import { toggleDeletedCommand } from './commands/toggleDeleted';
import { showDeletedCommand } from './commands/showDeleted';
import { hideDeletedCommand } from './commands/hideDeleted';
import { moveDownCommand } from './commands/moveDown';
import { moveUpCommand } from './commands/moveUp';
import { setTimeLimitCommand } from './commands/setTimeLimit';
import { usageReportCommand } from './commands/usageReport';
import { cleanUpCommand } from './commands/cleanUp';
import { compileLimits, parseTimeLimits } from '../domain/timeLimits';
import { StatusReasonsDragAndDrop } from './dragAndDrop';
import { COMMAND, type ReasonsFeature } from './feature';
import { StatusReasonsModel } from './model';
import type { StatusReasonsNode } from './nodes';
import { StatusReasonsTreeProvider } from './treeProvider';
import { VirtualDocuments } from '../platform/virtualDocuments';
import { ReasonUsageSource } from './usage/usageSource';
import { UsageController } from './usage/usageController';
import { showUsageCommand } from './commands/showUsage';
import { hideUsageCommand } from './commands/hideUsage';
import { statusReasonsTestHooks, type StatusReasonsTestHooks } from './testHooks';
import { revealReason, type RevealOutcome } from './revealReason';

export type { RevealOutcome } from './revealReason';

/** What the composition root gets: the test hooks, and reveal (for deep links). */
export interface StatusReasonsFeature {
  testHooks: StatusReasonsTestHooks;
  revealReason(id: string): Promise<RevealOutcome>;
}

export const VIEW_ID = 'liveperson.statusReasons';

export function registerStatusReasons(ctx: FeatureContext): StatusReasonsFeature {
  const subs = ctx.extensionContext.subscriptions;
  const model = new StatusReasonsModel(ctx.session, ctx.log);
  const provider = new StatusReasonsTreeProvider(model, ctx.settings.get('statusReasons.showDeleted'));
  const dragAndDrop = new StatusReasonsDragAndDrop(model, ctx.prompter);
  const view = vscode.window.createTreeView<StatusReasonsNode>(VIEW_ID, { treeDataProvider: provider, canSelectMany: true, showCollapseAll: true, dragAndDropController: dragAndDrop });
  const documents = new VirtualDocuments('liveperson-reasons');
  subs.push(model, provider, view, documents, showActiveAccountIn(view, ctx.session));

  void ctx.contextKeys.set('liveperson.statusReasons.showDeleted', provider.isShowingDeleted);
  subs.push(ctx.settings.onDidChange(key => {
    if (key !== 'statusReasons.showDeleted') return;
    const show = ctx.settings.get('statusReasons.showDeleted');
    provider.setShowDeleted(show);
    void ctx.contextKeys.set('liveperson.statusReasons.showDeleted', show);
  }));

  const viewState = (): ViewLoadState => {
    switch (model.state) {
      case 'ready': return model.reasons.some(r => !r.deleted || provider.isShowingDeleted) ? 'ready' : 'empty';
      case 'error': return 'error';
      default: return 'loading';
    }
  };
  let lastState: ViewLoadState | undefined;
  const updateState = () => {
    const s = viewState();
    if (s === lastState) return;
    lastState = s;
    void ctx.contextKeys.set('liveperson.statusReasons.state', s);
  };
  subs.push(model.onDidChange(updateState), provider.onDidChangeTreeData(updateState));
  updateState();

  const usage = new ReasonUsageSource(() => (ctx.settings.get('timeline.timeZone') === 'utc' ? 'UTC' : Intl.DateTimeFormat().resolvedOptions().timeZone));
  subs.push(ctx.session.onDidChangeActive(() => usage.clear()));
  const usageView = new UsageController(ctx, usage, provider, view, VIEW_ID);
  subs.push(usageView);
  const f: ReasonsFeature = { ctx, model, provider, view, documents, usage, usageView };
  ctx.registerCommand(COMMAND.refresh, refreshCommand(f));
  ctx.registerCommand(COMMAND.create, createCommand(f));
  ctx.registerCommand(COMMAND.createMany, createManyCommand(f));
  ctx.registerCommand(COMMAND.rename, renameCommand(f));
  ctx.registerCommand(COMMAND.enable, enableCommand(f));
  ctx.registerCommand(COMMAND.disable, disableCommand(f));
  ctx.registerCommand(COMMAND.delete, deleteCommand(f));
  ctx.registerCommand(COMMAND.toggleDeleted, toggleDeletedCommand(f));
  ctx.registerCommand(COMMAND.showDeleted, showDeletedCommand(f));
  ctx.registerCommand(COMMAND.hideDeleted, hideDeletedCommand(f));
  ctx.registerCommand(COMMAND.export, exportCommand(f));
  ctx.registerCommand(COMMAND.apply, applyCommand(f));
  ctx.registerCommand(COMMAND.moveUp, moveUpCommand(f));
  ctx.registerCommand(COMMAND.moveDown, moveDownCommand(f));
  ctx.registerCommand(COMMAND.setTimeLimit, setTimeLimitCommand(f));
  ctx.registerCommand(COMMAND.usageReport, usageReportCommand(f));
  ctx.registerCommand(COMMAND.cleanUp, cleanUpCommand(f));
  ctx.registerCommand(COMMAND.showUsage, showUsageCommand(f));
  ctx.registerCommand(COMMAND.hideUsage, hideUsageCommand(f));

  // each reason's tooltip names its time limit (liveperson.agents.timeLimits)
  const limits = () => compileLimits(parseTimeLimits(ctx.settings.get('agents.timeLimits')).items);
  provider.setLimits(limits());
  subs.push(ctx.settings.onDidChange(key => { if (key === 'agents.timeLimits') provider.setLimits(limits()); }));

  return { testHooks: statusReasonsTestHooks(f, dragAndDrop), revealReason: id => revealReason(f, VIEW_ID, id) };
}
