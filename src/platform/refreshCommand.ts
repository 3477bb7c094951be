// The command the error message's Refresh action runs: the failed command's feature refresh,
// its sibling id (`liveperson.statusReasons.create` → `liveperson.statusReasons.refresh`).
export function refreshCommandOf(id: string): string {
  return id.replace(/\.[^.]+$/, '.refresh');
}
