// Agent Status Reason API (Account Configuration, liveperson-api.md §3): list, get, create (object or
// array, all-or-nothing), update, soft delete; `ac-revision` + `ETag` on every answer, If-Match → 304
// on reads and → 409 when stale on writes; validation → 400 with causes (also past MAX_ACTIVE_REASONS
// non-deleted reasons), duplicate text → 409.
// `order` (§3.2): accepted, stored and echoed only when a client set it (the docs' examples show none);
// a reason created without one is listed before the existing ones (the list is served in storage
// order, newest first — not sorted by order: clients sort); a PUT without `order` keeps the stored one.
import { findDuplicateText, MAX_ACTIVE_REASONS, reasonTextProblem } from '../../domain/reasonRules';
import { Ctx, Reply, badRequest, empty, fail, isPlainObject, ok, parseJson } from '../http';
import type { EmulatorState } from '../state';
import type { SeedReason } from '../data/seed';

const STATES = ['Online', 'Occupied', 'Away'];

export function acHeaders(state: EmulatorState): Record<string, string> {
  return { 'ac-revision': String(state.revision), etag: `"${state.revision}"` };
}

/** The `v` rule of AC APIs: required, a number. */
export function checkVersion(ctx: Ctx, exact?: number): Reply | undefined {
  const v = ctx.query.get('v');
  if (v === null || v.trim() === '') return badRequest('ac', ['v: query parameter is required']);
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) return badRequest('ac', [`v: must be a number, got "${v.slice(0, 20)}"`]);
  if (exact !== undefined && n !== exact) return badRequest('ac', [`v: unsupported version ${v.slice(0, 20)}; use ${exact.toFixed(1)}`]);
  return undefined;
}

