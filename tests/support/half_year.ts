/**
 * A realistic half year of the shipped config's meeting (Wednesdays 11:00 Moscow), for
 * the panel's tests and screenshots: about 60 subscribers growing to 140, some leaving;
 * 26 meetings with answers, joins through personal links, ratings and comments; one
 * cancelled, one moved, a few topics; the weekly jobs' runs with their counts; a few
 * announcements and a follow-up with their messages' outcomes; and the coming meeting's
 * invitation answered by some. Written through the store's own methods, from a seeded
 * random generator: the same data every time.
 */
import type { Store } from "../../src/db/store.ts";
import { LANE } from "../../src/core/owed.ts";

/** The instant the half year leads up to: Tuesday 24 November 2026, 12:00 Moscow. */
export const HALF_YEAR_NOW = new Date("2026-11-24T09:00:00Z");
/** The coming meeting at that instant. */
export const NEXT_MEETING = "2026-11-25";
/** The number of past meetings seeded. */
export const PAST_MEETINGS = 26;
/** The cancelled meeting. */
export const CANCELLED = "2026-08-05";
/** The moved meeting: from Wednesday 11:00 to Thursday 15:00. */
export const MOVED = { id: "2026-09-30", to: new Date("2026-10-01T12:00:00Z") };

/** First names, and surnames in the matching form (Иванова, Иванов). */
const WOMEN = ("Анна Вера Дарья Жанна Ирина Лариса Надежда Полина Светлана " +
  "Ульяна Юлия Ольга Мария Екатерина").split(" ");
const MEN = ("Борис Глеб Егор Захар Кирилл Максим Олег Роман Тимур Фёдор " +
  "Ярослав Дмитрий Алексей Игорь").split(" ");
const SURNAMES = ("Иванов Петров Смирнов Кузнецов Попов Соколов Лебедев " +
  "Козлов Новиков Морозов Волков Зайцев Орлов Белов").split(" ");
/** The Latin start of some usernames. */
const LATIN: Record<string, string> = Object.fromEntries(
  ("Анна:anna Вера:vera Дарья:dasha Ирина:ira Полина:polina Юлия:julia " +
    "Мария:masha Борис:boris Глеб:gleb Егор:egor Кирилл:kirill Максим:max " +
    "Олег:oleg Роман:roma Дмитрий:dima Алексей:lesha").split(" ")
    .map((pair) => pair.split(":")),
);
const TOPICS: Record<number, string> = {
  3: "Как мы планируем квартал",
  8: "Разбор вопросов участников",
  14: "Гость: Мария Орлова о продуктовой аналитике",
  19: "Итоги опроса",
  24: "Планы на зиму",
};
const COMMENTS = [
  "Было полезно, спасибо! Хотелось бы больше времени на вопросы.",
  "Звук иногда пропадал, но в целом отлично.",
  "Слишком долго обсуждали организационное.",
  "Лучшая встреча за месяц!",
  "Можно заранее присылать план встречи?",
  "Гость был очень интересный, позовите ещё.",
  "Не успел задать вопрос — может, сделать чат?",
  "Мало практики, много теории.",
  "Спасибо за запись, пересмотрю.",
  "Начали на 10 минут позже, это неудобно.",
  "Отличная модерация, всё по делу.",
  "Хочется больше примеров из жизни.",
];

/** A small seeded generator (mulberry32): the same numbers for the same seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;

/** The Wednesday meetings of the half year, oldest first, and the coming one. */
function meetingDates(): { id: string; startsAt: Date }[] {
  const next = new Date(`${NEXT_MEETING}T08:00:00Z`).getTime();
  return Array.from({ length: PAST_MEETINGS + 1 }, (_, i) => {
    const startsAt = new Date(next - (PAST_MEETINGS - i) * 7 * DAY);
    return { id: startsAt.toISOString().slice(0, 10), startsAt };
  });
}

/** What the seeding shares: the store, the generator, the people so far. */
interface Seeding {
  store: Store;
  rand: () => number;
  users: { id: number; tg: number; left?: boolean }[];
}

