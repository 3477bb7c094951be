// Raw data: Open as JSON (liveperson.openAsJson) on status reasons and Live Agents nodes — the API
// records in read-only in-memory documents under the `liveperson:` scheme. Registration only:
// nothing is fetched until the command runs.
import type { FeatureContext } from '../platform/featureContext';
import { VirtualDocuments } from '../platform/virtualDocuments';
import { openAsJsonCommand } from './commands/openAsJson';

export const RAW_SCHEME = 'liveperson';

export interface RawDataFeature {
  readonly ctx: FeatureContext;
  readonly documents: VirtualDocuments;
}

export function registerRawData(ctx: FeatureContext): void {
  const documents = new VirtualDocuments(RAW_SCHEME);
  ctx.extensionContext.subscriptions.push(documents);
  ctx.registerCommand('liveperson.openAsJson', openAsJsonCommand({ ctx, documents }));
}
