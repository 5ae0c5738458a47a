/**
 * Retention: finished delivery records older than `delivery.keep_days` go, in short
 * transactions; what is still owed stays whatever its age, and so do answers.
 */
import assert from "node:assert/strict";
import { openDatabase } from "../src/db/database.ts";
import { LANE } from "../src/core/owed.ts";
import { Store } from "../src/db/store.ts";
import { pruneOld } from "../src/usecases/retention.ts";
import { hashToken } from "../src/domain/tokens.ts";

const NOW = new Date("2026-12-01T12:00:00Z");
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

Deno.test("pruneOld deletes finished deliveries older than keep_days, and nothing owed or in flight", async () => {
  const db = openDatabase(":memory:");
  try {
    const store = new Store(db);
    const user = store.users.start(
      { tg_id: 7, first_name: "Анна" },
      daysAgo(800),
    );
    const add = (key: string, age: number) =>
      store.outbox.add({
        key,
        kind: "text",
        chatId: 7,
        userId: user.id,
        lane: LANE.notice,
        payload: { text: key },
      }, daysAgo(age));
    const finish = (key: string, status: "sent" | "failed" | "unknown") =>
      store.outbox.finish(store.outbox.byKey(key)!.id, {
        status,
        now: NOW,
      });
    // 4,500 old sent rows: more than one prune batch.
    store.transaction(() => {
      for (let i = 0; i < 4_500; i++) {
        add(`old/${i}`, 400);
        finish(`old/${i}`, "sent");
      }
      add("old-failed", 400);
      finish("old-failed", "failed");
      add("old-unknown", 400);
      finish("old-unknown", "unknown");
      add("old-pending", 400); // still owed: a retry after a long outage
      add("old-sending", 400); // in flight: its outcome is not written yet
      store.outbox.claim(store.outbox.byKey("old-sending")!.id, {
        by: "sender",
        now: NOW,
      });
      add("recent", 10);
      finish("recent", "sent");
      store.meetings.ensure(
        { id: "2025-10-01", startsAt: daysAgo(426) },
        daysAgo(430),
      );
      store.answers.record(
        { meetingId: "2025-10-01", userId: user.id, answer: "yes" },
        daysAgo(430),
      );
      store.drafts.create(
        { kind: "skip", payload: {}, createdBy: 1 },
        daysAgo(400),
      );
      store.drafts.create(
        { kind: "skip", payload: {}, createdBy: 1 },
        daysAgo(1),
      );
      store.relays.add(
        { adminChatId: 1, adminMessageId: 5, userId: user.id },
        daysAgo(400),
      );
      // A year-old personal link goes; this week's stays, and who came is kept.
      for (
        const [age, ref] of [[400, "2025-10-01"], [3, "2026-12-02"]] as const
      ) {
        store.tokens.add({
          hash: hashToken(ref),
          purpose: "join",
          userId: user.id,
          ref,
        }, daysAgo(age));
      }
      store.attendance.join(
        { meetingId: "2025-10-01", userId: user.id },
        daysAgo(426),
      );
      // What the calendar was sent for a meeting a year over goes; for a meeting still
      // ahead it stays, however long ago it was sent.
      store.meetings.ensure(
        { id: "2026-12-09", startsAt: new Date("2026-12-09T07:00:00Z") },
        daysAgo(400),
      );
      for (const meetingId of ["2025-10-01", "2026-12-09"]) {
        store.calendars.sent({
          meetingId,
          userId: user.id,
          uidDomain: "bot.t.me",
          sequence: 0,
          meetingSequence: 0,
          holds: true,
        }, daysAgo(400));
      }
    });

    const pruned = await pruneOld(store, { keepDays: 365, now: NOW });
    assert.deepEqual(pruned, {
      deliveries: 4_502,
      drafts: 1,
      relays: 1,
      tokens: 1,
      calendars: 1,
    });
    assert.equal(store.calendars.get("2025-10-01", user.id), undefined);
    assert.ok(store.calendars.get("2026-12-09", user.id));
    assert.equal(store.tokens.find(hashToken("2025-10-01")), undefined);
    assert.ok(store.tokens.find(hashToken("2026-12-02")));
    assert.ok(store.attendance.joinedAt("2025-10-01", user.id));
    assert.equal(store.outbox.byKey("old-pending")?.status, "pending");
    assert.equal(store.outbox.byKey("old-sending")?.status, "sending");
    assert.equal(store.outbox.byKey("recent")?.status, "sent");
    assert.equal(store.outbox.byKey("old/1"), undefined);
    assert.equal(
      store.answers.get("2025-10-01", user.id),
      "yes",
      "answers stay",
    );
    assert.deepEqual(
      await pruneOld(store, { keepDays: 365, now: NOW }),
      { deliveries: 0, drafts: 0, relays: 0, tokens: 0, calendars: 0 },
    );
  } finally {
    db.close();
  }
});
