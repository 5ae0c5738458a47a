/**
 * The burst every bot gets, driven from the fake's side: `users` people send `/start` at
 * once; as each reply with an inline keyboard arrives, its person presses the FIRST
 * button (whatever its callback data). An update's latency runs from its injection to the
 * bot's answer: the first message sent to that chat for `/start`, the
 * `answerCallbackQuery` for the press.
 */
import type { Message, Update } from "grammy/types";
import type { FakeApi } from "./fake_api.ts";
import { percentile, round } from "./stats.ts";

/** Who takes part in a burst, and how long to wait for the bot. */
export interface BurstPlan {
  users: number;
  /** Telegram id of the first user; user `i` has `firstTgId + i`. */
  firstTgId: number;
  /** Give up on missing answers after this many milliseconds. */
  timeoutMs: number;
}

/** Latency percentiles, in milliseconds. */
export interface Latency {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** What a burst measured. */
export interface BurstFigures {
  /** Updates injected: the `/start`s and the presses. */
  updates: number;
  answered: number;
  presses: number;
  /** Edits of pressed messages seen (a bot may edit before or after answering). */
  edits: number;
  /** First injection to last answer, in seconds. */
  seconds: number;
  updatesPerSecond: number;
  all: Latency;
  start: Latency;
  press: Latency;
  /** Press to both its answer and the edit of its message, whichever comes last. */
  pressWithEdit: Latency;
  /** The distinct callback data the fake pressed (the bot's first buttons). */
  pressData: string[];
  /** `/start` replies without an inline keyboard (nothing to press). */
  noKeyboard: number;
  /** Messages beyond the first one per chat. */
  extraSends: number;
  timedOut: boolean;
}

/** Runs the burst against whatever bot polls `fake`; resolves once all is answered. */
export async function runBurst(
  fake: FakeApi,
  plan: BurstPlan,
): Promise<BurstFigures> {
  const n = plan.users;
  const startAt = new Float64Array(n);
  const startDone = new Float64Array(n).fill(NaN);
  const pressAt = new Float64Array(n).fill(NaN);
  const pressDone = new Float64Array(n).fill(NaN);
  const editDone = new Float64Array(n).fill(NaN);
  const pressData = new Set<string>();
  let answered = 0, presses = 0, edits = 0, noKeyboard = 0, extraSends = 0;
  let changed: () => void = () => {};
  const indexOf = (chatId: number) => {
    const i = chatId - plan.firstTgId;
    return i >= 0 && i < n ? i : -1;
  };
  fake.observer = {
    sent(message) {
      const i = indexOf(message.chat.id);
      if (i < 0) return;
      if (!Number.isNaN(startDone[i]!)) {
        extraSends++;
        return;
      }
      startDone[i] = performance.now();
      answered++;
      const data = firstButton(message);
      if (data === undefined) noKeyboard++;
      else {
        pressData.add(data);
        presses++;
        pressAt[i] = performance.now();
        fake.inject([press(i, plan.firstTgId + i, message, data)]);
      }
      changed();
    },
    answered(id) {
      const i = id.startsWith("b") ? Number(id.slice(1)) : -1;
      if (i >= 0 && i < n && Number.isNaN(pressDone[i]!)) {
        pressDone[i] = performance.now();
        answered++;
        changed();
      }
    },
    edited(chatId) {
      const i = indexOf(chatId);
      if (i >= 0) {
        edits++;
        if (Number.isNaN(editDone[i]!)) editDone[i] = performance.now();
      }
      changed();
    },
  };
  const until = (condition: () => boolean, ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(condition()), ms);
      changed = () => {
        if (!condition()) return;
        clearTimeout(timer);
        resolve(true);
      };
      changed();
    });

  const first = performance.now();
  startAt.fill(first);
  fake.inject(
    Array.from({ length: n }, (_, i) => start(plan.firstTgId + i)),
  );
  const complete = await until(
    () => answered >= n + presses && presses + noKeyboard >= n,
    plan.timeoutMs,
  );
  // A bot may edit the pressed message after answering: let it finish that work too.
  await until(() => edits >= presses, 5_000);
  fake.observer = {};

  const starts = latencies(startAt, startDone);
  const pressLatencies = latencies(pressAt, pressDone);
  const bothDone = pressDone.map((at, i) => Math.max(at, editDone[i]!));
  const last = Math.max(maxOf(startDone), maxOf(pressDone));
  const seconds = (last - first) / 1000;
  return {
    updates: n + presses,
    answered,
    presses,
    edits,
    seconds: round(seconds, 3),
    updatesPerSecond: seconds > 0 ? round(answered / seconds) : NaN,
    all: summary([...starts, ...pressLatencies]),
    start: summary(starts),
    press: summary(pressLatencies),
    pressWithEdit: summary(latencies(pressAt, bothDone)),
    pressData: [...pressData],
    noKeyboard,
    extraSends,
    timedOut: !complete,
  };
}

