// The Live Agents feature: the tree of logged-in agents (liveperson.agents), its commands and the
// status-bar counts. Registration only — nothing is fetched until the view is visible.
import type { FeatureContext } from '../platform/featureContext';
import { LiveAgentsController } from './liveAgentsController';
import { registerRefreshCommand } from './commands/refresh';
import { registerFilterCommand } from './commands/filter';
import { registerClearFilterCommand } from './commands/clearFilter';
import { registerGroupByCommand } from './commands/groupBy';
import { registerToggleAutoRefreshCommand } from './commands/toggleAutoRefresh';
import { registerPauseAutoRefreshCommand } from './commands/pauseAutoRefresh';
import { registerResumeAutoRefreshCommand } from './commands/resumeAutoRefresh';
import { registerCopyIdCommand } from './commands/copyId';
import { registerCopyLinkCommand } from './commands/copyLink';
import { registerShowOverLimitCommand } from './commands/showOverLimit';
import { registerSetTimeLimitCommand } from './commands/setTimeLimit';
import { registerSettingsHover } from './settingsHover';
import type { Clock } from './refreshScheduler';

/** What extension-host tests reach through `api.agents` (see test/integration/agents.test.ts). */
export interface AgentsTestHooks {
  readonly controller: LiveAgentsController;
  /** drive time: the scheduler and the description timer run on this clock from now on */
  useClock(clock: Clock): void;
  /** pretend the view is (not) visible / the window (not) focused; undefined = the real state */
  overrideVisible(v: boolean | undefined): void;
  overrideFocused(v: boolean | undefined): void;
  /** agents per agent-view page (undefined = 1000), so the small test account has several pages */
  usePageSize(pageSize: number | undefined): void;
  /** resolves when no refresh is in flight */
  whenIdle(): Promise<void>;
}

export function registerAgents(ctx: FeatureContext): AgentsTestHooks {
  const controller = new LiveAgentsController(ctx);
  ctx.extensionContext.subscriptions.push(controller, registerSettingsHover(controller.supervision));
  registerRefreshCommand(ctx, controller);
  registerFilterCommand(ctx, controller);
  registerClearFilterCommand(ctx, controller);
  registerGroupByCommand(ctx, controller);
  registerToggleAutoRefreshCommand(ctx, controller);
  registerPauseAutoRefreshCommand(ctx, controller);
  registerResumeAutoRefreshCommand(ctx, controller);
  registerCopyIdCommand(ctx, controller);
  registerCopyLinkCommand(ctx);
  registerShowOverLimitCommand(ctx, controller);
  registerSetTimeLimitCommand(ctx, controller);
  return {
    controller,
    useClock: clock => controller.useClock(clock),
    overrideVisible: v => controller.overrideVisible(v),
    overrideFocused: v => controller.overrideFocused(v),
    usePageSize: n => controller.usePageSize(n),
    whenIdle: () => controller.whenIdle(),
  };
}
