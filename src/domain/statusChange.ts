// The Agent Activity record the timeline model is built from (liveperson-api.md §5.4). The API layer
// (src/api/agentActivity.ts) produces it; no `vscode`, no import of src/api here.

/** One Agent Activity v2 state change, ids normalised to strings, time in epoch ms. */
export interface StatusChange {
  agentId: string;
  employeeId?: string;
  agentLoginName?: string;
  agentUserName?: string;
  agentGroupId?: string;
  time: number;
  /** undefined when the API sent -1 (the first two events of a session) */
  sessionId?: string;
  sequenceNumber: number;
  /** 1 status changed, 3 login, 4 logout */
  statusType: number;
  /** with statusType 1: 1 offline, 2 online, 3 occupied/back soon, 4 away */
  statusSubType: number;
  /** undefined when ≤ 0 */
  statusReasonId?: string;
  statusReasonText?: string;
  prevStatusChangeTime?: number;
}
