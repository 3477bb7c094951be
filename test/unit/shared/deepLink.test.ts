import * as assert from 'assert';
import { buildDeepLink, EXTENSION_ID, MAX_LINK_AGENTS, parseDeepLink, parseDeepLinkText, timelineLinkProblem, type DeepLink } from '../../../src/shared/deepLink';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 3, 12);
const BASE = `vscode://${EXTENSION_ID}`;

function problemOf(text: string): string {
  const r = parseDeepLinkText(text);
  assert.ok(!r.ok, `refused: ${text}`);
  return r.problem;
}

describe('shared/deepLink', () => {
  it('round-trips timeline and reason links, with the scheme of the editor', () => {
    const links: DeepLink[] = [
      { kind: 'timeline', account: '12345678', agents: ['11', '22'], from: NOW - 24 * HOUR, to: NOW, tz: 'utc' },
      { kind: 'timeline', account: 'demo:demo1', agents: 'all', from: NOW - HOUR + 123, to: NOW, tz: 'local' },
      { kind: 'timeline', account: 'acc_1', agents: ['a.b-c_9'], from: 0, to: 1 },
      { kind: 'reason', account: '12345678', id: '3001' },
    ];
    for (const link of links) {
      for (const scheme of ['vscode', 'vscode-insiders', 'code-oss']) {
        const text = buildDeepLink(link, scheme);
        assert.ok(text.startsWith(`${scheme}://${EXTENSION_ID}/${link.kind}?`), text);
        assert.deepStrictEqual(parseDeepLinkText(text), { ok: true, link }, text);
      }
    }
  });

  it('writes readable links: ISO times in UTC, commas and colons as they are, nothing else', () => {
    const text = buildDeepLink({ kind: 'timeline', account: '123', agents: ['1', '2'], from: Date.UTC(2026, 11, 3, 9), to: Date.UTC(2026, 11, 3, 10), tz: 'utc' }, 'vscode');
    assert.strictEqual(text, `${BASE}/timeline?account=123&agents=1,2&from=2026-12-03T09:00:00.000Z&to=2026-12-03T10:00:00.000Z&tz=utc`);
    assert.strictEqual(buildDeepLink({ kind: 'reason', account: 'demo:9', id: '77' }, 'vscode'), `${BASE}/reason?account=demo:9&id=77`);
  });

  it('reads times as ISO-8601 with a zone (Z or an offset, also percent-encoded) or epoch ms', () => {
    const ok = (from: string, to: string) => {
      const r = parseDeepLink('/timeline', `account=1&agents=all&from=${from}&to=${to}`);
      assert.ok(r.ok && r.link.kind === 'timeline', `${from} ${to}: ${r.ok ? '' : r.problem}`);
      return [r.link.from, r.link.to];
    };
    assert.deepStrictEqual(ok('2026-12-03T09:00+01:00', '2026-12-03T09:00Z'), [Date.UTC(2026, 11, 3, 8), Date.UTC(2026, 11, 3, 9)]);
    assert.deepStrictEqual(ok('2026-12-03T09:00%2B01:00', '2026-12-03T10:00:30.5-01:00'), [Date.UTC(2026, 11, 3, 8), Date.UTC(2026, 11, 3, 11, 0, 30, 500)]);
    assert.deepStrictEqual(ok('1000', '2000'), [1000, 2000]);
    // vscode.Uri hands the handler a decoded query: a literal `+` stays a plus (not a space)
    assert.deepStrictEqual(ok('2026-12-03T09:00:00+01:00', '2026-12-03T09:00:00+00:30'), [Date.UTC(2026, 11, 3, 8), Date.UTC(2026, 11, 3, 8, 30)]);
  });

  it('drops duplicate agent ids and leaves tz out when the link has none', () => {
    const r = parseDeepLink('timeline', 'account=1&agents=5,5,6&from=1&to=2');
    assert.deepStrictEqual(r, { ok: true, link: { kind: 'timeline', account: '1', agents: ['5', '6'], from: 1, to: 2 } });
  });

  it('refuses every bad input with one sentence naming the problem', () => {
    const cases: [string, RegExp][] = [
      ['not a link', /not a link/],
      ['vscode://someone.else/timeline?account=1', /someone\.else.*not for this extension/],
      [`${BASE}/`, /names no view/],
      [`${BASE}/agents?account=1`, /“\/agents” is not a known link/],
      [`${BASE}/timeline?account=1&agents=all&from=1&to=2&colour=red`, /unknown parameter “colour”/],
      [`${BASE}/timeline?account=1&agents=all&from=1`, /“to” is missing/],
      [`${BASE}/timeline?agents=all`, /“account”, “from”, “to” are missing/],
      [`${BASE}/timeline?account=&agents=all&from=1&to=2`, /“account” is missing/],
      [`${BASE}/timeline?account=1&account=2&agents=all&from=1&to=2`, /“account” appears more than once/],
      [`${BASE}/timeline?account=a%ZZ&agents=all&from=1&to=2`, /not correctly encoded/],
      [`${BASE}/timeline?account=no spaces&agents=all&from=1&to=2`, /not an account id/],
      [`${BASE}/timeline?account=123456789012345678901&agents=all&from=1&to=2`, /not an account id/],
      [`${BASE}/timeline?account=1&agents=1,,2&from=1&to=2`, /an empty agent id/],
      [`${BASE}/timeline?account=1&agents=1,<script>&from=1&to=2`, /“<script>” is not an agent id/],
      [`${BASE}/timeline?account=1&agents=${Array.from({ length: MAX_LINK_AGENTS + 1 }, (_, i) => i).join(',')}&from=1&to=2`, /at most 100/],
      [`${BASE}/timeline?account=1&agents=all&from=yesterday&to=2`, /from “yesterday” is not a time/],
      [`${BASE}/timeline?account=1&agents=all&from=2026-12-03T09:00:00&to=2`, /from .* is not a time: use ISO-8601 with a zone/],
      [`${BASE}/timeline?account=1&agents=all&from=2026-12-03&to=2`, /is not a time/],
      [`${BASE}/timeline?account=1&agents=all&from=1&to=2026-02-30T09:00Z`, /to “2026-02-30T09:00Z” is not a valid date/],
      [`${BASE}/timeline?account=1&agents=all&from=1&to=2026-12-03T24:00Z`, /not a valid date/],
      [`${BASE}/timeline?account=1&agents=all&from=1&to=-5`, /to “-5” is not a time/],
      [`${BASE}/timeline?account=1&agents=all&from=9999999999999999&to=2`, /not a time|not a valid date/],
      [`${BASE}/timeline?account=1&agents=all&from=5&to=5`, /start \(from\) must be before the end \(to\)/],
      [`${BASE}/timeline?account=1&agents=all&from=1&to=2&tz=Europe/Berlin`, /tz “Europe\/Berlin” is neither local nor utc/],
      [`${BASE}/reason?account=1`, /“id” is missing/],
      [`${BASE}/reason?account=1&id=../../etc`, /not a status reason id/],
      [`${BASE}/reason?account=1&id=2&agents=all`, /unknown parameter “agents”.*takes account, id/],
    ];
    for (const [text, expected] of cases) assert.match(problemOf(text), expected, text);
  });

  it('clips long values it quotes', () => {
    assert.match(problemOf(`${BASE}/reason?account=1&id=${'x'.repeat(500)}`), /x{40}…” is not/);
  });

  it('applies the palette’s range rules to a timeline link', () => {
    const link = (from: number, to: number) => ({ kind: 'timeline' as const, account: '1', agents: 'all' as const, from, to });
    assert.strictEqual(timelineLinkProblem(link(NOW - 24 * HOUR, NOW), NOW, 'utc', 13), undefined);
    assert.match(timelineLinkProblem(link(NOW - 40 * 24 * HOUR, NOW), NOW, 'utc', 13) ?? '', /range is refused: .*longer than one month/);
    assert.match(timelineLinkProblem(link(NOW - HOUR, NOW + 2 * HOUR), NOW, 'utc', 13) ?? '', /in the future/);
    assert.match(timelineLinkProblem(link(NOW - 200 * 24 * HOUR, NOW - 199 * 24 * HOUR), NOW, 'utc', 6) ?? '', /more than 6 months ago/);
  });
});
