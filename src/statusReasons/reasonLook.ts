// How a reason looks in the tree, as plain strings (unit-tested without VS Code). No `vscode` here.
import type { ReasonState, StatusReason } from '../api/types';
import { escapeMarkdown } from '../domain/markdownText';

export const stateNodeId = (state: ReasonState): string => `statusReasonState:${state}`;
export const reasonNodeId = (id: string): string => `statusReason:${id}`;

/** contextValue tokens the menus match: `statusReason enabled|disabled [deleted]`. */
export function reasonContextValue(r: StatusReason): string {
  return `statusReason ${r.enabled ? 'enabled' : 'disabled'}${r.deleted ? ' deleted' : ''}`;
}

export function reasonDescription(r: StatusReason): string {
  return [r.deleted ? 'deleted' : undefined, r.enabled ? undefined : 'disabled'].filter(Boolean).join(' · ');
}

/** The tooltip's Markdown; every server string escaped. */
export function reasonTooltipMarkdown(r: StatusReason, revision: string | undefined): string {
  return [
    `**${escapeMarkdown(r.text)}**`,
    '',
    `State: ${escapeMarkdown(r.state)}  `,
    `Enabled: ${r.enabled ? 'yes' : 'no'}${r.deleted ? '  \nDeleted: yes' : ''}  `,
    `Id: ${escapeMarkdown(r.id)}  `,
    `Account revision: ${revision === undefined ? 'unknown' : escapeMarkdown(revision)} (as of the last load)`,
  ].join('\n');
}

/** A reason node of the tree (or anything shaped like one: `{ kind: 'reason', id }`). */
export function isReasonNode(x: unknown): x is { kind: 'reason'; id: string } {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown; id?: unknown }).kind === 'reason' && typeof (x as { kind?: unknown; id?: unknown }).id === 'string';
}
