// The production Prompter (vscode.window) and the delegating prompter the extension hands out, whose
// target tests swap for a scripted double (ExtensionApi.setPrompter).
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { BACK, type Back, type InputOptions, type PickItem, type PickOptions, type Prompter } from './prompter';
import { neutralizeLinks } from '../domain/markdownText';

export class VsCodePrompter implements Prompter {
  input(options: InputOptions): Promise<string | Back | undefined> {
    return new Promise(resolve => {
      const box = vscode.window.createInputBox();
      const disposables: vscode.Disposable[] = [box];
      let settled = false;
      let serverMessage = options.validationMessage;
      let validation = 0;
      const finish = (result: string | Back | undefined) => {
        if (settled) return;
        settled = true;
        resolve(result);
        box.hide();
        for (const d of disposables) d.dispose();
      };
      box.title = options.title;
      box.prompt = options.prompt;
      box.placeholder = options.placeHolder;
      box.value = options.value ?? '';
      box.password = options.password ?? false;
      box.ignoreFocusOut = options.ignoreFocusOut ?? options.password ?? false;
      box.step = options.step;
      box.totalSteps = options.totalSteps;
      box.buttons = options.canGoBack ? [vscode.QuickInputButtons.Back] : [];
      if (serverMessage) box.validationMessage = { message: serverMessage, severity: vscode.InputBoxValidationSeverity.Error };
      const validate = async (value: string): Promise<string | undefined> => {
        const ticket = ++validation;
        const message = options.validate ? await options.validate(value) : undefined;
        const warning = message === undefined ? options.warn?.(value) : undefined;
        if (ticket === validation && !settled) {
          box.validationMessage = message ?? (warning !== undefined ? { message: warning, severity: vscode.InputBoxValidationSeverity.Warning } : serverMessage);
        }
        return message;
      };
      disposables.push(
        box.onDidTriggerButton(b => {
          if (b === vscode.QuickInputButtons.Back) finish(BACK);
        }),
        box.onDidChangeValue(v => {
          serverMessage = undefined;
          void validate(v);
        }),
        box.onDidAccept(async () => {
          const value = box.value;
          box.enabled = false;
          box.busy = true;
          try {
            const message = await validate(value);
            if (message === undefined) finish(value);
          } finally {
            if (!settled) {
              box.enabled = true;
              box.busy = false;
            }
          }
        }),
        box.onDidHide(() => finish(undefined)),
      );
      box.show();
    });
  }

  pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | Back | undefined> {
    return this.quickPick(items, options, false).then(r => (r === BACK || r === undefined ? r : r[0]));
  }

  pickMany<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T[] | Back | undefined> {
    return this.quickPick(items, options, true);
  }

  private quickPick<T>(items: readonly PickItem<T>[], options: PickOptions, many: boolean): Promise<T[] | Back | undefined> {
    type Item = vscode.QuickPickItem & { value: T };
    return new Promise(resolve => {
      const qp = vscode.window.createQuickPick<Item>();
      const disposables: vscode.Disposable[] = [qp];
      let settled = false;
      const finish = (result: T[] | Back | undefined) => {
        if (settled) return;
        settled = true;
        resolve(result);
        qp.hide();
        for (const d of disposables) d.dispose();
      };
      const mapped: Item[] = items.map(i => ({
        label: i.label,
        description: i.description,
        detail: i.detail,
        picked: i.picked,
        iconPath: i.iconId ? new vscode.ThemeIcon(i.iconId) : undefined,
        value: i.value,
      }));
      qp.title = options.title;
      qp.placeholder = options.placeHolder;
      qp.step = options.step;
      qp.totalSteps = options.totalSteps;
      qp.canSelectMany = many;
      qp.matchOnDescription = options.matchOnDescription ?? false;
      qp.matchOnDetail = options.matchOnDetail ?? false;
      qp.ignoreFocusOut = options.ignoreFocusOut ?? false;
      qp.buttons = options.canGoBack ? [vscode.QuickInputButtons.Back] : [];
      qp.items = mapped;
      const picked = mapped.filter(i => i.picked);
      if (many) qp.selectedItems = picked;
      else if (picked.length) qp.activeItems = [picked[0]];
      disposables.push(
        qp.onDidTriggerButton(b => {
          if (b === vscode.QuickInputButtons.Back) finish(BACK);
        }),
        qp.onDidAccept(() => {
          const chosen = many ? qp.selectedItems : qp.selectedItems.length ? qp.selectedItems : qp.activeItems;
          if (!many && chosen.length === 0) return;
          finish(chosen.map(i => i.value));
        }),
        qp.onDidHide(() => finish(undefined)),
      );
      qp.show();
    });
  }

  async confirm(message: string, options: { detail?: string; confirmLabel: string }): Promise<boolean> {
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail: options.detail }, options.confirmLabel);
    return choice === options.confirmLabel;
  }

  info(message: string, ...actions: string[]): Promise<string | undefined> {
    return Promise.resolve(vscode.window.showInformationMessage(message, ...actions));
  }
  warn(message: string, ...actions: string[]): Promise<string | undefined> {
    return Promise.resolve(vscode.window.showWarningMessage(message, ...actions));
  }
  error(message: string, ...actions: string[]): Promise<string | undefined> {
    return Promise.resolve(vscode.window.showErrorMessage(message, ...actions));
  }

  async openFile(options: { title?: string; filters?: Record<string, string[]> }): Promise<string | undefined> {
    const uris = await vscode.window.showOpenDialog({ title: options.title, filters: options.filters, canSelectMany: false, canSelectFiles: true, canSelectFolders: false });
    return uris?.[0]?.fsPath;
  }

  async saveFile(options: { title?: string; defaultName?: string; filters?: Record<string, string[]> }): Promise<string | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.homedir();
    const defaultUri = options.defaultName ? vscode.Uri.file(path.join(folder, options.defaultName)) : undefined;
    const uri = await vscode.window.showSaveDialog({ title: options.title, filters: options.filters, defaultUri });
    return uri?.fsPath;
  }
}

/**
 * Forwards every call to the current target; `setTarget(undefined)` restores the fallback.
 * Notifications render `[label](target)` as links and their messages quote server text (reason texts,
 * agent names, LivePerson's error causes), so every notification passes through neutralizeLinks here,
 * once for every feature.
 */
export class DelegatingPrompter implements Prompter {
  private target: Prompter;
  constructor(private readonly fallback: Prompter) {
    this.target = fallback;
  }
  setTarget(p: Prompter | undefined): void {
    this.target = p ?? this.fallback;
  }
  input(o: InputOptions) { return this.target.input(o); }
  pick<T>(items: readonly PickItem<T>[], o: PickOptions) { return this.target.pick(items, o); }
  pickMany<T>(items: readonly PickItem<T>[], o: PickOptions) { return this.target.pickMany(items, o); }
  confirm(m: string, o: { detail?: string; confirmLabel: string }) { return this.target.confirm(m, o); }
  info(m: string, ...a: string[]) { return this.target.info(neutralizeLinks(m), ...a); }
  warn(m: string, ...a: string[]) { return this.target.warn(neutralizeLinks(m), ...a); }
  error(m: string, ...a: string[]) { return this.target.error(neutralizeLinks(m), ...a); }
  openFile(o: { title?: string; filters?: Record<string, string[]> }) { return this.target.openFile(o); }
  saveFile(o: { title?: string; defaultName?: string; filters?: Record<string, string[]> }) { return this.target.saveFile(o); }
}