/** If-Match on a GET: equal to the current revision → 304 (no body); -1 or absent → full answer. */
export function notModified(state: EmulatorState, ctx: Ctx): Reply | undefined {
  const m = ctx.req.headers['if-match'];
  if (m === undefined) return undefined;
  const rev = String(m).replace(/^W\//, '').replace(/"/g, '').trim();
  return rev === String(state.revision) ? empty(304) : undefined;
}

/** The preconditionFailed fault: a write that carries If-Match answers 412, nothing applied. */
function injectedPreconditionFailed(state: EmulatorState, ctx: Ctx): Reply | undefined {
  if (ctx.req.headers['if-match'] === undefined || !state.faults.takePreconditionFailed()) return undefined;
  return fail('ac', 412, 'Precondition Failed: the If-Match revision does not match (injected)');
}

function staleIfMatch(state: EmulatorState, ctx: Ctx): Reply | undefined {
  const failed = injectedPreconditionFailed(state, ctx);
  if (failed) return failed;
  if (state.faults.takeStaleRevision()) return fail('ac', 409, 'Conflict: the revision in If-Match is not the current one (injected)');
  const m = ctx.req.headers['if-match'];
  if (m === undefined) return undefined; // accepted when missing (liveperson-api.md §3.4)
  const rev = String(m).replace(/"/g, '').trim();
  if (rev !== String(state.revision)) return fail('ac', 409, `Conflict: If-Match revision ${rev.slice(0, 20)} is stale; current revision is ${state.revision}`);
  return undefined;
}

function idParam(ctx: Ctx): number | Reply {
  const raw = ctx.params.id;
  if (!/^\d{1,18}$/.test(raw) || Number(raw) <= 0) return badRequest('ac', [`statusReasonId: must be a positive number, got "${raw.slice(0, 30)}"`]);
  return Number(raw);
}

function view(r: SeedReason): Record<string, unknown> {
  const out: Record<string, unknown> = { id: r.id, text: r.text, state: r.state, enabled: r.enabled, deleted: r.deleted };
  if (r.order !== undefined) out.order = r.order;
  return out;
}

export function listReasons(state: EmulatorState, ctx: Ctx): Reply {
  const bad = checkVersion(ctx) ?? notModified(state, ctx);
  if (bad) return bad;
  const includeDeleted = ctx.query.get('include_deleted') === 'true';
  return ok(state.reasons.filter(r => includeDeleted || !r.deleted).map(view));
}

export function getReason(state: EmulatorState, ctx: Ctx): Reply {
  const bad = checkVersion(ctx);
  if (bad) return bad;
  const id = idParam(ctx);
  if (typeof id !== 'number') return id;
  const r = state.reasons.find(x => x.id === id);
  if (!r || (r.deleted && ctx.query.get('include_deleted') !== 'true')) return fail('ac', 404, `Status reason ${id} not found`);
  return notModified(state, ctx) ?? ok(view(r));
}

/** Validates one reason body; returns the causes (prefixed with `[index]` for arrays). */
function validate(body: unknown, prefix: string): string[] {
  if (!isPlainObject(body)) return [`${prefix}must be a JSON object`];
  const causes: string[] = [];
  const problem = typeof body.text === 'string' ? reasonTextProblem(body.text) : 'Text is required.';
  if (problem) causes.push(`${prefix}text: ${problem}`);
  if (!STATES.includes(body.state as string)) causes.push(`${prefix}state: must be one of Online, Occupied, Away`);
  if (body.enabled !== undefined && typeof body.enabled !== 'boolean') causes.push(`${prefix}enabled: must be a boolean`);
  if (body.deleted !== undefined && typeof body.deleted !== 'boolean') causes.push(`${prefix}deleted: must be a boolean`);
  if (body.order !== undefined && !Number.isInteger(body.order)) causes.push(`${prefix}order: must be an integer`);
  return causes;
}

export function createReasons(state: EmulatorState, ctx: Ctx): Reply {
  const bad = checkVersion(ctx);
  if (bad) return bad;
  const parsed = parseJson(ctx);
  if (!parsed.ok) return badRequest('ac', [parsed.error]);
  const isArray = Array.isArray(parsed.value);
  const items: unknown[] = isArray ? (parsed.value as unknown[]) : [parsed.value];
  if (items.length === 0) return badRequest('ac', ['body: at least one status reason is required']);
  const causes = items.flatMap((b, i) => validate(b, isArray ? `[${i}].` : ''));
  for (const [i, b] of items.entries()) if (isPlainObject(b) && b.deleted === true) causes.push(`${isArray ? `[${i}].` : ''}deleted: must be false on create`);
  const active = state.reasons.filter(r => !r.deleted).length;
  if (!causes.length && active + items.length > MAX_ACTIVE_REASONS) causes.push(`body: an account holds at most ${MAX_ACTIVE_REASONS} status reasons (not counting deleted ones); it has ${active}, ${items.length} more were sent`);
  if (causes.length) return { ...badRequest('ac', causes), headers: acHeaders(state) };
  const bodies = items as Record<string, unknown>[];
  const dupes: string[] = [];
  bodies.forEach((b, i) => {
    const text = b.text as string;
    if (findDuplicateText(text, state.reasons)) dupes.push(`${isArray ? `[${i}].` : ''}text: "${text}" already exists`);
    else if (bodies.findIndex(o => o.text === text) !== i) dupes.push(`[${i}].text: "${text}" appears twice in the request`);
  });
  if (dupes.length) return { ...fail('ac', 409, `Duplicate status reason text: ${dupes.join('; ')}`, { causes: dupes }), headers: acHeaders(state) };
  const failed = injectedPreconditionFailed(state, ctx);
  if (failed) return { ...failed, headers: acHeaders(state) };
  if (state.faults.takeStaleRevision()) return { ...fail('ac', 409, 'Conflict: revision changed concurrently (injected)'), headers: acHeaders(state) };
  const created: SeedReason[] = bodies.map(b => {
    const r: SeedReason = { id: state.nextReasonId, text: b.text as string, state: b.state as SeedReason['state'], enabled: b.enabled !== false, deleted: false };
    if (typeof b.order === 'number') r.order = b.order;
    state.nextReasonId += 100;
    return r;
  });
  // new items without an order precede the existing ones (liveperson-api.md §3.2)
  state.reasons.unshift(...created);
  state.revision++;
  const headers: Record<string, string> = acHeaders(state);
  if (!isArray) headers.location = `http://${ctx.host}${ctx.path}/${created[0].id}`;
  return ok(isArray ? created.map(view) : view(created[0]), state.opts.createStatus, headers);
}

/** The not-deleted reason a write's path names, or the answer to give instead (400 bad v/id, 404). */
function writeTarget(state: EmulatorState, ctx: Ctx): { id: number; r: SeedReason } | Reply {
  const bad = checkVersion(ctx);
  if (bad) return bad;
  const id = idParam(ctx);
  if (typeof id !== 'number') return id;
  const r = state.reasons.find(x => x.id === id && !x.deleted);
  return r ? { id, r } : fail('ac', 404, `Status reason ${id} not found`);
}

export function updateReason(state: EmulatorState, ctx: Ctx): Reply {
  const target = writeTarget(state, ctx);
  if (!('r' in target)) return target;
  const { id, r } = target;
  const parsed = parseJson(ctx);
  if (!parsed.ok) return badRequest('ac', [parsed.error]);
  const b = parsed.value;
  const causes = validate(b, '');
  if (isPlainObject(b) && b.id !== undefined && String(b.id) !== String(id)) causes.push(`id: ${String(b.id).slice(0, 20)} does not match the path id ${id}`);
  if (causes.length) return badRequest('ac', causes);
  const body = b as Record<string, unknown>;
  const stale = staleIfMatch(state, ctx);
  if (stale) return stale;
  const text = body.text as string;
  if (findDuplicateText(text, state.reasons, id)) return fail('ac', 409, `Duplicate status reason text: "${text}" already exists`, { causes: [`text: "${text}" already exists`] });
  r.text = text;
  r.state = body.state as SeedReason['state'];
  r.enabled = body.enabled !== false; // full-object PUT: a missing attribute is reset
  r.deleted = body.deleted === true;
  if (typeof body.order === 'number') r.order = body.order; // absent: kept (the documented PUT body has no order)
  state.revision++;
  return ok(view(r));
}

export function deleteReason(state: EmulatorState, ctx: Ctx): Reply {
  const target = writeTarget(state, ctx);
  if (!('r' in target)) return target;
  const { r } = target;
  const stale = staleIfMatch(state, ctx);
  if (stale) return stale;
  r.deleted = true;
  state.revision++;
  return empty(200);
}
