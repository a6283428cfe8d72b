import type { Member } from '../../src/core/model';
import { slackLimits, TEAMS_LIMITS } from '../../src/delivery/rate-limiter';
import type { OutgoingMessage, Sender, SendOutcome } from '../../src/delivery/sender';
import { OutboxWorker } from '../../src/delivery/worker';
import type { WorkerOptions } from '../../src/delivery/worker-options';
import { seedPeople, testCore } from '../support/core';
import { DRIVERS, type TestDatabase } from '../support/databases';

/** A sender that answers from a script and remembers every call. */
function scripted(answer: (m: OutgoingMessage, nth: number) => SendOutcome) {
  const calls: { key: string; kind: string; at: Date; uncertain: boolean }[] = [];
  let now = () => new Date();
  const sender: Sender & { calls: typeof calls; useClock(c: () => Date): void } = {
    platform: 'slack',
    calls,
    useClock: (c) => {
      now = c;
    },
    async send(m) {
      calls.push({ key: m.dedupeKey, kind: m.kind, at: now(), uncertain: m.uncertain });
      return answer(m, calls.filter((c) => c.key === m.dedupeKey).length);
    },
  };
  return sender;
}

const ok: SendOutcome = { kind: 'ok', ref: { channel: 'D1', ts: '1.1' } };

