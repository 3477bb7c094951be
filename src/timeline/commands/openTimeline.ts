// liveperson.timeline.open — "Show Activity Timeline…"
// Arguments:
//   from the Live Agents tree: (node: AgentSelection, selected?: AgentSelection[]) — the union of
//     the selected nodes' agents (an agent row, a group/status node, or a multi-selection);
//   from tests/scripts and deep links: ({ agentIds: string[] | 'all', from?: number, to?: number,
//     timeZone?: 'local' | 'utc' }) — epoch ms; timeZone: the panel's zone (default: the setting);
//     from/to are checked against the Agent Activity rules before anything is sent (an end after
//     now is refused, as in the palette and the panel);
//   from the palette: no arguments — asks for the agents (all, or a pick) and a range.
// Returns the opened TimelinePanel (tests read it), or undefined when the user cancelled.
import { LivePersonError, ValidationError } from '../../api/errors';
import { isAgentSelection, type AgentSelection, type FeatureContext } from '../../platform/featureContext';
import { BACK } from '../../platform/prompter';
import { TIME_ZONES, type AgentScope, type RangeSpec, type TimeZoneMode } from '../../shared/protocol';
import { customRangeProblem } from '../../shared/rangeRules';
import { lookBackOf } from '../../domain/activityRange';
import { pickRange, pickScope, scopeOf } from '../pickers';
import type { TimelinePanel } from '../timelinePanel';
import type { TimelinePanels } from '../timelinePanels';

export const OPEN_TIMELINE = 'liveperson.timeline.open';

export interface OpenTimelineArgs { agentIds: string[] | 'all'; from?: number; to?: number; timeZone?: TimeZoneMode }

function isOpenArgs(x: unknown): x is OpenTimelineArgs {
  if (typeof x !== 'object' || x === null || isAgentSelection(x)) return false;
  const a = (x as OpenTimelineArgs).agentIds;
  const tz = (x as OpenTimelineArgs).timeZone;
  if (tz !== undefined && !TIME_ZONES.includes(tz)) return false;
  return a === 'all' || (Array.isArray(a) && a.every(id => typeof id === 'string' && id.length > 0));
}

function scopeFromNodes(node: AgentSelection, selected: unknown): AgentScope {
  const nodes = Array.isArray(selected) && selected.length > 1 && selected.every(isAgentSelection) ? (selected as AgentSelection[]) : [node];
  const ids = nodes.flatMap(n => [...n.agentIds]);
  if (!ids.length) throw new ValidationError(`“${node.label}” has no agents to show.`, [], 'Pick an agent or a group with agents.');
  if (nodes.length > 1) return scopeOf(ids, nodes[0].label, 'selection');
  return scopeOf(ids, node.label, node.agentIds.length === 1 && (node as { kind?: string }).kind !== 'group' ? 'agent' : 'group');
}

export function registerOpenTimeline(ctx: FeatureContext, panels: TimelinePanels): void {
  ctx.registerCommand(OPEN_TIMELINE, async (first?: unknown, second?: unknown): Promise<TimelinePanel | undefined> => {
    if (isAgentSelection(first)) return panels.openPanel(panels.defaultState(scopeFromNodes(first, second)));

    if (first !== undefined && first !== null) {
      if (!isOpenArgs(first)) throw new ValidationError('liveperson.timeline.open expects { agentIds: string[] | "all", from?, to?, timeZone? } or a Live Agents node.');
      if (Array.isArray(first.agentIds) && first.agentIds.length === 0) throw new ValidationError('No agents to show: agentIds is empty.');
      const scope: AgentScope = first.agentIds === 'all' ? { kind: 'all' } : scopeOf(first.agentIds, first.agentIds.length === 1 ? first.agentIds[0] : '', 'selection');
      let range: RangeSpec | undefined;
      if (first.from !== undefined || first.to !== undefined) {
        const now = ctx.session.active?.client.serverNow() ?? Date.now(); // the server's clock decides "the future"
        const from = Number(first.from);
        const to = first.to === undefined ? now : Number(first.to);
        // the same rules as the palette and the panel: an end after now is refused, not cut
        const problem = customRangeProblem(from, to, now, first.timeZone ?? ctx.settings.get('timeline.timeZone'), lookBackOf(ctx.settings.get('timeline.lookBackMonths')));
        if (problem) throw new ValidationError(problem, [], `Pick a range of at most one month within the last ${lookBackOf(ctx.settings.get('timeline.lookBackMonths'))} months, ending by now.`);
        range = { kind: 'custom', from, to };
      }
      const state = panels.defaultState(scope, range);
      return panels.openPanel(first.timeZone ? { ...state, timeZone: first.timeZone } : state);
    }

    // the palette: agents, then range (with Back)
    const client = ctx.session.active?.client;
    if (!client) throw new LivePersonError('Not signed in.', 'auth', 'Sign in to a LivePerson account (or try the demo account) first.');
    for (;;) {
      const scope = await pickScope(ctx.prompter, client, { step: 1, totalSteps: 2 });
      if (scope === undefined || scope === BACK) return undefined;
      const range = await pickRange(ctx.prompter, ctx.settings.get('timeline.timeZone'), () => client.serverNow(), { step: 2, totalSteps: 2, canGoBack: true, lookBackMonths: lookBackOf(ctx.settings.get('timeline.lookBackMonths')) });
      if (range === undefined) return undefined;
      if (range === BACK) continue;
      return panels.openPanel(panels.defaultState(scope, range));
    }
  });
}