function start(tgId: number): Omit<Update, "update_id"> {
  return {
    message: {
      message_id: tgId,
      from: { id: tgId, is_bot: false, first_name: `User ${tgId}` },
      chat: { id: tgId, type: "private", first_name: `User ${tgId}` },
      date: Math.floor(Date.now() / 1000),
      text: "/start",
      entities: [{ type: "bot_command", offset: 0, length: "/start".length }],
    },
  };
}

function press(
  i: number,
  tgId: number,
  message: Message,
  data: string,
): Omit<Update, "update_id"> {
  return {
    callback_query: {
      id: `b${i}`,
      from: { id: tgId, is_bot: false, first_name: `User ${tgId}` },
      message: { ...message, chat: start(tgId).message!.chat },
      chat_instance: String(tgId),
      data,
    },
  };
}

/** The callback data of the first button of the message's inline keyboard. */
function firstButton(message: Message): string | undefined {
  const markup: unknown = message.reply_markup;
  if (typeof markup !== "object" || markup === null) return undefined;
  const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  const button: unknown = Array.isArray(rows) && Array.isArray(rows[0])
    ? rows[0][0]
    : undefined;
  const data = (button as { callback_data?: unknown } | undefined)
    ?.callback_data;
  return typeof data === "string" ? data : undefined;
}

function latencies(at: Float64Array, done: Float64Array): number[] {
  const values: number[] = [];
  for (let i = 0; i < at.length; i++) {
    if (!Number.isNaN(done[i]!)) values.push(done[i]! - at[i]!);
  }
  return values;
}

function maxOf(values: Float64Array): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  return max;
}

function summary(values: number[]): Latency {
  return {
    p50Ms: round(percentile(values, 50), 1),
    p99Ms: round(percentile(values, 99), 1),
    maxMs: round(values.length > 0 ? Math.max(...values) : NaN, 1),
  };
}

/**
 * The shipped config with a week placed around `now` so that no weekly job is due
 * during a bench: the meeting three days ahead, its invitation tomorrow. Otherwise a
 * bench on a Tuesday would measure latecomers' invitations (a /start after Monday's
 * invitation brings this week's at once) that a bench on a Sunday would not.
 */
export function quietWeek(text: string, now = new Date()): string {
  const day = (days: number) =>
    new Intl.DateTimeFormat("en-US", {
      weekday: "long",
      timeZone: /^timezone: (\S+)$/m.exec(text)?.[1] ?? "UTC",
    }).format(new Date(now.getTime() + days * 86_400_000)).toLowerCase();
  const replaced = text
    .replace(/^(meeting:\n(?: {2}.*\n)*? {2}weekday: )\w+/m, `$1${day(3)}`)
    .replace(/(invitation: \{ weekday: )\w+/, `$1${day(1)}`)
    .replace(/(first_reminder: \{ weekday: )\w+/, `$1${day(3)}`)
    .replace(/(second_reminder: \{ weekday: )\w+/, `$1${day(3)}`);
  if (replaced === text) throw new Error("config.yaml: no schedule to move");
  return replaced;
}
