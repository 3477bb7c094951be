// A status reason as the whole extension sees it (liveperson-api.md §3): the API layer reads and
// writes it, the domain (clean-up, usage) reasons about it. No `vscode`, no import of src/api here.
import type { ReasonState } from './agentState';

export interface StatusReason {
  id: string;
  text: string;
  state: ReasonState;
  enabled: boolean;
  deleted: boolean;
  order?: number;
}
