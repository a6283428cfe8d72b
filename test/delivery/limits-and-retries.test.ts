import {
  outcomeOfHttpStatus,
  outcomeOfNetworkError,
  outcomeOfSlackError,
  retryAfterSeconds,
} from '../../src/delivery/outcomes';
import { slackLimits, TEAMS_LIMITS, TokenBuckets } from '../../src/delivery/rate-limiter';
import { afterTransientFailure, backoffMs, type RetryPolicy } from '../../src/delivery/retry-policy';

/** A clock that only moves when the limiter sleeps: every wait is exact. */
function fakeTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

describe('the token buckets', () => {
  it('let Teams send 5 at once to a tenant, then one every 20 ms: 50 a second', async () => {
    const time = fakeTime();
    const buckets = new TokenBuckets(time.now, time.sleep);
    const sentAt: number[] = [];
    for (let i = 0; i < 105; i++) {
      await buckets.acquire([
        { key: 'teams:ws:T', limit: TEAMS_LIMITS.workspace },
        { key: `teams:conv:${i}`, limit: TEAMS_LIMITS.conversation },
      ]);
      sentAt.push(time.now());
    }
    expect(sentAt.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 20]);
    expect(sentAt.at(-1)).toBe(2000);
    // No window of one second holds more than the documented 50 plus the small burst.
    for (const start of sentAt)
      expect(sentAt.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(55);
  });

  it('hold one conversation to 7 a second on Teams and one channel to 1 a second on Slack', async () => {
    const time = fakeTime();
    const buckets = new TokenBuckets(time.now, time.sleep);
    const times = async (key: string, limit: { perSecond: number; burst: number }, n: number) => {
      const at: number[] = [];
      for (let i = 0; i < n; i++) {
        await buckets.acquire([{ key, limit }]);
        at.push(time.now());
      }
      return at;
    };
    const teams = await times('teams:conv:x', TEAMS_LIMITS.conversation, 8);
    // The eighth waits for the first token back: one second, rounded up to whole milliseconds per wait.
    expect((teams[7] ?? 0) - (teams[0] ?? 0)).toBeGreaterThanOrEqual(1000);
    expect((teams[7] ?? 0) - (teams[0] ?? 0)).toBeLessThan(1010);
    const start = time.now();
    const slack = await times('slack:conv:C1', slackLimits().conversation, 3);
    // A Slack channel's one a second, with a margin for posts that arrive late.
    expect(slack.map((t) => t - start)).toEqual([0, 1200, 2400]);
  });

  it('pause a key for the Retry-After the platform gave', async () => {
    const time = fakeTime();
    const buckets = new TokenBuckets(time.now, time.sleep);
    const limit = slackLimits(600).workspace;
    await buckets.acquire([{ key: 'slack:ws:T', limit }]);
    await buckets.pause('slack:ws:T', 30_000);
    await buckets.acquire([{ key: 'slack:ws:T', limit }]);
    expect(time.now()).toBe(30_000);
    await buckets.acquire([{ key: 'slack:ws:OTHER', limit }]);
    expect(time.now()).toBe(30_000);
  });

  it('spread Slack’s default 300 a minute as 5 a second', async () => {
    const time = fakeTime();
    const buckets = new TokenBuckets(time.now, time.sleep);
    for (let i = 0; i < 11; i++)
      await buckets.acquire([{ key: 'slack:ws:T', limit: slackLimits().workspace }]);
    expect(time.now()).toBe(2000);
  });
});

describe('the retry policy', () => {
  const policy = (random: number): RetryPolicy => ({
    maxAttempts: 4,
    baseMs: 1000,
    maxMs: 5000,
    quickRetries: 0,
    random: () => random,
  });

  it('doubles the wait with jitter between half and all of it, up to the maximum', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, policy(0)))).toEqual([500, 1000, 2000, 2500, 2500]);
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, policy(0.5)))).toEqual([750, 1500, 3000, 3750, 3750]);
  });

  it('retries soon the first times, then doubles', () => {
    const quick = { ...policy(0), quickRetries: 3 };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, quick))).toEqual([500, 500, 500, 1000, 2000, 2500]);
  });

  it('gives up after the last attempt', () => {
    const now = new Date('2027-03-01T08:00:00Z');
    expect(afterTransientFailure(3, now, policy(0))).toEqual({
      action: 'retry',
      at: new Date('2027-03-01T08:00:02Z'),
    });
    expect(afterTransientFailure(4, now, policy(0))).toEqual({ action: 'dead' });
  });
});

describe('platform answers', () => {
  const now = new Date('2027-03-01T08:00:00Z');
  it('read 429 as a wait of Retry-After, in seconds or as a date', () => {
    expect(outcomeOfHttpStatus(429, '7', now)).toEqual({
      kind: 'retryAfter',
      seconds: 7,
      reason: 'HTTP 429',
    });
    expect(retryAfterSeconds('Mon, 01 Mar 2027 08:00:30 GMT', now)).toBe(30);
    expect(retryAfterSeconds(null, now)).toBe(1);
  });

  it('retry 412 and 5xx, and take a Teams 403 as a member who removed the bot', () => {
    expect(outcomeOfHttpStatus(412, null, now).kind).toBe('transient');
    expect(outcomeOfHttpStatus(503, null, now).kind).toBe('uncertain');
    expect(outcomeOfHttpStatus(500, null, now).kind).toBe('uncertain');
    expect(outcomeOfHttpStatus(408, null, now).kind).toBe('uncertain');
    expect(outcomeOfHttpStatus(403, null, now)).toEqual({
      kind: 'permanent',
      reason: 'HTTP 403',
      recipientGone: true,
    });
    expect(outcomeOfHttpStatus(400, null, now)).toMatchObject({ kind: 'permanent', recipientGone: false });
  });

  it('take Slack’s user_not_found, account_inactive and channel_not_found as a recipient gone', () => {
    for (const error of ['user_not_found', 'account_inactive', 'channel_not_found'])
      expect(outcomeOfSlackError(error)).toEqual({ kind: 'permanent', reason: error, recipientGone: true });
    expect(outcomeOfSlackError('ratelimited').kind).toBe('retryAfter');
    expect(outcomeOfSlackError('internal_error').kind).toBe('uncertain');
    expect(outcomeOfSlackError('invalid_blocks')).toMatchObject({ kind: 'permanent', recipientGone: false });
  });

  it('retry a connection never made, and treat one lost after sending as uncertain', () => {
    expect(
      outcomeOfNetworkError(Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } }))
        .kind,
    ).toBe('transient');
    expect(
      outcomeOfNetworkError(Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNRESET' } })).kind,
    ).toBe('uncertain');
  });
});
