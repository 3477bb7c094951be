// What someone else changed, in words, after a 409/412 made us reload. No `vscode` here.
import type { StatusReason } from '../api/types';

/** "Renamed to “X” by someone else", "already deleted", … or undefined if this reason is unchanged. */
export function describeChange(before: StatusReason, fresh: StatusReason | undefined): string | undefined {
  if (!fresh || fresh.deleted) return before.deleted ? undefined : 'it was already deleted by someone else';
  const parts: string[] = [];
  if (fresh.text !== before.text) parts.push(`renamed to “${fresh.text}”`);
  if (fresh.state !== before.state) parts.push(`moved to ${fresh.state}`);
  if (fresh.enabled !== before.enabled) parts.push(fresh.enabled ? 'enabled' : 'disabled');
  if (fresh.order !== before.order) parts.push(`reordered (order ${orderText(before.order)} → ${orderText(fresh.order)})`);
  return parts.length ? `it was ${parts.join(', ')} by someone else` : undefined;
}

/** An `order` value in messages and plans; a reason without one says so. */
export function orderText(order: number | undefined): string {
  return order === undefined ? 'none' : String(order);
}
