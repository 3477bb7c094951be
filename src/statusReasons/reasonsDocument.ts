// The "reasons as code" document: what Export writes and Apply reads (*.lpreasons.json, schema in
// media/status-reasons.schema.json). No `vscode` here.
import { REASON_STATES, type ReasonState, type StatusReason } from '../api/types';
import { inTreeOrder } from './reasonOrder';

export interface DocumentReason {
  /** the server id; omit it for a reason to create */
  id?: string;
  text: string;
  state: ReasonState;
  /** default true */
  enabled?: boolean;
  order?: number;
}
export interface ReasonsDocument {
  $schema?: string;
  account?: string;
  revision?: string;
  /** Apply deletes server reasons missing from `reasons` only when this is true (default false). */
  deleteMissing?: boolean;
  reasons: DocumentReason[];
}

/** The name Export suggests and the manifest's jsonValidation matches (schema without a `$schema` key). */
export const DOCUMENT_SUFFIX = '.lpreasons.json';

export function isReasonsFileName(path: string): boolean {
  return path.toLowerCase().endsWith(DOCUMENT_SUFFIX);
}

/**
 * The account's non-deleted reasons as the tree shows them (state by state, each in display order),
 * with the server's `order` where it keeps one (none is invented: Apply writes the orders it reads, so
 * an unedited export applies as no change); `$schema` (when given) is the first key.
 */
export function buildDocument(accountId: string, revision: string | undefined, reasons: readonly StatusReason[], schemaUri?: string): ReasonsDocument {
  // keys in reading order: $schema, account, revision, deleteMissing, reasons
  return {
    ...(schemaUri ? { $schema: schemaUri } : {}),
    account: accountId,
    ...(revision !== undefined ? { revision } : {}),
    deleteMissing: false,
    reasons: inTreeOrder(reasons.filter(r => !r.deleted))
      .map(r => ({ id: r.id, text: r.text, state: r.state, enabled: r.enabled, ...(r.order !== undefined ? { order: r.order } : {}) })),
  };
}

export function documentText(doc: ReasonsDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export class DocumentError extends Error {
  override readonly name = 'DocumentError';
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems: ${problems.join('; ')}`);
  }
}

/** Parses and checks the shape (not the text rules — the plan flags those per item). Throws DocumentError. */
export function parseDocument(text: string): ReasonsDocument {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new DocumentError([`Not valid JSON: ${(e as Error).message}`]);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new DocumentError(['Expected an object with a "reasons" array (export one to see the format).']);
  const o = data as Record<string, unknown>;
  const problems: string[] = [];
  if (!Array.isArray(o.reasons)) problems.push('"reasons" must be an array.');
  if (o.account !== undefined && typeof o.account !== 'string' && typeof o.account !== 'number') problems.push('"account" must be a string.');
  if (o.revision !== undefined && typeof o.revision !== 'string' && typeof o.revision !== 'number') problems.push('"revision" must be a string.');
  if (o.deleteMissing !== undefined && typeof o.deleteMissing !== 'boolean') problems.push('"deleteMissing" must be true or false.');
  const reasons: DocumentReason[] = [];
  if (Array.isArray(o.reasons)) {
    o.reasons.forEach((item: unknown, i) => {
      const at = `reasons[${i}]`;
      if (!item || typeof item !== 'object' || Array.isArray(item)) { problems.push(`${at} must be an object.`); return; }
      const r = item as Record<string, unknown>;
      if (typeof r.text !== 'string') problems.push(`${at}.text must be a string.`);
      if (typeof r.state !== 'string' || !(REASON_STATES as readonly string[]).includes(r.state)) problems.push(`${at}.state must be one of ${REASON_STATES.join(', ')}.`);
      if (r.enabled !== undefined && typeof r.enabled !== 'boolean') problems.push(`${at}.enabled must be true or false.`);
      if (r.id !== undefined && typeof r.id !== 'string' && typeof r.id !== 'number') problems.push(`${at}.id must be a string.`);
      if (r.order !== undefined && (typeof r.order !== 'number' || !Number.isInteger(r.order))) problems.push(`${at}.order must be an integer.`);
      reasons.push({
        id: r.id === undefined || r.id === null ? undefined : String(r.id),
        text: String(r.text),
        state: r.state as ReasonState,
        enabled: r.enabled === undefined ? undefined : r.enabled === true,
        ...(typeof r.order === 'number' ? { order: r.order } : {}),
      });
    });
  }
  if (problems.length) throw new DocumentError(problems);
  return {
    $schema: typeof o.$schema === 'string' ? o.$schema : undefined,
    account: o.account === undefined ? undefined : String(o.account),
    revision: o.revision === undefined ? undefined : String(o.revision),
    deleteMissing: o.deleteMissing === true,
    reasons,
  };
}
