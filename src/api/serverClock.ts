// The server's clock, as the HTTP `Date` header of its answers tells it. A machine whose own clock is
// off (a VDI image, a laptop after sleep, the emulator run at another instant with --clock) would
// otherwise ask Agent Activity for "the last 24 hours" in the server's future or past. The Date
// header has one-second resolution and is stamped before the answer travels, so the estimate errs
// early by at most a second and a round trip: a range that "ends now" never ends in the server's
// future. Within SKEW_IGNORED_MS of the local clock, the local clock is used as it is.
export const SKEW_IGNORED_MS = 2000;

export class ServerClock {
  private offset = 0;

  constructor(private readonly localNow: () => number = Date.now) {}

  /** Takes the `Date` header of an answer received at local time `receivedAt`. */
  observe(dateHeader: string | null | undefined, receivedAt = this.localNow()): void {
    if (!dateHeader) return;
    const serverMs = Date.parse(dateHeader);
    if (Number.isNaN(serverMs)) return;
    const skew = serverMs - receivedAt;
    this.offset = Math.abs(skew) < SKEW_IGNORED_MS ? 0 : skew;
  }

  /** ms to add to the local clock to get the server's (0 while they agree) */
  get offsetMs(): number {
    return this.offset;
  }

  now(): number {
    return this.localNow() + this.offset;
  }
}