/** One more subscriber, who starts the bot and asks for invitations at `at`. */
function subscribe({ store, rand, users }: Seeding, at: Date): void {
  const tg = (users.at(-1)?.tg ?? 500_000) + 1 + Math.floor(rand() * 40);
  const woman = rand() < 0.5;
  const names = woman ? WOMEN : MEN;
  const first = names[Math.floor(rand() * names.length)]!;
  const surname = SURNAMES[Math.floor(rand() * SURNAMES.length)]!;
  const user = store.users.start({
    tg_id: tg,
    first_name: first,
    last_name: rand() < 0.8 ? (woman ? `${surname}а` : surname) : null,
    username: rand() < 0.5 ? `${LATIN[first] ?? "user"}${tg % 1000}` : null,
  }, at);
  store.users.setRegistered({ tgId: tg, registered: true }, at);
  users.push({ id: user.id, tg });
}

/** A job's run for `meetingId` at `at`, done a minute later: `count` messages. */
function runJob(
  { store, rand }: Seeding,
  { meetingId, job, count, at }: {
    meetingId: string;
    job: string;
    count: number;
    at: Date;
  },
): void {
  const blocked = Math.floor(rand() * 3);
  const failed = rand() < 0.2 ? 1 : 0;
  const unknown = rand() < 0.1 ? 1 : 0;
  const sent = Math.max(0, count - blocked - failed - unknown);
  store.jobRuns.start({ meetingId, job }, at);
  store.jobRuns.finish({ meetingId, job }, {
    counts: {
      pending: 0,
      sending: 0,
      sent,
      blocked,
      failed,
      unknown,
      dropped: 0,
    },
    now: new Date(at.getTime() + 60_000),
  });
}

/** The week of meeting `index`: newcomers, leavers, the jobs, answers, joins, ratings. */
function seedWeek(
  seeding: Seeding,
  { id, startsAt, index }: { id: string; startsAt: Date; index: number },
): void {
  const { store, rand, users } = seeding;
  const monday = new Date(startsAt.getTime() - 2 * DAY - 3_600_000);
  const newcomers = 2 + Math.floor(rand() * 5);
  for (let i = 0; i < newcomers; i++) {
    subscribe(seeding, new Date(monday.getTime() - (i + 1) * 7_200_000));
  }
  for (const user of users) {
    if (!user.left && rand() < 0.012) {
      user.left = true;
      store.users.deactivate(user.tg, new Date(monday.getTime() - DAY));
    }
  }
  store.meetings.ensure({ id, startsAt }, monday);
  if (id === MOVED.id) store.meetings.change(id, { movedTo: MOVED.to }, monday);
  const topic = TOPICS[index];
  if (topic !== undefined) store.meetings.change(id, { topic }, monday);
  store.attendance.track(id);
  if (id === CANCELLED) {
    store.meetings.setStatus({ id, status: "cancelled" }, monday);
    store.jobRuns.skip({ meetingId: id, job: "invitation" }, {
      note: "cancelled",
      now: monday,
    });
    return;
  }
  const subscribers = users.filter((u) => !u.left);
  const job = (job: string, count: number, at: number) =>
    runJob(seeding, { meetingId: id, job, count, at: new Date(at) });
  job("invitation", subscribers.length, monday.getTime());
  const past = index < PAST_MEETINGS;
  // Interest grows over the half year; the coming week is still being answered.
  const yesShare = 0.3 + 0.15 * (index / PAST_MEETINGS);
  const yes: number[] = [];
  for (const user of subscribers) {
    const roll = rand();
    if (!past && roll > 0.75) continue;
    const answer = roll < yesShare
      ? "yes"
      : roll < yesShare + 0.2
      ? "no"
      : null;
    if (answer === null) continue;
    store.answers.record(
      { meetingId: id, userId: user.id, answer },
      new Date(monday.getTime() + rand() * DAY),
    );
    if (answer === "yes") yes.push(user.id);
  }
  if (!past) return;
  job("nudge", Math.floor(subscribers.length * 0.4), monday.getTime() + DAY);
  job("first_reminder", yes.length, startsAt.getTime() - 7_200_000);
  job("second_reminder", yes.length, startsAt.getTime() - 1_200_000);
  const real = (id === MOVED.id ? MOVED.to : startsAt).getTime();
  const joined = [
    ...yes.filter(() => rand() < 0.78),
    ...subscribers.filter((u) => !yes.includes(u.id) && rand() < 0.03)
      .map((u) => u.id),
  ];
  for (const userId of joined) {
    const at = new Date(real + rand() * 600_000);
    store.attendance.join({ meetingId: id, userId }, at);
  }
  job("feedback", joined.length, real + 75 * 60_000);
  for (const userId of joined) {
    if (rand() > 0.6) continue;
    const mood = 3.6 + index / 30 + (rand() - 0.5) * 2.4;
    const rating = Math.min(5, Math.max(1, Math.round(mood)));
    const at = new Date(real + (2 + rand() * 5) * 3_600_000);
    store.attendance.rate({ meetingId: id, userId, rating }, at);
    if (rand() < 0.18) {
      const text = COMMENTS[Math.floor(rand() * COMMENTS.length)]!;
      store.attendance.comment({ meetingId: id, userId, text }, at);
    }
  }
  job("meeting_report", 1, real + 25 * 3_600_000);
}

