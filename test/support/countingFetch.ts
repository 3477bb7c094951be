// node-fetch (the real thing, no stub) with a count of the agent-view/status requests in flight:
// from the call until its body has been read (or the call failed). Used by the agent-metrics tests
// (concurrency cap, cancellation) and the load bench. `onStart` runs as each one starts.
import nodeFetch from 'node-fetch';
import type { FetchLike } from '../../src/api/http';

export interface CountingFetch {
  inFlight: number;
  peak: number;
  started: number;
  fetch: FetchLike;
}

export function countingFetch(onStart: (started: number) => void = () => undefined): CountingFetch {
  const c: CountingFetch = { inFlight: 0, peak: 0, started: 0, fetch: undefined as unknown as FetchLike };
  c.fetch = async (url, init) => {
    if (!url.includes('/agent-view/status')) return nodeFetch(url, init);
    c.inFlight++;
    c.peak = Math.max(c.peak, c.inFlight);
    onStart(++c.started);
    let done = false;
    const end = () => {
      if (!done) c.inFlight--;
      done = true;
    };
    try {
      const res = await nodeFetch(url, init);
      const text = res.text.bind(res);
      res.text = async () => {
        try {
          return await text();
        } finally {
          end();
        }
      };
      return res;
    } catch (e) {
      end();
      throw e;
    }
  };
  return c;
}
