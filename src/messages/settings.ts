/**
 * `/settings` as a person sees it: one message, edited in place, on one of three
 * screens (the main one with a button per message, the time zones, the pause), the
 * button data each press carries and its decoding (anything the bot never sends is
 * refused), the lines `/status` shows of the settings, and the note that a pause ended.
 *
 * @module
 */
import type { InlineKeyboardButton } from "grammy/types";
import type { Config } from "../config/schema.ts";
import { render } from "../config/texts.ts";
import { type Delivery } from "../core/owed.ts";
import type { OutboxRow } from "../db/outbox.ts";
import type { User } from "../db/users.ts";
import {
  type Choice,
  CHOICES,
  type Choices,
  isChoice,
  PAUSE_WEEKS,
  pausedFor,
} from "../domain/choices.ts";
import { COMMON_ZONES, commonZoneName, type Zone } from "../domain/zones.ts";
import type { Week } from "../usecases/weeks.ts";
import { upcomingWeek, weekById, weeksAhead } from "../usecases/weeks.ts";
import { meetingValues, type OutgoingMessage, zoneLabel } from "./build.ts";
import { sendMessage } from "./deliveries.ts";
import { activeParticipant, type SendTime } from "./recipients.ts";
import { choiceName, userZone } from "./zone.ts";

/** The screens of the settings message. */
export type Screen = "main" | "zone" | "pause";

/** What a press under the settings message asks for. */
export type SettingsAction =
  | { kind: "screen"; screen: Screen }
  | { kind: "zone"; timezone: string }
  | { kind: "message"; message: Choice; on: boolean }
  | { kind: "pause"; weeks: number }
  | { kind: "unpause" };

/** Button data of each press (`set:…`, at most 64 bytes). */
export const SETTINGS_DATA = {
  screen: (screen: Screen): string => `set:${screen}`,
  zone: (timezone: string): string => `set:tz:${timezone}`,
  message: (message: Choice, on: boolean): string =>
    `set:msg:${message}:${on ? "on" : "off"}`,
  pause: (weeks: number): string => `set:pause:${weeks}`,
  unpause: "set:unpause",
};

/** The messages `config` sends, so the ones a person may turn off: no nudge when off. */
export function offeredChoices(
  config: Pick<Config, "schedule" | "feedback">,
): Choice[] {
  return CHOICES.filter((choice) =>
    (choice !== "nudge" || config.schedule.nudge !== null) &&
    (choice !== "feedback" || config.feedback.enabled)
  );
}

/**
 * Decodes settings button data; anything the bot never sends (an unknown screen, a zone
 * not among the buttons, a message this config does not send, another number of
 * weeks) gives `undefined`.
 */
export function parseSettingsData(
  config: Pick<Config, "schedule" | "feedback">,
  data: string,
): SettingsAction | undefined {
  const screen = /^set:(main|zone|pause)$/.exec(data)?.[1];
  if (screen !== undefined) return { kind: "screen", screen: screen as Screen };
  if (data === SETTINGS_DATA.unpause) return { kind: "unpause" };
  const zone = /^set:tz:(.+)$/.exec(data)?.[1];
  if (zone !== undefined) {
    return COMMON_ZONES.some((z) => z.id === zone)
      ? { kind: "zone", timezone: zone }
      : undefined;
  }
  const message = /^set:msg:([a-z_]+):(on|off)$/.exec(data);
  if (message !== null) {
    const name = message[1]!;
    return isChoice(name) && offeredChoices(config).includes(name)
      ? { kind: "message", message: name, on: message[2] === "on" }
      : undefined;
  }
  const weeks = Number(/^set:pause:(\d{1,2})$/.exec(data)?.[1]);
  return PAUSE_WEEKS.includes(weeks) ? { kind: "pause", weeks } : undefined;
}

/** The language a city's name is written in: Russian for Russian, else English. */
function cityLanguage(language: string): "ru" | "en" {
  return language === "ru" ? "ru" : "en";
}

/**
 * How a person's zone is named, its city in `language`: "Москва (мск)", "Moscow
 * (Moscow time)", "Asia/Tokyo (UTC+9)", "UTC+5:30".
 */
export function zoneName(
  zone: Zone,
  { at, language }: { at: Date; language: string },
): string {
  const label = zoneLabel(zone, at);
  const name = commonZoneName(zone.timezone, cityLanguage(language)) ??
    zone.timezone;
  return /^[+-]\d\d:\d\d$|^UTC$/.test(zone.timezone)
    ? label
    : `${name} (${label})`;
}

/** What a settings screen shows: the person, their choices, and the weeks it names. */
export interface SettingsView {
  /** Their row: the zone they chose. */
  user: Pick<User, "timezone">;
  /** Their choices: the messages off, the pause. */
  choices: Choices;
  /** The upcoming meeting, whose date and time the main screen shows. */
  upcoming: Week;
  /** The last week their pause skips, while it lasts. */
  paused: Week | undefined;
  /** The clock. */
  now: Date;
}

