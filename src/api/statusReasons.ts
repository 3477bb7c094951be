// Agent Status Reason API (liveperson-api.md §3): list (include_deleted), get, create one, create many
// (one POST of an array), update (full object) and soft delete with `If-Match` = the last revision
// seen. The revision is read from `ac-revision`, else `ETag` (§9). 200 and 201 both mean created.
// 409/412 become a ConflictError; texts are checked with the shared reasonRules before sending. A
// write whose answer is lost is read back before it is reported (writeOutcome.ts).
import { findDuplicateText, reasonTextProblem } from '../domain/reasonRules';
import { idString, idValue, type ApiContext } from './apiContext';
import { ConflictError, LivePersonError, PartlyAppliedError, ValidationError } from './errors';
import { APIS, badResponseError } from './httpErrors';
import type { HttpResponse } from './http';
import { settleWrite } from './writeOutcome';
import { REASON_STATES, type LivePersonClient, type NewStatusReason, type RequestOptions, type StatusReason, type StatusReasonList } from './types';

const PATH = '/api/account/{account}/configuration/le-agents/status-reasons';
const V = '1.0';

/** `ac-revision`, else the ETag without quotes / weak prefix. */
export function revisionOf(headers: HttpResponse['headers']): string | undefined {
  const ac = headers.get('ac-revision');
  if (ac && ac.trim()) return ac.trim();
  const etag = headers.get('etag');
  if (etag && etag.trim()) return etag.trim().replace(/^W\//, '').replace(/"/g, '');
  return undefined;
}

export function parseStatusReason(raw: unknown): StatusReason | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const o = raw as Record<string, unknown>;
  const id = idString(o.id);
  if (!id || typeof o.text !== 'string') return undefined;
  const state = REASON_STATES.includes(o.state as StatusReason['state']) ? (o.state as StatusReason['state']) : 'Away';
  const r: StatusReason = { id, text: o.text, state, enabled: o.enabled !== false, deleted: o.deleted === true };
  if (typeof o.order === 'number') r.order = o.order;
  return r;
}

/** The problems of reasons about to be created (text rules, state, duplicates inside the batch). */
export function newReasonProblems(reasons: readonly NewStatusReason[]): string[] {
  const causes: string[] = [];
  reasons.forEach((r, i) => {
    const at = reasons.length > 1 ? `Reason ${i + 1} (“${String(r.text).slice(0, 40)}”): ` : '';
    const p = reasonTextProblem(r.text);
    if (p) causes.push(`${at}${p}`);
    if (!REASON_STATES.includes(r.state)) causes.push(`${at}State must be one of ${REASON_STATES.join(', ')}.`);
    if (!p && findDuplicateText(r.text, reasons.slice(0, i).map((x, j) => ({ id: j, text: x.text, deleted: false })))) causes.push(`${at}The same text appears twice in this batch.`);
  });
  return causes;
}

type StatusReasonsApi = LivePersonClient['statusReasons'];

export class StatusReasons implements StatusReasonsApi {
  private lastRevision: string | undefined;

  /** `afterWrite` runs after every write attempt, applied or not (a failed write may still have been applied). */
  constructor(private readonly ctx: ApiContext, private readonly afterWrite: () => void = () => {}) {}

  get revision(): string | undefined {
    return this.lastRevision;
  }

  private remember(res: HttpResponse): void {
    const rev = revisionOf(res.headers);
    if (rev !== undefined) this.lastRevision = rev;
  }

  async list(opts: RequestOptions & { includeDeleted?: boolean } = {}): Promise<StatusReasonList> {
    const res = await this.ctx.call<unknown>({
      service: 'accountConfigReadOnly', method: 'GET', path: PATH, query: { v: V, include_deleted: opts.includeDeleted ? 'true' : undefined }, signal: opts.signal, api: APIS.statusReasonsRead,
    });
    this.remember(res);
    if (!Array.isArray(res.body)) throw badResponseError('a status reason list that is not an array', res.status, { method: 'GET', path: this.ctx.path(PATH), api: APIS.statusReasonsRead });
    const items = res.body.map(parseStatusReason).filter((r): r is StatusReason => !!r);
    return { items, revision: revisionOf(res.headers) ?? this.lastRevision ?? '' };
  }

