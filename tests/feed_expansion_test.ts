/**
 * The calendar subscription read by a real iCalendar library (ical.js) as a calendar
 * app would: the feed of a person is fetched from the public listener, parsed, its
 * series expanded over a quarter with its overrides and exceptions, and every
 * occurrence compared with the bot's own weeks (usecases/weeks.ts) over the same span,
 * in two zones whose clocks change within it (Europe/Berlin on 25 October 2026,
 * America/New_York on 1 November). The quarter holds a cancelled week, a week moved
 * across the change, a week with its own link, one with its own topic, and a week of
 * the person's own join link.
 */
import assert from "node:assert/strict";
import ICAL from "ical.js";
import { nextOccurrence } from "../src/domain/time.ts";
import { personalLink } from "../src/usecases/links.ts";
import {
  cancelMeeting,
  changeLink,
  moveMeeting,
  setTopic,
} from "../src/usecases/meetings.ts";
import { weekById } from "../src/usecases/weeks.ts";
import { user } from "./fake_bot_api.ts";
import { type Harness, ManualClock, startHarness } from "./helpers.ts";
import { feedOf } from "./support/feed.ts";
import { PUBLIC_URL, publicConfig, startWeb } from "./support/web.ts";

const anna = user(1, { first_name: "Анна" });

/** One occurrence as ical.js expands it. */
interface Occurrence {
  start: Date;
  end: Date;
  summary: string;
  url: string;
  recurrenceId: string;
}

/** Every occurrence of the feed's series that starts in [from, to), by ical.js. */
export function expand(ics: string, { from, to }: { from: Date; to: Date }) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents("vevent");
  const master = events.find((e) => !e.hasProperty("recurrence-id"))!;
  const event = new ICAL.Event(master, { strictExceptions: true });
  for (const e of events) if (e !== master) event.relateException(e);
  const iterator = event.iterator();
  const occurrences: Occurrence[] = [];
  // Recurrence ids run past `to`: a week may be moved up to six weeks later.
  const stop = to.getTime() + 7 * 7 * 86_400_000;
  for (let next = iterator.next(); next; next = iterator.next()) {
    if (next.toJSDate().getTime() > stop) break;
    const details = event.getOccurrenceDetails(next);
    const start = details.startDate.toJSDate();
    if (start < from || start >= to) continue;
    occurrences.push({
      start,
      end: details.endDate.toJSDate(),
      summary: details.item.summary,
      url: String(details.item.component.getFirstPropertyValue("url")),
      recurrenceId: next.toString(),
    });
  }
  return {
    event,
    occurrences: occurrences.sort((a, b) => +a.start - +b.start),
  };
}

/**
 * Anna subscribed in `timeZone` on Monday 12 October 2026, and the admin changed the
 * weeks ahead: 21 October cancelled, 28 October moved to Monday 2 November 09:00 (over
 * the change of the clocks in New York), 11 November its own link, 18 November its own
 * topic, 30 September (past) its own topic; Anna has her own join link of 14 October.
 */
async function changedQuarter(timeZone: string): Promise<Harness> {
  const h = await startHarness({
    config: publicConfig({ timezone: timeZone }),
    clock: new ManualClock("2026-10-12T12:00:00Z"),
  });
  await h.say(anna, "/start");
  await h.press(anna, "reg:yes");
  const config = h.config;
  const week = (id: string) => weekById(h.store, { config, id })!;
  const now = h.clock.now();
  const wall = Temporal.PlainDateTime.from("2026-11-02T09:00")
    .toZonedDateTime(timeZone);
  await h.store.write(() => {
    setTopic(h.store, { week: week("2026-09-30"), topic: "Итоги лета", now });
    cancelMeeting(h.store, { week: week("2026-10-21"), now });
    moveMeeting(h.store, {
      week: week("2026-10-28"),
      to: new Date(wall.epochMilliseconds),
      now,
    });
    changeLink(h.store, {
      week: week("2026-11-11"),
      link: "https://example.com/special",
      now,
    });
    setTopic(h.store, { week: week("2026-11-18"), topic: "Планы", now });
    personalLink(h.store, {
      publicUrl: PUBLIC_URL,
      key: h.linkKey,
      userId: h.store.users.byTgId(anna.id)!.id,
      meeting: week("2026-10-14"),
      now,
    });
  });
  h.sender.kick(); // the notices these owe, as the admin's commands would
  await h.idle();
  return h;
}