/** The admins' broadcasts: text, the meeting it came after, follow-up or not. */
const BROADCASTS: [string, number, boolean][] = [
  [
    "Друзья, летом встречи идут как обычно — по средам в 11:00. Ждём вас!",
    6,
    false,
  ],
  [
    "Запись встречи «Гость: Мария Орлова о продуктовой аналитике» и слайды: " +
    "https://example.com/rec/14",
    14,
    true,
  ],
  [
    "Опрос о формате встреч: https://example.com/poll — займёт две минуты.",
    18,
    false,
  ],
  [
    "С 1 декабря ссылка на встречу будет новой — она придёт в напоминании.",
    25,
    false,
  ],
];

/** Each broadcast, sent to those subscribed by then, its messages settled. */
function seedBroadcasts(
  { store, rand, users }: Seeding,
  meetings: readonly { id: string; startsAt: Date }[],
): void {
  for (const [text, index, followup] of BROADCASTS) {
    const meeting = meetings[index]!;
    const at = new Date(meeting.startsAt.getTime() + 5 * 3_600_000);
    const id = store.announcements.create({
      kind: followup ? "followup" : "announcement",
      text,
      createdBy: 9001,
      ...(followup ? { meetingId: meeting.id } : {}),
    }, at);
    store.announcements.move(id, { from: "draft", to: "sending", now: at });
    const batch = `announcement/${id}`;
    for (const user of users.filter((u) => !u.left && rand() < 0.97)) {
      const key = `${batch}/u${user.id}`;
      store.outbox.add({
        key,
        batch,
        kind: "announcement",
        ref: String(id),
        chatId: user.tg,
        userId: user.id,
        lane: LANE.broadcast,
      }, at);
      const row = store.outbox.byKey(key)!;
      store.outbox.claim(row.id, { by: "seed", now: at });
      const roll = rand();
      const status = roll < 0.03
        ? "blocked"
        : roll < 0.04
        ? "failed"
        : roll < 0.045
        ? "unknown"
        : "sent";
      store.outbox.finish(row.id, { status, now: at });
    }
    store.announcements.move(id, { from: "sending", to: "sent", now: at });
  }
}

/** Seeds the half year into `store`: see the module's comment. */
export function seedHalfYear(store: Store): void {
  const seeding: Seeding = { store, rand: random(20261124), users: [] };
  const meetings = meetingDates();
  store.transaction(() => {
    const start = meetings[0]!.startsAt.getTime() - 14 * DAY;
    for (let i = 0; i < 60; i++) {
      subscribe(seeding, new Date(start + i * 3_600_000));
    }
    meetings.forEach((meeting, index) =>
      seedWeek(seeding, { ...meeting, index })
    );
    seedBroadcasts(seeding, meetings);
  });
}