  async get(id: string, opts: RequestOptions & { includeDeleted?: boolean } = {}): Promise<StatusReason> {
    const res = await this.ctx.call<unknown>({
      service: 'accountConfigReadOnly', method: 'GET', path: `${PATH}/${encodeURIComponent(id)}`, query: { v: V, include_deleted: opts.includeDeleted ? 'true' : undefined }, signal: opts.signal, api: APIS.statusReasonsRead,
    });
    this.remember(res);
    return this.one(res, 'GET');
  }

  /** create: held (client.settled()) until its answer, or its read-back, is in. */
  create(reason: NewStatusReason, opts: RequestOptions = {}): Promise<StatusReason> {
    return this.ctx.http.hold(() => this.createNow(reason, opts));
  }
  private async createNow(reason: NewStatusReason, opts: RequestOptions): Promise<StatusReason> {
    const causes = newReasonProblems([reason]);
    if (causes.length) throw new ValidationError(`The status reason cannot be created: ${causes.join(' ')}`, causes, 'Change the text or state and try again.');
    let res: HttpResponse<unknown>;
    try {
      res = await this.write({ method: 'POST', path: PATH, body: newBody(reason), signal: opts.signal }, true);
    } catch (e) {
      return settleWrite(e, `create “${reason.text}”`, async () => (await this.findCreated([reason], opts.signal)).found[0], this.ctx.http.logger);
    }
    const body = Array.isArray(res.body) && res.body.length === 1 ? { ...res, body: res.body[0] } : res;
    return this.one(body, 'POST');
  }

  /** createMany: held (client.settled()) until its answer, or its read-back, is in. */
  createMany(reasons: NewStatusReason[], opts: RequestOptions = {}): Promise<StatusReason[]> {
    return this.ctx.http.hold(() => this.createManyNow(reasons, opts));
  }
  private async createManyNow(reasons: NewStatusReason[], opts: RequestOptions): Promise<StatusReason[]> {
    if (reasons.length === 0) return [];
    const causes = newReasonProblems(reasons);
    if (causes.length) throw new ValidationError(`${causes.length === 1 ? 'A status reason' : `${causes.length} status reasons`} cannot be created — nothing was sent: ${causes.join(' ')}`, causes, 'Fix the listed reasons and try again; nothing was created.');
    let res: HttpResponse<unknown>;
    try {
      res = await this.write({ method: 'POST', path: PATH, body: reasons.map(newBody), signal: opts.signal }, true);
    } catch (e) {
      return settleWrite(e, `create ${reasons.length} status reasons`, async () => {
        const { found, all } = await this.findCreated(reasons, opts.signal);
        if (all) return found as StatusReason[];
        const created = found.filter((r): r is StatusReason => r !== undefined);
        if (created.length === 0) return undefined;
        throw new PartlyAppliedError(created, reasons.filter((_, i) => !found[i]).map(r => r.text), e as LivePersonError);
      }, this.ctx.http.logger);
    }
    const list = Array.isArray(res.body) ? res.body : [res.body];
    const out = list.map(parseStatusReason);
    if (out.some((r) => !r) || out.length !== reasons.length) throw badResponseError(`${out.length} created items for ${reasons.length} sent`, res.status, { method: 'POST', path: this.ctx.path(PATH), api: APIS.statusReasonsWrite });
    return out as StatusReason[];
  }

  /** update: held (client.settled()) until its answer, or its read-back, is in. */
  update(reason: StatusReason, opts: RequestOptions & { revision?: string } = {}): Promise<StatusReason> {
    return this.ctx.http.hold(() => this.updateNow(reason, opts));
  }
  private async updateNow(reason: StatusReason, opts: RequestOptions & { revision?: string }): Promise<StatusReason> {
    const p = reasonTextProblem(reason.text) ?? (REASON_STATES.includes(reason.state) ? undefined : `State must be one of ${REASON_STATES.join(', ')}.`);
    if (p) throw new ValidationError(`The status reason cannot be saved: ${p}`, [p], 'Change the text or state and try again.');
    const body = { id: idValue(reason.id), text: reason.text, state: reason.state, enabled: reason.enabled, deleted: reason.deleted, ...(reason.order !== undefined ? { order: reason.order } : {}) };
    try {
      const res = await this.write({ method: 'PUT', path: `${PATH}/${encodeURIComponent(reason.id)}`, body, signal: opts.signal, revision: opts.revision });
      return this.one(res, 'PUT');
    } catch (e) {
      return settleWrite(e, `save “${reason.text}”`, async () => {
        const now = await this.get(reason.id, { signal: opts.signal, includeDeleted: true });
        const same = now.text === reason.text && now.state === reason.state && now.enabled === reason.enabled && now.deleted === reason.deleted
          && (reason.order === undefined || now.order === reason.order); // a move changes only the order
        return same ? now : undefined;
      }, this.ctx.http.logger);
    }
  }

