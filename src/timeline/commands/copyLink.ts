// liveperson.timeline.copyLink — "Copy Link to This View"
// Arguments: none — the active Activity Timeline panel (the palette shows the command only while one
// is active; the panel's "Copy link" button does the same through its message). Copies a deep link
// (src/shared/deepLink.ts) to the panel's account, agents, range and time zone.
// Returns the copied link, or undefined.
import type { FeatureContext } from '../../platform/featureContext';
import type { TimelinePanels } from '../timelinePanels';

export const COPY_TIMELINE_LINK = 'liveperson.timeline.copyLink';

export function registerCopyTimelineLink(ctx: FeatureContext, panels: TimelinePanels): void {
  ctx.registerCommand(COPY_TIMELINE_LINK, async (): Promise<string | undefined> => {
    const open = panels.panels;
    const panel = open.find(p => p.panel.active) ?? (open.length === 1 ? open[0] : undefined);
    if (!panel) {
      await ctx.prompter.info(open.length ? 'Click into the Activity Timeline to copy a link to, then run the command again.' : 'Open an Activity Timeline first: the link names what it shows.');
      return undefined;
    }
    return panel.copyLink();
  });
}
