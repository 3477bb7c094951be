// How a reason looks in the tree, as plain strings (unit-tested without VS Code). No `vscode` here.
import type { ReasonState, StatusReason } from '../api/types';
import { escapeMarkdown } from '../domain/markdownText';
import { AGENT_STATE_LABEL, stateFromReasonState } from '../domain/agentState';
import { STATE_ICON } from '../agents/agentPresentation';
import type { LimitPolicy } from '../domain/timeLimits';

export const stateNodeId = (state: ReasonState): string => `statusReasonState:${state}`;
export const reasonNodeId = (id: string): string => `statusReason:${id}`;

/**
 * A state group's icon and colour: the SAME mapping Live Agents and the status bar use for the agent
 * state the reason state puts an agent in (Occupied → Back soon), so one state has one icon everywhere.
 */
export function stateIcon(state: ReasonState): { iconId: string; colorId: string } {
  return STATE_ICON[stateFromReasonState(state)];
}

/** The name Live Agents, the status bar and the timeline use for agents in this reason state, when it differs. */
export function agentNameOfState(state: ReasonState): string | undefined {
  const name = AGENT_STATE_LABEL[stateFromReasonState(state)];
  return name === state ? undefined : name;
}

/** A state group's description: live reasons counted; deleted ones (when shown) apart; the agent-side name. */
export function stateDescription(state: ReasonState, live: number, deleted: number): string {
  const count = deleted ? `${live} (+${deleted} deleted)` : `${live}`;
  const alias = agentNameOfState(state);
  return alias ? `${count} · shown as ${alias}` : count;
}

export function stateTooltip(state: ReasonState, live: number, deleted: number): string {
  const alias = agentNameOfState(state);
  return `${live} status reason${live === 1 ? '' : 's'} for the ${state} state${deleted ? `, and ${deleted} deleted` : ''}.${alias ? ` Agents in this state are shown as “${alias}” in Live Agents, the status bar and the timeline.` : ''}`;
}

/** Where a live reason can move within its state group (none for deleted ones). */
export interface ReasonMoves { up: boolean; down: boolean }

/** contextValue tokens the menus match: `statusReason enabled|disabled [deleted] [canMoveUp] [canMoveDown]`. */
export function reasonContextValue(r: StatusReason, moves: ReasonMoves = { up: false, down: false }): string {
  const move = r.deleted ? '' : `${moves.up ? ' canMoveUp' : ''}${moves.down ? ' canMoveDown' : ''}`;
  return `statusReason ${r.enabled ? 'enabled' : 'disabled'}${r.deleted ? ' deleted' : ''}${move}`;
}

export function reasonDescription(r: StatusReason): string {
  return [r.deleted ? 'deleted' : undefined, r.enabled ? undefined : 'disabled'].filter(Boolean).join(' · ');
}

/** The tooltip's Markdown; every server string escaped. */
export function reasonTooltipMarkdown(r: StatusReason, revision: string | undefined, limitText?: string): string {
  return [
    `**${escapeMarkdown(r.text)}**`,
    '',
    `State: ${escapeMarkdown(r.state)}  `,
    `Enabled: ${r.enabled ? 'yes' : 'no'}${r.deleted ? '  \nDeleted: yes' : ''}  `,
    `Id: ${escapeMarkdown(r.id)}  `,
    `Order: ${r.order === undefined ? 'none (shown first, as the server lists it)' : r.order}  `,
    ...(limitText !== undefined ? [`Time limit: ${limitText}  `] : []), // our own text (minutes and a state name), not the server's
    `Account revision: ${revision === undefined ? 'unknown' : escapeMarkdown(revision)} (as of the last load)`,
  ].join('\n');
}

/** A reason node of the tree (or anything shaped like one: `{ kind: 'reason', id }`). */
export function isReasonNode(x: unknown): x is { kind: 'reason'; id: string } {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown; id?: unknown }).kind === 'reason' && typeof (x as { kind?: unknown; id?: unknown }).id === 'string';
}

/** `30 min (its own)`, `15 min (the Away state's)`, `none` — the limit agents in this reason have. */
export function reasonLimitText(r: StatusReason, limits: LimitPolicy): string {
  const applied = limits.limitFor(stateFromReasonState(r.state), r.text);
  if (!applied) return 'none';
  return applied.byReason ? `${applied.rule.minutes} min (its own)` : `${applied.rule.minutes} min (the ${applied.rule.state} state's)`;
}
