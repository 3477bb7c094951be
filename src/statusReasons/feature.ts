// What every Status Reasons command receives: the shell's FeatureContext plus this feature's model,
// tree provider and view.
import type * as vscode from 'vscode';
import type { FeatureContext } from '../platform/featureContext';
import type { StatusReasonsModel } from './model';
import type { StatusReasonsNode } from './nodes';
import type { StatusReasonsTreeProvider } from './treeProvider';
import type { VirtualDocuments } from '../platform/virtualDocuments';
import type { ReasonUsageSource } from './usage/usageSource';
import type { UsageController } from './usage/usageController';

export interface ReasonsFeature {
  readonly ctx: FeatureContext;
  readonly model: StatusReasonsModel;
  readonly provider: StatusReasonsTreeProvider;
  readonly view: vscode.TreeView<StatusReasonsNode>;
  readonly documents: VirtualDocuments;
  /** reason usage from Agent Activity (cached per account and range for the session) */
  readonly usage: ReasonUsageSource;
  /** Show Reason Usage: on/off, loading, what the tree shows */
  readonly usageView: UsageController;
}

export const COMMAND = {
  refresh: 'liveperson.statusReasons.refresh',
  create: 'liveperson.statusReasons.create',
  createMany: 'liveperson.statusReasons.createMany',
  rename: 'liveperson.statusReasons.rename',
  enable: 'liveperson.statusReasons.enable',
  disable: 'liveperson.statusReasons.disable',
  delete: 'liveperson.statusReasons.delete',
  toggleDeleted: 'liveperson.statusReasons.toggleDeleted',
  /** the view title's eye / eye-closed entries (the menu shows the one that applies) */
  showDeleted: 'liveperson.statusReasons.showDeletedReasons',
  hideDeleted: 'liveperson.statusReasons.hideDeletedReasons',
  export: 'liveperson.statusReasons.export',
  apply: 'liveperson.statusReasons.apply',
  moveUp: 'liveperson.statusReasons.moveUp',
  moveDown: 'liveperson.statusReasons.moveDown',
  setTimeLimit: 'liveperson.statusReasons.setTimeLimit',
  usageReport: 'liveperson.statusReasons.usageReport',
  cleanUp: 'liveperson.statusReasons.cleanUp',
  /** the view title's toggle (graph icon) */
  showUsage: 'liveperson.statusReasons.showUsage',
  /** the same toggle's "off" button, shown while usage is on */
  hideUsage: 'liveperson.statusReasons.hideUsage',
} as const;
