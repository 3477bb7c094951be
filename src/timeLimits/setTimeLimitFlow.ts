// "Set Time Limit…", shared by Live Agents (a status group, an agent) and Status Reasons (a reason):
// pick the state or reason (when the caller has not), type whole minutes 1–1440 (empty removes the
// limit; a bad value is refused in the box, the typed text kept), pick where to save it (user or
// workspace settings, when a workspace is open), and write `liveperson.agents.timeLimits` there —
// starting from what that scope holds (else the value in force), so no other rule is lost.
import * as vscode from 'vscode';
import { ValidationError } from '../api/errors';
import type { FeatureContext, SettingScope } from '../platform/featureContext';
import { BACK, type PickItem } from '../platform/prompter';
import {
  compileLimits, LIMIT_NAME_OF_STATE, LIMIT_STATE_NAMES, type LimitStateName, minutesProblem, parseTimeLimits, stateOfLimitName, type TimeLimitRule, withRule,
} from '../domain/timeLimits';

export interface LimitTarget {
  state: LimitStateName;
  reason?: string;
}

export interface SetTimeLimitResult extends LimitTarget {
  /** undefined: the limit was removed */
  minutes?: number;
  scope: SettingScope;
}

const TITLE = 'Set Time Limit';

/** `Away · Lunch` / `Back soon` */
export function targetText(t: LimitTarget): string {
  return t.reason !== undefined ? `${t.state} · ${t.reason}` : t.state;
}

/** The rules in force (every scope merged, as VS Code reads them). */
function rulesInForce(ctx: FeatureContext): TimeLimitRule[] {
  return parseTimeLimits(ctx.settings.get('agents.timeLimits')).items;
}

/** The minutes the target has now: its own rule (the rule that would apply, for a reason without one, is shown as a hint). */
function currentMinutes(ctx: FeatureContext, t: LimitTarget): { own?: number; applied?: number } {
  const rules = rulesInForce(ctx);
  const state = stateOfLimitName(t.state)!;
  const applied = compileLimits(rules).limitFor(state, t.reason);
  const own = applied && (t.reason === undefined ? !applied.byReason : applied.byReason) ? applied.rule.minutes : undefined;
  return { own, applied: applied?.rule.minutes };
}

/** A `{ state, reason? }` argument (tests, keybindings), checked. */
export function parseTargetArg(arg: unknown): LimitTarget {
  const a = arg as { state?: unknown; reason?: unknown };
  const state = typeof a?.state === 'string' ? stateOfLimitName(a.state) : undefined;
  if (!state || state === 'offline') throw new ValidationError('The target must be { state: "Away" | "Back soon" | "Online", reason? }.');
  if (a.reason !== undefined && (typeof a.reason !== 'string' || !a.reason.trim())) throw new ValidationError('reason must be a status reason text.');
  return { state: LIMIT_NAME_OF_STATE[state]!, ...(typeof a.reason === 'string' ? { reason: a.reason.trim() } : {}) };
}

/**
 * Runs the flow. `target` undefined → pick from the states and `reasons` (texts with their state).
 * Returns what was saved, or undefined when the user cancelled.
 */
export async function setTimeLimitFlow(ctx: FeatureContext, target: LimitTarget | readonly LimitTarget[] | undefined, reasons: () => Promise<LimitTarget[]>): Promise<SetTimeLimitResult | undefined> {
  const p = ctx.prompter;
  const hasWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  const fixed = target !== undefined && !Array.isArray(target);
  const steps = (fixed ? 0 : 1) + 1 + (hasWorkspace ? 1 : 0);
  let picked: LimitTarget | undefined = fixed ? (target as LimitTarget) : undefined;
  let typed: string | undefined;
  let step = fixed ? 2 : 1;
  for (;;) {
    const n = fixed ? step - 1 : step;
    const common = { title: TITLE, step: n, totalSteps: steps, canGoBack: n > 1, ignoreFocusOut: true };
    if (step === 1) {
      const options = Array.isArray(target) ? (target as LimitTarget[]) : [...LIMIT_STATE_NAMES.map((state): LimitTarget => ({ state })), ...(await reasons())];
      const items: PickItem<LimitTarget>[] = options.map(t => {
        const m = currentMinutes(ctx, t);
        return { label: targetText(t), description: m.own !== undefined ? `${m.own} min` : m.applied !== undefined ? `no own limit (the state's ${m.applied} min applies)` : 'no limit', value: t, iconId: t.reason !== undefined ? 'tag' : 'pulse' };
      });
      const answer = await p.pick(items, { ...common, placeHolder: 'Which state or status reason gets a time limit?', matchOnDescription: true });
      if (answer === undefined) return undefined;
      if (answer === BACK) continue;
      picked = answer;
      typed = undefined;
      step = 2;
    } else if (step === 2) {
      const t = picked!;
      const m = currentMinutes(ctx, t);
      const answer = await p.input({
        ...common,
        prompt: `Minutes an agent may be in ${targetText(t)} before being over the limit (1–1440; empty removes ${m.own !== undefined ? `the ${m.own} min limit` : 'the limit'})`,
        value: typed ?? (m.own !== undefined ? String(m.own) : ''),
        placeHolder: m.applied !== undefined && m.own === undefined ? `now the state's ${m.applied} min applies` : 'e.g. 15',
        validate: v => (v.trim() === '' ? undefined : minutesProblem(v) || undefined),
      });
      if (answer === undefined) return undefined;
      if (answer === BACK) {
        if (fixed) continue;
        step = 1;
        continue;
      }
      typed = answer;
      step = hasWorkspace ? 3 : 4;
    } else if (step === 3) {
      const items: PickItem<SettingScope>[] = [
        { label: 'User settings', description: 'every workspace', value: 'user', iconId: 'account' },
        { label: 'Workspace settings', description: 'this workspace only (shared with the team through .vscode/settings.json)', value: 'workspace', iconId: 'folder' },
      ];
      const answer = await p.pick(items, { ...common, placeHolder: 'Where to save the time limit' });
      if (answer === undefined) return undefined;
      if (answer === BACK) {
        step = 2;
        continue;
      }
      return save(ctx, picked!, typed!, answer);
    } else {
      return save(ctx, picked!, typed!, 'user');
    }
  }
}

async function save(ctx: FeatureContext, t: LimitTarget, typed: string, scope: SettingScope): Promise<SetTimeLimitResult | undefined> {
  const minutes = typed.trim() === '' ? undefined : Number(typed.trim());
  // what this scope holds; a scope that sets nothing starts from the value in force (defaults included)
  const base = ctx.settings.valueAt('agents.timeLimits', scope);
  const rules = parseTimeLimits(base !== undefined ? base : ctx.settings.get('agents.timeLimits')).items;
  const next = withRule(rules, t.state, t.reason, minutes);
  const where = scope === 'user' ? 'user settings' : 'workspace settings';
  if (minutes === undefined && next.length === rules.length) {
    await ctx.prompter.info(`${targetText(t)} has no time limit of its own in the ${where}; nothing changed.`);
    return undefined;
  }
  await ctx.settings.updateAt('agents.timeLimits', next, scope);
  void ctx.prompter.info(minutes === undefined ? `Removed the time limit of ${targetText(t)} (${where}).` : `Time limit of ${targetText(t)}: ${minutes} min (${where}).`);
  return { ...t, minutes, scope };
}
