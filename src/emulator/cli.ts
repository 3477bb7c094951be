// `npm run emulator -- --port 8787 --agents 200 --seed 1 [fault flags]`: serves the LivePerson
// emulator on 127.0.0.1, prints its URL and the demo credentials, stops on SIGINT/SIGTERM.
import { startEmulator, DEMO, LIMITED_KEY } from './index';
import type { EmulatorOptions, Faults } from './types';
import { parseInstant, rateProblem } from './clock';

const HELP = `LivePerson emulator — every service of a demo account on one loopback port.

Usage: npm run emulator -- [options]

Options:
  --port N                 port on 127.0.0.1 (default 8787; 0 = random)
  --agents N               number of agents (default 200; scales to 10000)
  --seed N                 data seed (default 1): same seed, same data
  --clock ISO              start the emulator's clock at this instant (ISO-8601 with a zone, e.g.
                           2026-12-06T03:00:00Z); it ticks from there. Default: the real time.
  --clock-rate N           run the clock N× faster than real time (default 1; 60 = an hour a minute)
  --history-months N       Agent Activity look-back (default 6)
  --activity-lag N         Agent Activity hides changes newer than N minutes (default 60)
  --activity-accepts-bearer  let Agent Activity accept a login bearer (default: API keys only)
  --agent-metrics-needs-key  Agent Metrics refuses a login bearer (403), as documented (default: accepted)
  --create-status 200|201  status of a successful status reason create (default 200)
  --max-limit N            agent-view max page size (default 1000)
  --session-ttl N          login session lifetime in minutes (default 480)
  --idle-timeout N         login session idle timeout in minutes (default 30)
  --client-token-ttl N     OAuth 2.0 client-credentials token lifetime in minutes (default 60)
  --quiet                  do not log requests
Faults:
  --latency MS             added before every API answer
  --rate-429 P             fraction 0..1 of API calls answered 429
  --login-429 P            fraction 0..1 of login calls answered 429
  --retry-after S          Retry-After of injected 429s (default 1)
  --burst-5xx N            the next N API calls answer 503
  --partial                agent-view answers partialResult:true and omits ~10% of agents
  --stale-revision N       the next N Account Configuration writes answer 409
  --apply-then-5xx N       the next N status reason writes are applied, then answered 504
  --apply-then-timeout N   the next N status reason writes are applied, then never answered (held
                           until the client gives up; at most 120 s, then the connection is closed)
  --apply-then-reset N     the next N status reason writes are applied, then the connection is cut
                           mid-answer (headers and half the body sent)
  --precondition-failed N  the next N status reason writes that carry If-Match answer 412
  --unauthorized-after N   N more authorized API calls pass, then one answers 401: a login bearer's
                           session ends (re-login works); an API key is refused once
  --csds-foreign-host [URI]  CSDS points accountConfigReadWrite and agentActivityDomain at
                           evil.example.invalid:443, or at URI verbatim (e.g. user@127.0.0.1:8787)
  --foreign-next-link      Agent Activity's next link has a path beginning //other.example.invalid/
  --csds-omit S1,S2        CSDS leaves these services out (e.g. agentManagerWorkspace): the all-services
                           lookup and the login answer omit them, the one-service lookup answers 404
  --not-found-paths P1,P2  paths beginning with these prefixes (e.g. /manager_workspace/) answer 404
                           as unknown endpoints
  --forbid R1,R2           these routes (e.g. statusReasons.update,statusChanges) answer 403 (missing permission)
  --html-errors            error answers are HTML pages
  --truncate-bodies N      the next N JSON bodies are cut in half
  --help                   this text

Clock: everything served (live states and durations, Agent Activity and its lag, session
lifetimes, the 6-month and no-future range rules, the Date header) follows the emulator's one
clock. Read it: GET /__control/clock. Jump: POST /__control/clock {"now": "2026-12-07T21:00:00Z"}.
Move forward: POST /__control/clock {"advanceMs": 3600000}. Change speed: {"rate": 60}.
`;

