// In settings.json, hovering `liveperson.agents.timeLimits` / `…minimumOnline` /
// `…disconnectedLimitMinutes` lists what Live Agents could not use in them (a bad entry, a group or
// skill name the account does not have), below VS Code's own description of the setting.
import * as vscode from 'vscode';
import { escapeMarkdown } from './format';
import type { Supervision } from './supervision';

const KEY = /"liveperson\.agents\.(timeLimits|minimumOnline|disconnectedLimitMinutes)"/;

export function registerSettingsHover(supervision: Supervision): vscode.Disposable {
  const selector: vscode.DocumentSelector = [
    { language: 'jsonc', pattern: '**/settings.json' },
    { language: 'json', pattern: '**/settings.json' },
  ];
  return vscode.languages.registerHoverProvider(selector, {
    provideHover(document, position) {
      const range = document.getWordRangeAtPosition(position, KEY);
      if (!range) return undefined;
      const key = KEY.exec(document.getText(range))![1];
      const prefix = `liveperson.agents.${key}`;
      const problems = supervision.problems.filter(p => p.startsWith(prefix));
      if (!problems.length) return undefined;
      const md = new vscode.MarkdownString(['**Live Agents could not use:**', '', ...problems.map(p => `- ${escapeMarkdown(p)}`)].join('\n'));
      md.isTrusted = false;
      return new vscode.Hover(md, range);
    },
  });
}
