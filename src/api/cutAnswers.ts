// node-fetch 2 never reports an answer whose connection closes before its Content-Length is read:
// the body just never ends, and the write waits for its timeout. A status reason write (the requests
// whose lost answer is read back) therefore goes through its own agent that watches the answer:
// closed before it was complete → `onCut` (Http aborts the request and reports a broken connection at
// once). Every other request — Live Agents' POSTed pages included — keeps the shared keep-alive agent.
import * as http from 'node:http';
import * as https from 'node:https';

type AddRequest = (req: http.ClientRequest, options: unknown) => void;

/** A one-request agent for `url` that calls `onCut` when the answer's connection closes early. */
export function cutWatchingAgent(url: string, onCut: () => void): http.Agent {
  const agent = new URL(url).protocol === 'https:' ? new https.Agent({ keepAlive: false }) : new http.Agent({ keepAlive: false });
  const inner = agent as unknown as { addRequest: AddRequest };
  const add = inner.addRequest.bind(agent);
  inner.addRequest = (req, options) => {
    req.once('response', (res: http.IncomingMessage) => res.once('close', () => {
      if (!res.complete) onCut();
    }));
    add(req, options);
  };
  return agent;
}
