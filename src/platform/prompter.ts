// Every question the extension asks a user goes through this interface. Production uses
// VsCodePrompter (vscode.window); extension-host tests swap in a scripted double
// (test/integration/support/scriptedPrompter.ts) that answers in order and records every message.

/** Returned by a step when the user pressed the Back button of a multi-step input. */
// Symbol.for: the same symbol in every module instance (tests load src/ from out/, the extension runs
// from its bundle — a plain Symbol() would differ between them).
export const BACK = Symbol.for('liveperson.back');
export type Back = typeof BACK;

export interface InputOptions {
  title?: string;
  prompt?: string;
  placeHolder?: string;
  /** initial value (kept when validation fails or the server refuses) */
  value?: string;
  password?: boolean;
  ignoreFocusOut?: boolean;
  step?: number;
  totalSteps?: number;
  /** show a Back button; pressing it resolves to BACK */
  canGoBack?: boolean;
  /** live validation; return a message to refuse the value */
  validate?: (value: string) => string | undefined | Promise<string | undefined>;
  /** live warning for a valid value (shown as a warning; the value can still be accepted) */
  warn?: (value: string) => string | undefined;
  /**
   * A message shown as soon as the box opens, e.g. why the server refused what was typed last time.
   * It does not block accepting the value as is; it clears when the value is edited.
   */
  validationMessage?: string;
}

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
  picked?: boolean;
  /** a codicon id, e.g. 'account' */
  iconId?: string;
}

export interface PickOptions {
  title?: string;
  placeHolder?: string;
  step?: number;
  totalSteps?: number;
  canGoBack?: boolean;
  matchOnDescription?: boolean;
  matchOnDetail?: boolean;
  ignoreFocusOut?: boolean;
}

export interface Prompter {
  /** undefined = cancelled (Escape) */
  input(options: InputOptions): Promise<string | Back | undefined>;
  pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | Back | undefined>;
  pickMany<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T[] | Back | undefined>;
  /** A modal confirmation; true only when the user chose `confirmLabel`. */
  confirm(message: string, options: { detail?: string; confirmLabel: string }): Promise<boolean>;
  /** Non-modal notifications; resolve to the chosen action, if any. */
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  warn(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string, ...actions: string[]): Promise<string | undefined>;
  /** Open-file dialog; resolves to a file-system path. */
  openFile(options: { title?: string; filters?: Record<string, string[]> }): Promise<string | undefined>;
  /** Save-file dialog; resolves to a file-system path. */
  saveFile(options: { title?: string; defaultName?: string; filters?: Record<string, string[]> }): Promise<string | undefined>;
}
