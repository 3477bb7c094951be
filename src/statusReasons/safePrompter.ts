// The feature's view of the prompter: the same (swappable) prompter, with every notification's text
// passed through neutralizeLinks — messages quote server texts, and a notification must show them as
// text, never as a link.
import type { Prompter } from '../platform/prompter';
import { neutralizeLinks } from './markdown';

export function linkSafePrompter(target: Prompter): Prompter {
  return {
    input: o => target.input(o),
    pick: (items, o) => target.pick(items, o),
    pickMany: (items, o) => target.pickMany(items, o),
    confirm: (message, o) => target.confirm(message, o),
    info: (message, ...actions) => target.info(neutralizeLinks(message), ...actions),
    warn: (message, ...actions) => target.warn(neutralizeLinks(message), ...actions),
    error: (message, ...actions) => target.error(neutralizeLinks(message), ...actions),
    openFile: o => target.openFile(o),
    saveFile: o => target.saveFile(o),
  };
}
