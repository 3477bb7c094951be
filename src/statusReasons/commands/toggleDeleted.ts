// liveperson.statusReasons.toggleDeleted — flips `liveperson.statusReasons.showDeleted` (setting and
// context key). Args: optional `{ show: boolean }` to set instead of flip. Returns the new value.
import type { ReasonsFeature } from '../feature';

export function toggleDeletedCommand(f: ReasonsFeature) {
  return async (args?: unknown): Promise<boolean> => {
    const explicit = args && typeof args === 'object' && typeof (args as { show?: unknown }).show === 'boolean' ? (args as { show: boolean }).show : undefined;
    const show = explicit ?? !f.provider.isShowingDeleted;
    // the view follows at once; the setting listener then finds nothing left to do
    f.provider.setShowDeleted(show);
    await f.ctx.contextKeys.set('liveperson.statusReasons.showDeleted', show);
    await f.ctx.settings.update('statusReasons.showDeleted', show);
    return show;
  };
}
