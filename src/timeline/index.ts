// The Activity Timeline feature: the `liveperson.timeline.open` command, the webview panels and
// their serializer. Registration only; nothing is fetched until a panel's app says `ready`.
import * as vscode from 'vscode';
import type { FeatureContext } from '../platform/featureContext';
import { PANEL_VIEW_TYPE } from '../shared/protocol';
import { registerOpenTimeline } from './commands/openTimeline';
import { registerCopyTimelineLink } from './commands/copyLink';
import { LIMIT_SETTING_KEYS } from './limitPolicy';
import type { TimelinePanel } from './timelinePanel';
import { TimelinePanels } from './timelinePanels';

/** What extension-host tests reach through `api.timeline` (see test/integration/timeline.test.ts). */
export interface TimelineTestHooks {
  /** open panels, oldest first */
  panels(): TimelinePanel[];
  /** fires for every panel opened or restored */
  readonly onDidOpen: vscode.Event<TimelinePanel>;
  /** the registered serializer (tests call deserializeWebviewPanel with a fresh panel) */
  readonly serializer: vscode.WebviewPanelSerializer<unknown>;
}

export function registerTimeline(ctx: FeatureContext): TimelineTestHooks {
  const panels = new TimelinePanels(ctx);
  ctx.extensionContext.subscriptions.push(
    panels,
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, panels),
    ctx.settings.onDidChange(key => {
      if (key === 'timeline.timeZone') panels.applyTimeZone(ctx.settings.get('timeline.timeZone'));
      if ((LIMIT_SETTING_KEYS as readonly string[]).includes(key)) panels.applyLimits();
    }),
  );
  registerOpenTimeline(ctx, panels);
  registerCopyTimelineLink(ctx, panels);
  return { panels: () => panels.panels, onDidOpen: panels.onDidOpen, serializer: panels };
}