/** The bot's own weeks scheduled in [from, to), as they really are, cancelled ones out. */
function botWeeks(h: Harness, { from, to }: { from: Date; to: Date }) {
  const config = h.config;
  const weeks = [];
  // A scheduled date before `from` may have been moved into the span: start earlier.
  let at = new Date(from.getTime() - 7 * 7 * 86_400_000);
  for (;;) {
    at = nextOccurrence(config.meeting, {
      timeZone: config.timezone,
      after: at,
    });
    if (at >= to) break;
    const id = Temporal.Instant.fromEpochMilliseconds(at.getTime())
      .toZonedDateTimeISO(config.timezone).toPlainDate().toString();
    const week = weekById(h.store, { config, id })!;
    if (week.cancelled || week.startsAt < from || week.startsAt >= to) continue;
    weeks.push(week);
  }
  return weeks.sort((a, b) => +a.startsAt - +b.startsAt);
}

for (const timeZone of ["Europe/Berlin", "America/New_York"]) {
  Deno.test(`the feed expanded by ical.js is the bot's own weeks for a quarter across a DST change (${timeZone})`, async () => {
    await using h = await changedQuarter(timeZone);
    await using web = startWeb(h);
    const ics = await feedOf(h, web, anna);
    const span = {
      from: new Date("2026-10-12T00:00:00Z"),
      to: new Date("2027-01-11T00:00:00Z"),
    };
    const { event, occurrences } = expand(ics, span);

    // The zone is the file's own VTIMEZONE, not one ical.js knows.
    assert.equal(ICAL.TimezoneService.has(timeZone), false);
    assert.equal(event.startDate.zone?.tzid, timeZone);
    assert.equal(event.isRecurring(), true);

    const weeks = botWeeks(h, span);
    assert.equal(weeks.length, 12); // 13 Wednesdays, one cancelled
    assert.deepEqual(
      occurrences.map((o) => o.start.toISOString()),
      weeks.map((w) => w.startsAt.toISOString()),
    );
    const userId = h.store.users.byTgId(anna.id)!.id;
    for (const [i, week] of weeks.entries()) {
      const o = occurrences[i]!;
      assert.equal(+o.end - +o.start, 60 * 60_000, week.id);
      const own = week.id === "2026-10-14"
        ? h.store.transaction(() =>
          personalLink(h.store, {
            publicUrl: PUBLIC_URL,
            key: h.linkKey,
            userId,
            meeting: week,
            now: h.clock.now(),
          })
        )
        : undefined;
      assert.equal(o.url, own ?? week.link, week.id);
      assert.equal(
        o.summary,
        week.topic === null ? "Живой эфир" : `Живой эфир: ${week.topic}`,
        week.id,
      );
    }
    // Local wall times: 11:00 every week, on both sides of the change of the clocks.
    const local = (d: Date) =>
      Temporal.Instant.fromEpochMilliseconds(d.getTime())
        .toZonedDateTimeISO(timeZone).toPlainDateTime().toString().slice(0, 16);
    assert.deepEqual(
      occurrences.map((o) => local(o.start)).filter((t) =>
        !t.endsWith("11:00")
      ),
      ["2026-11-02T09:00"],
    );
    const offsets = new Set(
      occurrences.map((o) =>
        Temporal.Instant.fromEpochMilliseconds(o.start.getTime())
          .toZonedDateTimeISO(timeZone).offset
      ),
    );
    assert.equal(offsets.size, 2, "both offsets of the zone occur");
  });
}

Deno.test("the feed shows the past quarter too, with a past week's own topic", async () => {
  await using h = await changedQuarter("Europe/Berlin");
  await using web = startWeb(h);
  const span = {
    from: new Date("2026-07-01T00:00:00Z"),
    to: new Date("2026-10-12T00:00:00Z"),
  };
  const { occurrences } = expand(await feedOf(h, web, anna), span);
  assert.deepEqual(
    occurrences.map((o) => o.start.toISOString()),
    botWeeks(h, span).filter((w) => w.id >= "2026-07-15").map((w) =>
      w.startsAt.toISOString()
    ),
  );
  assert.equal(occurrences[0]!.start.toISOString(), "2026-07-15T09:00:00.000Z");
  assert.equal(
    occurrences.find((o) => o.start.toISOString().startsWith("2026-09-30"))
      ?.summary,
    "Живой эфир: Итоги лета",
  );
});
