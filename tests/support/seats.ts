/**
 * The checks of a race for seats, shared by the race through the fake Bot API and the
 * same race under kill -9: what the database says against what each press was told;
 * and presses spread over time, in a fixed shuffled order.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { Database } from "../../src/db/sqlite.ts";

/** `items` in an order fixed by `seed` (mulberry32): the same every run. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Presses for each of `ids`, `every` at a time with `ms` between: `sent` fills as they
 * go, `done` resolves once all are pressed.
 */
export function spread<T>(
  ids: readonly number[],
  { every, ms, press }: { every: number; ms: number; press: (id: number) => T },
): { sent: T[]; done: Promise<void> } {
  const sent: T[] = [];
  const done = (async () => {
    for (const [i, id] of ids.entries()) {
      sent.push(press(id));
      if (i % every === every - 1) {
        await new Promise((resolve) => setTimeout(resolve, ms));
      }
    }
  })();
  return { sent, done };
}

/** What a race came to, from the database. */
export interface RaceResult {
  /** Who holds a seat, by Telegram id. */
  seated: Set<number>;
  /** Who waits, by Telegram id, first first. */
  waitlist: number[];
  /** Presses that got at least one answer. */
  answered: number;
}

/**
 * Checks a race of "yes" presses for `seats` seats against the database: every press is
 * recorded once; exactly `seats` hold a seat and the rest wait; the seats went to the
 * first `seats` presses committed and the waitlist follows the commit order (its
 * numbers strictly increasing, places 1…n); every press was answered, each answer saying
 * what the database says: "saved" for a seat, the place for one waiting.
 */
export function checkRace(
  db: Database,
  { meetingId, presses, seats }: {
    meetingId: string;
    presses: readonly { tgId: number; told: readonly string[] }[];
    seats: number;
  },
): RaceResult {
  const rows = db.prepare(
    `SELECT u.tg_id, a.answer, a.seat, a.queued FROM answers a
     JOIN users u ON u.id = a.user_id WHERE a.meeting_id = ? ORDER BY a.queued`,
  ).all(meetingId) as {
    tg_id: number;
    answer: string;
    seat: string | null;
    queued: number;
  }[];
  assert.equal(rows.length, presses.length, "every press recorded once");
  assert.ok(rows.every((r) => r.answer === "yes"));
  const held = rows.filter((r) => r.seat === "seat");
  const waiting = rows.filter((r) => r.seat === "waitlist");
  assert.equal(held.length, Math.min(seats, presses.length), "the seats");
  assert.equal(waiting.length, presses.length - held.length, "the waitlist");
  const queued = rows.map((r) => Number(r.queued));
  assert.equal(new Set(queued).size, queued.length, "one number a press");
  assert.deepEqual(
    rows.map((r) => r.seat),
    [...held.map(() => "seat"), ...waiting.map(() => "waitlist")],
    "the first presses committed hold the seats, the rest wait in commit order",
  );
  const place = new Map(waiting.map((r, i) => [Number(r.tg_id), i + 1]));
  const seated = new Set(held.map((r) => Number(r.tg_id)));
  for (const { tgId, told } of presses) {
    assert.ok(told.length > 0, `the press of ${tgId} was answered`);
    const expected = seated.has(tgId)
      ? "Ответ сохранён"
      : `Мест нет — вы в листе ожидания, номер ${place.get(tgId)}`;
    assert.deepEqual(
      [...new Set(told)],
      [expected],
      `${tgId} was told what the database says`,
    );
  }
  return {
    seated,
    waitlist: waiting.map((r) => Number(r.tg_id)),
    answered: presses.filter((p) => p.told.length > 0).length,
  };
}
