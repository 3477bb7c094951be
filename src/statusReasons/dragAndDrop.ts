// Drag and drop in the Status Reasons view: a reason dropped on another reason of the same state
// takes its place (dragged upward it goes above it, downward below it); dropped on its own state
// group it goes to the top. The move itself runs as Move Up / Move Down `{ id, to }` through the one
// command wrapper (errors, conflicts, selection). Drops across states, onto deleted reasons or of
// several reasons at once are refused with a message; nothing is written.
import * as vscode from 'vscode';
import type { Prompter } from '../platform/prompter';
import { COMMAND } from './feature';
import type { StatusReasonsModel } from './model';
import type { StatusReasonsNode } from './nodes';
import { liveGroup, moveIntoPlaceOf } from './reasonOrder';

/** The mime type a dragged reason travels under (its id list as JSON). */
export const REASON_IDS_MIME = 'application/vnd.liveperson.statusreason-ids';

export class StatusReasonsDragAndDrop implements vscode.TreeDragAndDropController<StatusReasonsNode> {
  readonly dragMimeTypes = [REASON_IDS_MIME];
  readonly dropMimeTypes = [REASON_IDS_MIME];

  constructor(private readonly model: StatusReasonsModel, private readonly prompter: Prompter) {}

  handleDrag(source: readonly StatusReasonsNode[], dataTransfer: vscode.DataTransfer): void {
    const ids = source.filter(n => n.kind === 'reason').map(n => n.id);
    if (ids.length) dataTransfer.set(REASON_IDS_MIME, new vscode.DataTransferItem(JSON.stringify(ids)));
  }

  async handleDrop(target: StatusReasonsNode | undefined, dataTransfer: vscode.DataTransfer): Promise<void> {
    const item = dataTransfer.get(REASON_IDS_MIME);
    if (!item) return;
    let ids: string[];
    try {
      const parsed: unknown = JSON.parse(await item.asString());
      ids = Array.isArray(parsed) ? parsed.map(String) : [];
    } catch {
      return;
    }
    const refuse = (message: string) => { void this.prompter.warn(message); };
    if (ids.length !== 1) return refuse('Drag one status reason at a time to reorder it.');
    const dragged = this.model.find(ids[0]);
    if (!dragged) return;
    if (dragged.deleted) return refuse(`“${dragged.text}” is deleted: only reasons that are not deleted can be reordered.`);
    if (!target) return refuse(`Drop “${dragged.text}” onto another ${dragged.state} reason to take its place, or onto the ${dragged.state} group to put it first.`);
    let into: string | undefined;
    if (target.kind === 'state') {
      if (target.state !== dragged.state) return refuse(`“${dragged.text}” is an ${dragged.state} reason: it can be reordered only within ${dragged.state}, not moved to ${target.state}.`);
      into = liveGroup(this.model.reasons, dragged.state)[0]?.id;
    } else {
      const onto = this.model.find(target.id) ?? target.reason;
      if (onto.id === dragged.id) return;
      if (onto.deleted) return refuse(`“${onto.text}” is deleted: drop “${dragged.text}” onto a reason that is not deleted.`);
      if (onto.state !== dragged.state) return refuse(`“${dragged.text}” is an ${dragged.state} reason and “${onto.text}” an ${onto.state} one: reasons can be reordered only within their state.`);
      into = onto.id;
    }
    const move = into === undefined ? undefined : moveIntoPlaceOf(this.model.reasons, dragged.id, into);
    if (!move) return; // already first (dropped on its own group)
    await vscode.commands.executeCommand(move.side === 'before' ? COMMAND.moveUp : COMMAND.moveDown, { id: dragged.id, to: into });
  }
}