/** The weeks a settings screen or `/status` names, as they stand at `now`. */
export function settingsView(
  at: Pick<SendTime, "config" | "store">,
  { user, now }: { user: User; now: Date },
): SettingsView {
  const { config, store } = at;
  const choices = store.settings.choices(user.id);
  const next = upcomingWeek(store, { config, now });
  const paused = choices.paused_through === null ||
      !pausedFor(choices, next.id)
    ? undefined
    : weekById(store, { config, id: choices.paused_through });
  // The meeting they may come to: the first that is not cancelled.
  const upcoming = weeksAhead(store, { config, now })
    .find((week) => !week.cancelled) ?? next;
  return { user, choices, upcoming, paused, now };
}

function capitalized(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function button(text: string, data: string): InlineKeyboardButton {
  return { text, callback_data: data };
}

/** The values of a meeting in `zone`, for the screens' texts. */
function shown(config: Config, { week, zone }: { week: Week; zone: Zone }) {
  return meetingValues(config, { ...week, zone });
}

/** The settings message on `screen`, as `view` stands. */
export function settingsMessage(
  config: Config,
  { view, screen }: { view: SettingsView; screen: Screen },
): OutgoingMessage {
  const texts = config.texts;
  const zone = userZone(config, view.user);
  const name = zoneName(zone, { at: view.now, language: config.language });
  const back = [
    button(texts.button_settings_back, SETTINGS_DATA.screen("main")),
  ];
  if (screen === "zone") {
    const rows: InlineKeyboardButton[][] = [];
    COMMON_ZONES.forEach((common, i) => {
      const label = render(
        texts[
          common.id === zone.timezone ? "button_zone_chosen" : "button_zone"
        ],
        {
          city: common[cityLanguage(config.language)],
          tz: zoneLabel(readerOf(config, common.id), view.now),
        },
        config,
      );
      if (i % 2 === 0) rows.push([]);
      rows.at(-1)!.push(button(label, SETTINGS_DATA.zone(common.id)));
    });
    return {
      text: render(texts.settings_zone, { zone: name }, config),
      reply_markup: { inline_keyboard: [...rows, back] },
    };
  }
  if (screen === "pause") {
    const weeks = PAUSE_WEEKS.map((n) =>
      button(
        render(texts.button_pause_weeks, { weeks: n }, config),
        SETTINGS_DATA.pause(n),
      )
    );
    return {
      text: texts.settings_pause,
      reply_markup: { inline_keyboard: [weeks, back] },
    };
  }
  const rows = offeredChoices(config).map((choice) => {
    const on = !view.choices.muted.has(choice);
    const label = capitalized(
      choiceName(config, { choice, zone, upcoming: view.upcoming }),
    );
    return [button(
      render(texts[on ? "button_setting_on" : "button_setting_off"], {
        name: label,
      }, config),
      SETTINGS_DATA.message(choice, !on),
    )];
  });
  const pause = view.paused === undefined
    ? button(texts.button_settings_pause, SETTINGS_DATA.screen("pause"))
    : button(texts.button_settings_unpause, SETTINGS_DATA.unpause);
  return {
    text: render(texts.settings, {
      ...shown(config, { week: view.upcoming, zone }),
      zone: name,
      pause_line: view.paused === undefined ? "" : render(
        texts.settings_pause_line,
        shown(config, { week: view.paused, zone }),
        config,
      ),
    }, config),
    reply_markup: {
      inline_keyboard: [
        [button(
          render(texts.button_settings_zone, { zone: name }, config),
          SETTINGS_DATA.screen("zone"),
        )],
        ...rows,
        [pause],
      ],
    },
  };
}

/** The zone `id` as its reader sees it (the meeting's own with its label). */
function readerOf(config: Config, id: string): Zone {
  return userZone(config, { timezone: id });
}

/** `/status`'s lines of the settings (`{settings_line}`): zone, messages, pause. */
export function statusSettingsLine(config: Config, view: SettingsView): string {
  const texts = config.texts;
  const zone = userZone(config, view.user);
  const names = (on: boolean) =>
    offeredChoices(config).filter((c) => view.choices.muted.has(c) !== on)
      .map((choice) =>
        choiceName(config, { choice, zone, upcoming: view.upcoming })
      )
      .join(", ");
  const off = names(false);
  return render(texts.status_settings, {
    zone: zoneName(zone, { at: view.now, language: config.language }),
    on: names(true) || texts.status_settings_none,
    off,
    off_line: off === ""
      ? ""
      : render(texts.status_settings_off, { off }, config),
    pause_line: view.paused === undefined ? "" : render(
      texts.status_settings_pause,
      shown(config, { week: view.paused, zone }),
      config,
    ),
  }, config);
}

/**
 * The note that a pause ended (the row's ref is the last week it skipped), while it is
 * still so: not to one who stopped, ended it themselves, or paused again since. It names
 * the next meeting that is not cancelled, in their zone.
 */
export function pauseEndedNotice(
  at: SendTime,
  row: OutboxRow,
): Delivery | null {
  const user = activeParticipant(at, row);
  if (user === undefined || user.paused_through !== row.ref) return null;
  const { config, store } = at;
  const next = weeksAhead(store, { config, now: at.now() })
    .find((week) => !week.cancelled);
  if (next === undefined) return null;
  return sendMessage(row.chat_id, {
    text: render(
      config.texts.pause_ended,
      shown(config, { week: next, zone: userZone(config, user) }),
      config,
    ),
  }, { preview: false });
}