function parseArgs(argv: string[]): EmulatorOptions & { quiet: boolean } {
  const opts: EmulatorOptions & { quiet: boolean } = { port: 8787, quiet: false };
  const faults: Partial<Faults> = {};
  let clockStart: number | undefined, clockRate: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): number => {
      const raw = argv[++i];
      const n = Number(raw);
      if (raw === undefined || !Number.isFinite(n)) throw new Error(`${flag} needs a number`);
      return n;
    };
    /** a comma-separated value (sanitized like the control API's list knobs) */
    const list = (): string[] => {
      const raw = argv[++i];
      if (raw === undefined || raw.startsWith('--')) throw new Error(`${flag} needs a comma-separated list`);
      return raw.split(',');
    };
    switch (flag) {
      case '--help': case '-h': process.stdout.write(HELP); process.exit(0); break;
      case '--port': opts.port = value(); break;
      case '--agents': opts.agents = value(); break;
      case '--seed': opts.seed = value(); break;
      case '--clock': {
        const raw = argv[++i];
        const ms = parseInstant(raw ?? '');
        if (raw === undefined || typeof ms === 'string') throw new Error(`--clock: ${raw === undefined ? 'needs an instant, e.g. 2026-12-06T03:00:00Z' : ms}`);
        clockStart = ms;
        break;
      }
      case '--clock-rate': {
        const rate = value();
        const problem = rateProblem(rate);
        if (problem) throw new Error(`--clock-rate: ${problem}`);
        clockRate = rate;
        break;
      }
      case '--history-months': opts.historyMonths = value(); break;
      case '--activity-lag': opts.activityLagMinutes = value(); break;
      case '--activity-accepts-bearer': opts.activityAcceptsBearer = true; break;
      case '--agent-metrics-needs-key': opts.agentMetricsNeedsKey = true; break;
      case '--create-status': { const s = value(); if (s !== 200 && s !== 201) throw new Error('--create-status must be 200 or 201'); opts.createStatus = s; break; }
      case '--max-limit': opts.maxLimit = value(); break;
      case '--session-ttl': opts.sessionTtlMs = value() * 60_000; break;
      case '--idle-timeout': opts.idleTimeoutMs = value() * 60_000; break;
      case '--client-token-ttl': { const m = value(); if (!(m > 0)) throw new Error('--client-token-ttl must be a number of minutes > 0'); opts.clientTokenTtlMinutes = m; break; }
      case '--quiet': opts.quiet = true; break;
      case '--latency': faults.latencyMs = value(); break;
      case '--rate-429': faults.rate429 = value(); break;
      case '--login-429': faults.login429 = value(); break;
      case '--retry-after': faults.retryAfterSeconds = value(); break;
      case '--burst-5xx': faults.burst5xx = value(); break;
      case '--partial': faults.partialResult = true; break;
      case '--stale-revision': faults.staleRevision = value(); break;
      case '--apply-then-5xx': faults.applyThen5xx = value(); break;
      case '--apply-then-timeout': faults.applyThenTimeout = value(); break;
      case '--apply-then-reset': faults.applyThenReset = value(); break;
      case '--precondition-failed': faults.preconditionFailed = value(); break;
      case '--unauthorized-after': faults.unauthorizedAfter = value(); break;
      case '--csds-foreign-host': {
        const next = argv[i + 1];
        faults.csdsForeignHost = next !== undefined && !next.startsWith('--') ? argv[++i] : true;
        break;
      }
      case '--foreign-next-link': faults.foreignNextLink = true; break;
      case '--csds-omit': faults.csdsOmit = list(); break;
      case '--not-found-paths': faults.notFoundPaths = list(); break;
      case '--forbid': faults.forbid = list(); break;
      case '--html-errors': faults.htmlErrors = true; break;
      case '--truncate-bodies': faults.truncateBodies = value(); break;
      default: throw new Error(`Unknown option ${flag} (see --help)`);
    }
  }
  opts.faults = faults;
  if (clockStart !== undefined || clockRate !== undefined) opts.clock = { start: clockStart, rate: clockRate };
  if (opts.agents !== undefined && (opts.agents < 1 || opts.agents > 100_000)) throw new Error('--agents must be between 1 and 100000');
  return opts;
}

function clockLine(c: { now: string; rate: number }): string {
  return `${c.now}${c.rate === 1 ? ' (ticking in real time)' : ` (running ${c.rate}× real time)`}`;
}

async function main(): Promise<void> {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(2);
  }
  // request log lines carry the emulator clock's time (the instant the answers were about)
  const stamp: { now?: () => string } = {};
  const emu = await startEmulator({ ...opts, log: opts.quiet ? undefined : line => process.stdout.write(`${stamp.now?.() ?? ''} ${line}\n`) });
  stamp.now = () => emu.control.clock().now;
  process.stdout.write([
    `LivePerson emulator listening on ${emu.url}  (${opts.agents ?? 200} agents, seed ${opts.seed ?? 1})`,
    `  Clock:          ${clockLine(emu.control.clock())}`,
    `  CSDS URL (setting liveperson.csdsUrl): ${emu.url}`,
    `  Account id:     ${DEMO.accountId}`,
    `  User login:     ${DEMO.username} / ${DEMO.password}`,
    `  API key:        app key ${DEMO.appKey}, secret ${DEMO.appSecret}, access token ${DEMO.accessToken}, token secret ${DEMO.accessTokenSecret}`,
    `  OAuth 2.0:      client id ${DEMO.clientId}, client secret ${DEMO.clientSecret} (sentinel service)`,
    `  Bearer token:   ${DEMO.bearerToken}`,
    `  Limited key:    ${LIMITED_KEY.appKey} / ${LIMITED_KEY.appSecret} / ${LIMITED_KEY.accessToken} / ${LIMITED_KEY.accessTokenSecret} (no Agent Activity, no AC writes)`,
    `  Control:        ${emu.url}/__control/{clock,faults,reset-faults,expire-bearers,stats,reset-stats,agent-status}`,
    'Ctrl+C stops it.',
    '',
  ].join('\n'));
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: stopping…\n`);
    void emu.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main().catch(e => {
  process.stderr.write(`emulator failed: ${(e as Error).message}\n`);
  process.exit(1);
});
