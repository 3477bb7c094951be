// Parsing and checking the input of "Create Status Reasons in Bulk": typed lines separated by `;`
// or `|`, a text/CSV file (one per line, optionally `Text, State[, enabled|disabled]`), or JSON
// (an array of strings or reason objects, or an exported reasons document). No `vscode` here.
import { REASON_STATES, type NewStatusReason, type ReasonState, type StatusReason } from '../api/types';
import { reasonTextProblem } from '../domain/reasonRules';
import { LookalikeIndex, lookalikesInBatch } from '../domain/lookalike';
import { duplicateOf, lookalikeWarning } from './reasonValidation';

export interface BulkLine {
  /** 1-based position in the source (a line of a file, or an item of a typed list / JSON array) */
  line: number;
  text: string;
  /** named on the line itself; otherwise the state chosen for all applies */
  state?: ReasonState;
  enabled: boolean;
}
export interface CheckedLine extends BulkLine {
  /** why the server would refuse this line; undefined when it is fine */
  problem?: string;
  /** a line that will be sent but looks like an existing reason or an earlier line (case, spacing, look-alike letters) */
  warning?: string;
}

/** A single-line input box: items separated by `;` or `|`. */
export function splitTyped(input: string): string[] {
  return input.split(/[;|]/);
}

/** What a position is called to the user: a line of a text/CSV file, or an item of a typed list or JSON array. */
export type PositionNoun = 'line' | 'item';

function looksLikeJson(source: string): boolean {
  const trimmed = source.trim();
  return trimmed.startsWith('[') || trimmed.startsWith('{');
}

/** `line` for text/CSV sources, `item` for JSON ones. */
export function sourceNoun(source: string): PositionNoun {
  return looksLikeJson(source) ? 'item' : 'line';
}

/** A file or editor text: JSON when it looks like JSON, else one reason per line. */
export function parseSource(source: string): BulkLine[] {
  if (looksLikeJson(source)) return parseJsonSource(source.trim());
  return parseLines(source.split(/\r?\n/));
}

const STATE_BY_LOWER = new Map(REASON_STATES.map(s => [s.toLowerCase(), s] as const));

export function stateFromWord(word: string): ReasonState | undefined {
  return STATE_BY_LOWER.get(word.trim().toLowerCase());
}

/** Lines in the `Text[, State[, enabled|disabled]]` form; blank lines are skipped. */
export function parseLines(lines: readonly string[]): BulkLine[] {
  const out: BulkLine[] = [];
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    out.push({ line: i + 1, ...parseOneLine(raw) });
  });
  return out;
}

function parseOneLine(raw: string): { text: string; state?: ReasonState; enabled: boolean } {
  const cells = splitCsv(raw);
  let enabled = true;
  let state: ReasonState | undefined;
  // Only trailing cells that ARE a state or enabled/disabled are taken as columns, so a text with
  // commas in it stays whole.
  if (cells.length > 1) {
    const last = cells[cells.length - 1].trim().toLowerCase();
    if (last === 'enabled' || last === 'disabled') {
      enabled = last === 'enabled';
      cells.pop();
    }
  }
  if (cells.length > 1) {
    const s = stateFromWord(cells[cells.length - 1]);
    if (s) {
      state = s;
      cells.pop();
    }
  }
  return { text: cells.join(',').trim(), state, enabled };
}

/** Splits on commas outside double quotes; `"a, b"` stays one cell ("" is a quote inside). */
function splitCsv(raw: string): string[] {
  if (!raw.includes('"')) return raw.split(',');
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (quoted) {
      if (ch === '"' && raw[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') { quoted = true; cell = ''; }
    else if (ch === ',') { cells.push(cell); cell = ''; }
    else cell += ch;
  }
  cells.push(cell);
  return cells;
}

function parseJsonSource(text: string): BulkLine[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`The JSON could not be read: ${(e as Error).message}`);
  }
  const items = Array.isArray(data) ? data : (data as { reasons?: unknown }).reasons;
  if (!Array.isArray(items)) throw new Error('Expected a JSON array of texts or reasons, or a document with a "reasons" array.');
  return items.map((item: unknown, i): BulkLine => {
    if (typeof item === 'string') return { line: i + 1, text: item, enabled: true };
    if (item && typeof item === 'object') {
      const o = item as Record<string, unknown>;
      const state = typeof o.state === 'string' ? stateFromWord(o.state) : undefined;
      return { line: i + 1, text: typeof o.text === 'string' ? o.text : '', state, enabled: o.enabled !== false };
    }
    return { line: i + 1, text: '', enabled: true };
  });
}

/**
 * Flags lines the server would refuse, and duplicates (of an existing reason or of an earlier line);
 * warns of a sendable line that only looks like an existing reason or an earlier sendable line.
 */
export function checkLines(lines: readonly BulkLine[], existing: readonly StatusReason[], defaultState?: ReasonState, noun: PositionNoun = 'line'): CheckedLine[] {
  const seen = new Map<string, number>();
  const checked: CheckedLine[] = lines.map(l => {
    const state = l.state ?? defaultState;
    let problem = reasonTextProblem(l.text);
    if (!problem) {
      const clash = duplicateOf(l.text, existing);
      if (clash) problem = `duplicate of existing reason “${clash.text}” (${clash.state}, id ${clash.id})`;
    }
    if (!problem && seen.has(l.text)) problem = `same text as ${noun} ${seen.get(l.text)}`;
    if (!problem && !state) problem = 'no state (add “, Away”, “, Online” or “, Occupied”, or choose one for all)';
    if (!seen.has(l.text)) seen.set(l.text, l.line);
    return { ...l, state, problem };
  });
  const sendable = checked.filter(l => !l.problem);
  const index = new LookalikeIndex(existing);
  const inBatch = new Map(lookalikesInBatch(sendable.map(l => l.text)).map(b => [b.index, b]));
  sendable.forEach((l, i) => {
    const like = inBatch.get(i);
    const warning = lookalikeWarning(l.text, index)
      ?? (like ? `Looks like ${noun} ${sendable[like.likeIndex].line} (“${like.likeText}”): agents could not tell them apart.` : undefined);
    if (warning) l.warning = warning;
  });
  return checked;
}

export function toNewReasons(lines: readonly CheckedLine[]): NewStatusReason[] {
  return lines.filter(l => !l.problem && l.state).map(l => ({ text: l.text, state: l.state!, enabled: l.enabled }));
}