describe.each(DRIVERS)('the outbox worker on %s', (_name, open) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.close());

  /** An open cycle whose three check-in prompts wait in the outbox, Monday 1 March 2027 09:00. */
  async function setUp(
    answer: (m: OutgoingMessage, nth: number) => SendOutcome,
    options: Partial<WorkerOptions> = {},
  ) {
    await t.reset();
    const { core, clock, repos } = await testCore(t.db, '2027-02-20T09:00:00Z');
    const people = await seedPeople(core);
    const cycle = await core.planCycle(
      { memberId: people.coordinator.id },
      {
        agendaId: 'po-raad-2022-2026',
        name: 'Voorjaar 2027',
        scope: ['a1'],
        audience: { boards: [], members: [] },
        opensAt: new Date('2027-03-01T08:00:00Z'),
        closesAt: new Date('2027-03-21T22:59:00Z'),
      },
    );
    clock.set('2027-03-01T08:00:00Z');
    await core.runDue();
    const sender = scripted(answer);
    sender.useClock(() => clock.now());
    const worker = new OutboxWorker(core.deps, [sender], {
      sleep: async (ms) => clock.advance(ms),
      retry: { maxAttempts: 3, baseMs: 1000, maxMs: 60_000, quickRetries: 0, random: () => 0 },
      leaseMs: 60_000,
      sendTimeoutMs: 1_000,
      // Room enough that the limiter never waits here: its own waits are tested in limits-and-retries.
      limits: {
        slack: { ...slackLimits(6_000), conversation: { perSecond: 100, burst: 10 } },
        teams: TEAMS_LIMITS,
      },
      ...options,
    });
    const key = (m: Member, kind = 'prompt') => `checkin:${cycle.id}:${m.id}:${kind}`;
    return { core, clock, repos, worker, sender, cycle, key, ...people };
  }

  const rows = async () =>
    (
      await t.db.query<{
        dedupe_key: string;
        status: string;
        attempts: number;
        not_before: Date;
        last_error: string | null;
        kind: string;
        uncertain: boolean;
      }>(
        'SELECT dedupe_key, status, attempts, not_before, last_error, kind, uncertain FROM outbox ORDER BY dedupe_key',
      )
    ).rows;

  it('sends each due message once and keeps where it went', async () => {
    const { worker, sender, repos, cycle, anna, key } = await setUp(() => ok);
    expect(await worker.drain()).toMatchObject({ claimed: 3, sent: 3 });
    expect(await worker.drain()).toMatchObject({ claimed: 0 });
    expect(sender.calls.map((c) => c.key).sort()).toEqual(
      (await rows()).filter((r) => r.kind === 'checkin.prompt').map((r) => r.dedupe_key),
    );
    expect((await rows()).every((r) => r.status === 'sent')).toBe(true);
    const ref = await t.db.query<{ message_ref: unknown }>(
      'SELECT message_ref FROM check_ins WHERE cycle_id = $1 AND member_id = $2',
      [cycle.id, anna.id],
    );
    expect(ref.rows[0]?.message_ref).toEqual({ channel: 'D1', ts: '1.1' });
    expect((await repos.delivery.statusCounts()).sent).toBe(3);
    expect(sender.calls.some((c) => c.key === key(anna))).toBe(true);
  });

  it('waits the Retry-After of a 429 before trying again, without counting it as a failed attempt', async () => {
    let first = true;
    const { worker, sender, clock } = await setUp((m) => {
      if (m.dedupeKey.endsWith(':prompt') && first) {
        first = false;
        return { kind: 'retryAfter', seconds: 30, reason: 'HTTP 429' };
      }
      return ok;
    });
    const started = clock.now().getTime();
    await worker.drain();
    clock.advance(30_000);
    await worker.drain();
    const limited = sender.calls[0];
    const again = sender.calls.filter((c) => c.key === limited?.key);
    expect(again).toHaveLength(2);
    expect((again[1]?.at.getTime() ?? 0) - started).toBeGreaterThanOrEqual(30_000);
    // Nothing else went to that workspace during the pause either.
    expect(sender.calls.filter((c) => c.at.getTime() > started && c.at.getTime() < started + 30_000)).toEqual(
      [],
    );
    const row = (await rows()).find((r) => r.dedupe_key === limited?.key);
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    const others = sender.calls.filter((c) => c.key !== limited?.key);
    expect(others).toHaveLength(2);
    expect(new Set(others.map((c) => c.key)).size).toBe(2);
  });

  it('retries failures with growing waits, then dead-letters the message and tells the coordinators', async () => {
    const { worker, sender, clock, key, carla, coordinator } = await setUp((m) =>
      m.dedupeKey.includes(carla.id) ? { kind: 'transient', reason: 'HTTP 503' } : ok,
    );
    const start = clock.now().getTime();
    for (let i = 0; i < 5; i++) {
      await worker.drain();
      clock.advance(1_000);
    }
    const tries = sender.calls.filter((c) => c.key === key(carla)).map((c) => c.at.getTime() - start);
    expect(tries).toEqual([0, 1_000, 2_000]); // waits of 500 and 1 000 ms, seen at the next whole second
    const dead = (await rows()).find((r) => r.dedupe_key === key(carla));
    expect(dead).toMatchObject({ status: 'dead', attempts: 3, last_error: 'HTTP 503' });
    const notice = (await rows()).filter((r) => r.kind === 'notice.delivery');
    expect(notice.map((r) => [r.dedupe_key, r.not_before.toISOString()])).toEqual([
      [`notice.delivery:${coordinator.id}:2027-03-01T08:00:00.000Z`, '2027-03-01T09:00:00.000Z'],
    ]);
  });

  it('marks a member who is gone unreachable at once and cancels what was still queued for them', async () => {
    const { core, worker, clock, repos, cycle, key, bram } = await setUp((m) =>
      m.dedupeKey.includes(bram.id)
        ? { kind: 'permanent', reason: 'user_not_found', recipientGone: true }
        : ok,
    );
    await repos.outbox.enqueue(
      {
        dedupeKey: `test:later:${bram.id}`,
        platform: 'slack',
        workspaceId: bram.workspaceId,
        memberId: bram.id,
        conversationId: null,
        kind: 'checkin.reminder',
        payload: { cycleId: cycle.id, memberId: bram.id, number: 1 },
        notBefore: new Date('2027-03-05T08:00:00Z'),
      },
      'later-1',
      clock.now(),
    );
    expect(await worker.drain()).toMatchObject({ sent: 2, dead: 1, unreachable: 1 });
    const byKey = new Map((await rows()).map((r) => [r.dedupe_key, r]));
    expect(byKey.get(key(bram))).toMatchObject({ status: 'dead', last_error: 'refused: user_not_found' });
    expect(byKey.get(`test:later:${bram.id}`)).toMatchObject({ status: 'cancelled' });
    expect((await repos.members.get(bram.id))?.unreachableAt).toEqual(clock.now());
    expect(
      (await repos.audit.list(10)).some((e) => e.action === 'member.unreachable' && e.target === bram.id),
    ).toBe(true);
    clock.set('2027-03-03T09:00:00Z');
    expect((await core.runDue()).reminders).toBe(2); // anna and carla, not bram
  });

  it('cancels a reminder whose member answered meanwhile and holds one for a member who is away', async () => {
    const { core, worker, clock, cycle, key, anna, bram, carla } = await setUp(() => ok);
    await worker.drain();
    clock.set('2027-03-03T09:00:00Z');
    expect((await core.runDue()).reminders).toBe(3);
    await core.submitUpdate(anna.id, {
      cycleId: cycle.id,
      answers: [
        {
          itemId: 'a1',
          status: 'on_track',
          progress: 70,
          done: 'x',
          steeringNeeded: false,
          steeringExplanation: '',
          link: null,
        },
      ],
    });
    await core.setProfile(bram.id, { awayUntil: '2027-03-05' });
    await worker.drain();
    const byKey = new Map((await rows()).map((r) => [r.dedupe_key, r]));
    expect(byKey.get(key(anna, 'reminder1'))).toMatchObject({ status: 'cancelled', last_error: 'answered' });
    expect(byKey.get(key(carla, 'reminder1'))).toMatchObject({ status: 'sent' });
    expect(byKey.get(key(bram, 'reminder1'))).toMatchObject({ status: 'pending' });
    expect(byKey.get(key(bram, 'reminder1'))?.not_before.toISOString()).toBe('2027-03-08T08:00:00.000Z');
  });

  it('claims a crashed worker’s rows again once their lease runs out, as uncertain', async () => {
    const { worker, sender, clock, repos } = await setUp(() => ok);
    const crashed = await repos.delivery.claim({
      platforms: ['slack'],
      limit: 1,
      now: clock.now(),
      leaseUntil: new Date(clock.now().getTime() + 60_000),
      token: 'crashed-worker',
    });
    expect(crashed).toHaveLength(1);
    await worker.drain();
    expect(sender.calls.map((c) => c.uncertain)).toEqual([false, false]);
    clock.advance(60_000);
    await worker.drain();
    expect(sender.calls.at(-1)).toMatchObject({ key: crashed[0]?.dedupeKey, uncertain: true });
    // The crashed worker, come back, cannot settle a row it no longer holds.
    expect(await repos.delivery.markSent(crashed[0]?.id ?? '', 'crashed-worker', clock.now(), {})).toBe(
      false,
    );
    expect((await rows()).every((r) => r.status === 'sent')).toBe(true);
  });

  it('keeps a row uncertain through later retries, so no later attempt posts without looking', async () => {
    const { worker, sender, clock, repos } = await setUp((m, nth) =>
      m.uncertain && nth === 1 ? { kind: 'transient', reason: 'HTTP 503' } : ok,
    );
    const [crashed] = await repos.delivery.claim({
      platforms: ['slack'],
      limit: 1,
      now: clock.now(),
      leaseUntil: new Date(clock.now().getTime() + 60_000),
      token: 'crashed-worker',
    });
    clock.advance(60_000);
    await worker.drain();
    clock.advance(5_000);
    await worker.drain();
    expect(sender.calls.filter((c) => c.key === crashed?.dedupeKey).map((c) => c.uncertain)).toEqual([
      true,
      true,
    ]);
  });

  it('retries a send the platform may have taken as uncertain, soon, so the next attempt looks first', async () => {
    const { worker, sender, clock } = await setUp((_m, nth) =>
      nth === 1 ? { kind: 'uncertain', reason: 'HTTP 500' } : ok,
    );
    expect(await worker.drain()).toMatchObject({ claimed: 3, uncertain: 3, retried: 3 });
    expect(new Set((await rows()).map((r) => `${r.status} ${r.uncertain}`))).toEqual(
      new Set(['pending true']),
    );
    clock.advance(5_000); // the first backoff (2 s, with jitter at most 2 s), well within the old 60 s lease
    expect(await worker.drain()).toMatchObject({ sent: 3 });
    expect(sender.calls.filter((c) => c.uncertain)).toHaveLength(3);
  });

  it('sends a failed row again before the rows that came due after it, not at the end of the queue', async () => {
    let slow: { advance(ms: number): void } | undefined;
    let posts = 0;
    // A slow platform (each post takes a second) that fails the first post it gets.
    const { worker, sender, clock } = await setUp(
      () => {
        slow?.advance(1_000);
        return ++posts === 1 ? { kind: 'transient', reason: 'HTTP 503' } : ok;
      },
      { batchSize: 1 },
    );
    slow = clock;
    await worker.drain();
    const order = sender.calls.map((c) => c.key);
    const [failed, second, third] = [order[0], order[1], order.find((k) => k !== order[0] && k !== order[1])];
    // Due again 0.5 s after it failed, it goes before the third row, which has been due all along (it came
    // due at the same moment as the failed one, and that one was first in line).
    expect(order).toEqual([failed, second, failed, third]);
  });

  it('waits out a conversation’s slot before a failed post goes again: on Slack 1.2 s, not the 0.5 s backoff', async () => {
    const { worker, clock, anna, key } = await setUp(
      (m, nth) => (m.dedupeKey === key(anna) && nth === 1 ? { kind: 'transient', reason: 'HTTP 503' } : ok),
      { limits: { slack: slackLimits(6_000), teams: TEAMS_LIMITS } },
    );
    const start = clock.now().getTime();
    await worker.drain();
    const row = (await rows()).find((r) => r.dedupe_key === key(anna));
    expect(row?.status).toBe('pending');
    expect((row?.not_before.getTime() ?? 0) - start).toBe(1_200);
  });

  it('looks for an uncertain row and renders it before it takes a rate slot: one found costs no slot', async () => {
    const { core, clock, sender, key, anna, bram, carla } = await setUp((_m, nth) =>
      nth === 1 ? { kind: 'uncertain', reason: 'HTTP 500' } : ok,
    );
    const steps: [string, string][] = [];
    let looked = 0;
    const looking: Sender = {
      platform: 'slack',
      send: (m) => sender.send(m),
      async lookUp(m) {
        steps.push([m.dedupeKey, 'look']);
        // The first row's earlier attempt arrived; the others' did not.
        return ++looked === 1 ? { kind: 'found', ref: { channel: 'D1', ts: '9.9' } } : { kind: 'absent' };
      },
      async prepare(m) {
        steps.push([m.dedupeKey, 'render']);
        return {
          post: () => {
            steps.push([m.dedupeKey, 'post']);
            return sender.send(m);
          },
        };
      },
    };
    const worker = new OutboxWorker(core.deps, [looking], {
      sleep: async (ms) => clock.advance(ms),
      retry: { maxAttempts: 3, baseMs: 1000, maxMs: 60_000, quickRetries: 0, random: () => 0 },
      leaseMs: 60_000,
      sendTimeoutMs: 1_000,
      limiter: {
        acquire: async (keys) => {
          steps.push([keys[1]?.key ?? '', 'slot']);
        },
        pause: async () => {},
      },
    });
    // Each row's steps in order; a slot is known by its conversation, the member's DM.
    const of = (m: Member) =>
      steps.filter(([k]) => k === key(m) || k === `slack:conv:dm:${m.id}`).map(([, step]) => step);
    expect(await worker.drain()).toMatchObject({ claimed: 3, uncertain: 3 });
    for (const m of [anna, bram, carla]) expect(of(m)).toEqual(['render', 'slot', 'post']);
    steps.length = 0;
    clock.advance(5_000);
    expect(await worker.drain()).toMatchObject({ sent: 3 });
    // The row found took neither a slot nor a post; the two others were posted again, each with its slot.
    const again = [anna, bram, carla].map(of).sort((a, b) => a.length - b.length);
    expect(again).toEqual([['look'], ...Array(2).fill(['look', 'render', 'slot', 'post'])]);
    expect(sender.calls.filter((c) => c.uncertain)).toHaveLength(2);
    expect((await rows()).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('renews the lease of a batch while it runs, so another worker cannot take its rows', async () => {
    const { repos, clock } = await setUp(() => ok);
    const claim = (token: string, leaseMs: number) =>
      repos.delivery.claim({
        platforms: ['slack'],
        limit: 5,
        now: clock.now(),
        leaseUntil: new Date(clock.now().getTime() + leaseMs),
        token,
      });
    const held = await claim('slow-batch', 3_000);
    expect(await repos.delivery.renew('slow-batch', new Date(clock.now().getTime() + 6_000))).toBe(
      held.length,
    );
    clock.advance(4_000); // past the first lease, within the renewed one
    expect(await claim('other', 3_000)).toEqual([]);
    clock.advance(3_000); // the renewals stopped (a crash): the rows come back, uncertain
    expect((await claim('other', 3_000)).map((m) => m.uncertain)).toEqual(held.map(() => true));
  });

  it('gives concurrent claimers disjoint rows', async () => {
    const { clock, repos } = await setUp(() => ok);
    const claim = (token: string) =>
      repos.delivery.claim({
        platforms: ['slack'],
        limit: 2,
        now: clock.now(),
        leaseUntil: new Date(clock.now().getTime() + 60_000),
        token,
      });
    const [a, b] = await Promise.all([claim('a'), claim('b')]);
    const ids = [...(a ?? []), ...(b ?? [])].map((m) => m.id);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });
});
