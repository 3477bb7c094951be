// A scripted Prompter for extension-host tests: answers questions in order, behaves like the real
// input widgets (an input the `validate` function refuses cannot be accepted — the refusal is
// recorded and the next answer is tried, as a user would retype), records every notification, and
// fails loudly when a command asks something the script did not expect.
import * as assert from 'assert';
import { BACK, type Back, type InputOptions, type PickItem, type PickOptions, type Prompter } from '../../../src/platform/prompter';

export { BACK };

/**
 * One answer:
 * - input: a string, BACK, or undefined (Escape)
 * - pick: a string (the item whose label equals it, else starts with it), `{ value }` (item whose value
 *   deep-equals it), a function `(items) => item | undefined`, BACK or undefined
 * - pickMany: an array of label strings, or a function `(items) => items`
 * - confirm: true / false
 * - notification with actions: `{ action: 'Label' }` (consumed only by info/warn/error); `{ action, after }`
 *   awaits `after()` before choosing, as a user reads the message first (e.g. the test lifts a fault)
 * - file dialogs: `{ file: '/abs/path' }` or undefined
 */
export type Answer =
  | string
  | boolean
  | undefined
  | Back
  | { value: unknown }
  | { action: string; after?: () => Promise<void> | void }
  | { file: string }
  | string[]
  | ((items: readonly PickItem<unknown>[]) => PickItem<unknown> | PickItem<unknown>[] | undefined);

export interface RecordedMessage { level: 'info' | 'warn' | 'error'; message: string; actions: string[] }
export interface RecordedPrompt { kind: 'input' | 'pick' | 'pickMany' | 'confirm' | 'openFile' | 'saveFile'; title?: string; prompt?: string; value?: string; items?: string[]; message?: string; password?: boolean }

const isObj = (a: Answer): a is Extract<Answer, { value: unknown } | { action: string } | { file: string }> =>
  typeof a === 'object' && a !== null && !Array.isArray(a);

export class ScriptedPrompter implements Prompter {
  readonly messages: RecordedMessage[] = [];
  readonly prompts: RecordedPrompt[] = [];
  /** messages returned by `validate` for refused answers, in order */
  readonly validationMessages: string[] = [];
  /** warnings (`warn`) shown for the answers accepted, in order */
  readonly inputWarnings: string[] = [];
  /** the full options of every input box opened (kept value, server message, password flag…), in order */
  readonly inputOptions: InputOptions[] = [];
  private readonly answers: Answer[];

  constructor(answers: Answer[] = []) {
    this.answers = [...answers];
  }

  /** Queue more answers. */
  push(...answers: Answer[]): this {
    this.answers.push(...answers);
    return this;
  }
  get remaining(): number {
    return this.answers.length;
  }
  assertDone(): void {
    assert.strictEqual(this.answers.length, 0, `unused scripted answers: ${JSON.stringify(this.answers.map(a => (typeof a === 'function' ? 'fn' : a === BACK ? 'BACK' : a)))}`);
  }
  lastMessage(level?: RecordedMessage['level']): RecordedMessage | undefined {
    return [...this.messages].reverse().find(m => !level || m.level === level);
  }

  private next(what: string): Answer {
    if (this.answers.length === 0) throw new Error(`ScriptedPrompter: no answer left for ${what}`);
    return this.answers.shift();
  }

  async input(options: InputOptions): Promise<string | Back | undefined> {
    this.prompts.push({ kind: 'input', title: options.title, prompt: options.prompt, value: options.value, password: options.password });
    this.inputOptions.push(options);
    for (;;) {
      const a = this.next(`input "${options.title ?? options.prompt ?? ''}"`);
      if (a === undefined || a === BACK) return a;
      if (typeof a !== 'string') throw new Error(`ScriptedPrompter: expected a string for input "${options.title ?? options.prompt}", got ${JSON.stringify(a)}`);
      const problem = options.validate ? await options.validate(a) : undefined;
      if (!problem) {
        const warning = options.warn?.(a);
        if (warning !== undefined) this.inputWarnings.push(warning);
        return a;
      }
      this.validationMessages.push(problem);
      // like a user: the widget refuses it; the next scripted answer is the corrected text
      if (this.answers.length === 0) return undefined;
    }
  }