  /** delete: held (client.settled()) until its answer, or its read-back, is in. */
  delete(id: string, opts: RequestOptions & { revision?: string } = {}): Promise<void> {
    return this.ctx.http.hold(() => this.deleteNow(id, opts));
  }
  private async deleteNow(id: string, opts: RequestOptions & { revision?: string }): Promise<void> {
    try {
      await this.write({ method: 'DELETE', path: `${PATH}/${encodeURIComponent(id)}`, signal: opts.signal, revision: opts.revision, expect: 'empty' });
    } catch (e) {
      await settleWrite(e, `delete status reason ${id}`, async () => {
        const now = await this.get(id, { signal: opts.signal, includeDeleted: true }).catch((err: unknown) => {
          if (err instanceof LivePersonError && err.kind === 'notFound') return { deleted: true }; // gone altogether
          throw err;
        });
        return now.deleted ? true : undefined;
      }, this.ctx.http.logger);
    }
  }

  /** The reasons the server now holds for each one sent (same text, state and enabled; not deleted). */
  private async findCreated(sent: readonly NewStatusReason[], signal?: AbortSignal): Promise<{ found: (StatusReason | undefined)[]; all: boolean }> {
    const { items } = await this.list({ signal });
    const found = sent.map((r) => items.find((x) => !x.deleted && x.text === r.text && x.state === r.state && x.enabled === r.enabled));
    return { found, all: found.every(x => x !== undefined) };
  }

  private async write(
    w: { method: 'POST' | 'PUT' | 'DELETE'; path: string; body?: unknown; signal?: AbortSignal; revision?: string; expect?: 'empty' },
    isCreate = false,
  ): Promise<HttpResponse<unknown>> {
    const revision = w.revision ?? this.lastRevision;
    try {
      const res = await this.ctx.call<unknown>({
        service: 'accountConfigReadWrite', method: w.method, path: w.path, query: { v: V }, body: w.body, signal: w.signal, expect: w.expect, api: APIS.statusReasonsWrite, watchForCutAnswer: true,
        headers: !isCreate && revision !== undefined ? { 'If-Match': revision } : undefined,
      });
      this.remember(res);
      return res;
    } catch (e) {
      const keep = <T extends LivePersonError>(err: T): T => Object.assign(err, { afterServerError: (e as LivePersonError).afterServerError });
      if (e instanceof ConflictError && isCreate) {
        throw keep(new ConflictError(e.message, e.status ?? 409, e.request, e.causes, 'A status reason with this text already exists, or the configuration just changed. Refresh the list and choose another text.'));
      }
      if (e instanceof LivePersonError && e.kind === 'notFound' && !isCreate) {
        throw keep(new LivePersonError(e.message, 'notFound', 'The status reason no longer exists (deleted elsewhere?). Refresh the list.', e.status, e.causes, e.request));
      }
      throw e;
    } finally {
      this.afterWrite();
    }
  }

  private one(res: HttpResponse<unknown>, method: string): StatusReason {
    const r = parseStatusReason(res.body);
    if (!r) throw badResponseError('an answer that is not a status reason', res.status, { method, path: this.ctx.path(PATH), api: APIS.statusReasonsRead });
    return r;
  }
}

function newBody(r: NewStatusReason): Record<string, unknown> {
  return { text: r.text, state: r.state, enabled: r.enabled, deleted: false, ...(r.order !== undefined ? { order: r.order } : {}) };
}
