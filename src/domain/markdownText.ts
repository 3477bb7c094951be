// Making server text (reason texts, agent, group and skill names) safe in Markdown. No `vscode` here.
// Markdown syntax characters get a backslash; `<`, `>` and `&` become entities so neither raw HTML
// nor an entity typed by someone else is ever interpreted. Line breaks become spaces.

const MARKDOWN_SYNTAX = /[\\`*_{}[\]()#+\-.!|~$:]/g;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_SYNTAX, ch => `\\${ch}`);
}

/**
 * Notifications render `[label](target)` as a link; a reason text must never become one. A zero-width
 * space between `]` and `(` keeps the text looking the same while breaking the link syntax.
 */
export function neutralizeLinks(message: string): string {
  return message.replace(/\]\s*\(/g, m => `]\u200B${m.slice(1)}`);
}