  async pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | Back | undefined> {
    this.prompts.push({ kind: 'pick', title: options.title ?? options.placeHolder, items: items.map(i => i.label) });
    const a = this.next(`pick "${options.title ?? options.placeHolder ?? ''}" (${items.map(i => i.label).join(' | ')})`);
    if (a === undefined || a === BACK) return a;
    const item = this.findItem(items, a);
    if (!item) throw new Error(`ScriptedPrompter: no item matches ${JSON.stringify(a)} in ${items.map(i => i.label).join(' | ')}`);
    return item.value;
  }

  async pickMany<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T[] | Back | undefined> {
    this.prompts.push({ kind: 'pickMany', title: options.title ?? options.placeHolder, items: items.map(i => i.label) });
    const a = this.next(`pickMany "${options.title ?? options.placeHolder ?? ''}"`);
    if (a === undefined || a === BACK) return a;
    if (typeof a === 'function') {
      const r = a(items as readonly PickItem<unknown>[]);
      return (Array.isArray(r) ? r : r ? [r] : []).map(i => i.value as T);
    }
    if (!Array.isArray(a)) throw new Error(`ScriptedPrompter: expected labels for pickMany, got ${JSON.stringify(a)}`);
    return a.map(label => {
      const item = this.findItem(items, label);
      if (!item) throw new Error(`ScriptedPrompter: no item "${label}" in ${items.map(i => i.label).join(' | ')}`);
      return item.value;
    });
  }

  async confirm(message: string, options: { detail?: string; confirmLabel: string }): Promise<boolean> {
    this.prompts.push({ kind: 'confirm', message: `${message}${options.detail ? `\n${options.detail}` : ''}`, title: options.confirmLabel });
    const a = this.next(`confirm "${message}"`);
    if (typeof a !== 'boolean' && a !== undefined) throw new Error(`ScriptedPrompter: expected true/false for confirm "${message}", got ${JSON.stringify(a)}`);
    return a === true;
  }

  info(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.notify('info', message, actions);
  }
  warn(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.notify('warn', message, actions);
  }
  error(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.notify('error', message, actions);
  }

  async openFile(options: { title?: string }): Promise<string | undefined> {
    this.prompts.push({ kind: 'openFile', title: options.title });
    const a = this.next(`openFile "${options.title ?? ''}"`);
    return isObj(a) && 'file' in a ? String(a.file) : undefined;
  }
  async saveFile(options: { title?: string; defaultName?: string }): Promise<string | undefined> {
    this.prompts.push({ kind: 'saveFile', title: options.title, value: options.defaultName });
    const a = this.next(`saveFile "${options.title ?? ''}"`);
    return isObj(a) && 'file' in a ? String(a.file) : undefined;
  }

  private async notify(level: RecordedMessage['level'], message: string, actions: string[]): Promise<string | undefined> {
    this.messages.push({ level, message, actions });
    const a = this.answers[0];
    if (isObj(a) && 'action' in a) {
      this.answers.shift();
      if (!actions.includes(String(a.action))) throw new Error(`ScriptedPrompter: action "${String(a.action)}" not offered by "${message}" (offered: ${actions.join(', ')})`);
      if ('after' in a && a.after) await a.after();
      return String(a.action);
    }
    return undefined;
  }

  private findItem<T>(items: readonly PickItem<T>[], a: Answer): PickItem<T> | undefined {
    if (typeof a === 'function') {
      const r = a(items as readonly PickItem<unknown>[]);
      return (Array.isArray(r) ? r[0] : r) as PickItem<T> | undefined;
    }
    if (typeof a === 'string') return items.find(i => i.label === a) ?? items.find(i => i.label.startsWith(a)) ?? items.find(i => i.label.includes(a));
    if (isObj(a) && 'value' in a) return items.find(i => JSON.stringify(i.value) === JSON.stringify(a.value));
    return undefined;
  }
}
