// Login sessions (liveperson-api.md §2.1): bearer + csrf + Session_id cookie, an absolute TTL and an
// idle timeout reset by refresh and by any authenticated call; logout and expireBearers end them.
import { randomBytes } from 'node:crypto';

export interface Session {
  sessionId: string;
  bearer: string;
  csrf: string;
  userId: number;
  loginName: string;
  createdAt: number;
  lastUsedAt: number;
  ended: boolean;
}

const MAX_SESSIONS = 5000;

export class SessionStore {
  private readonly byBearer = new Map<string, Session>();
  private readonly byId = new Map<string, Session>();

  constructor(private readonly ttlMs: number, private readonly idleMs: number) {}

  create(userId: number, loginName: string, now: number): Session {
    const s: Session = {
      sessionId: randomBytes(16).toString('hex'), bearer: randomBytes(32).toString('hex'), csrf: randomBytes(32).toString('hex'),
      userId, loginName, createdAt: now, lastUsedAt: now, ended: false,
    };
    if (this.byId.size >= MAX_SESSIONS) this.prune(now);
    this.byBearer.set(s.bearer, s);
    this.byId.set(s.sessionId, s);
    return s;
  }

  alive(s: Session | undefined, now: number): s is Session {
    return !!s && !s.ended && now < s.createdAt + this.ttlMs && now < s.lastUsedAt + this.idleMs;
  }

  /** The live session of a bearer, touched (idle timer reset); undefined if unknown or expired. */
  useBearer(bearer: string, now: number): Session | undefined {
    const s = this.byBearer.get(bearer);
    if (!this.alive(s, now)) return undefined;
    s.lastUsedAt = now;
    return s;
  }

  bySessionId(id: string | undefined): Session | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  end(s: Session): void {
    s.ended = true;
  }

  expireAll(): void {
    for (const s of this.byId.values()) s.ended = true;
  }

  private prune(now: number): void {
    for (const [id, s] of this.byId) {
      if (s.ended || now >= s.createdAt + this.ttlMs || now >= s.lastUsedAt + this.idleMs) {
        this.byId.delete(id);
        this.byBearer.delete(s.bearer);
      }
    }
    while (this.byId.size >= MAX_SESSIONS) {
      const [id, s] = this.byId.entries().next().value as [string, Session];
      this.byId.delete(id);
      this.byBearer.delete(s.bearer);
    }
  }
}
