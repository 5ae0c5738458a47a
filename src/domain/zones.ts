/**
 * Each person's own time zone: how a reader's zone is named in texts, the short list of
 * common zones `/settings` offers as buttons, and the reading of a zone a person typed:
 * an IANA name (`Asia/Tokyo`, in any case), one of a few common city names (in Russian
 * or English), or an offset from UTC (`UTC+3`, `+05:30`, `GMT-4`). Pure.
 *
 * @module
 */

/**
 * How one reader sees times: the IANA zone they are shown in, and how texts name it
 * (`{tz}`); `timezone_label` `null` names it by its UTC offset at the instant shown,
 * "UTC+3". The config is one (the meeting's zone); a person's own zone is another.
 */
export interface Zone {
  /** An IANA time zone, or a fixed offset such as `+05:30`. */
  timezone: string;
  /** The zone's name in texts, e.g. "мск"; `null`: its UTC offset. */
  timezone_label: string | null;
}

/**
 * The zone a person reads times in: their own (`personal`, named by its UTC offset), or,
 * without one or when it is the meeting's, the meeting's zone with its label.
 */
export function readerZone(meeting: Zone, personal: string | null): Zone {
  if (personal === null || personal === meeting.timezone) return meeting;
  return { timezone: personal, timezone_label: null };
}

/** A common zone offered as a button: its IANA name and its city in each language. */
export interface CommonZone {
  /** The IANA name, e.g. `Europe/Moscow`: what a button's data carries. */
  id: string;
  /** The city that names it, in Russian. */
  ru: string;
  /** The same in English. */
  en: string;
}

/** The zones `/settings` offers as buttons, west of Moscow to east, then abroad. */
export const COMMON_ZONES: readonly CommonZone[] = [
  { id: "Europe/Kaliningrad", ru: "Калининград", en: "Kaliningrad" },
  { id: "Europe/Moscow", ru: "Москва", en: "Moscow" },
  { id: "Europe/Samara", ru: "Самара", en: "Samara" },
  { id: "Asia/Yekaterinburg", ru: "Екатеринбург", en: "Yekaterinburg" },
  { id: "Asia/Novosibirsk", ru: "Новосибирск", en: "Novosibirsk" },
  { id: "Asia/Vladivostok", ru: "Владивосток", en: "Vladivostok" },
  { id: "Asia/Almaty", ru: "Алматы", en: "Almaty" },
  { id: "Asia/Tbilisi", ru: "Тбилиси", en: "Tbilisi" },
  { id: "Europe/Berlin", ru: "Берлин", en: "Berlin" },
  { id: "Europe/London", ru: "Лондон", en: "London" },
  { id: "America/New_York", ru: "Нью-Йорк", en: "New York" },
  { id: "America/Los_Angeles", ru: "Лос-Анджелес", en: "Los Angeles" },
];

/** More cities a person may type, by their zone: those of the buttons come first. */
const MORE_CITIES: Readonly<Record<string, readonly string[]>> = {
  "Europe/Moscow": [
    "мск",
    "санкт-петербург",
    "петербург",
    "питер",
    "спб",
    "saint petersburg",
    "st petersburg",
    "казань",
    "нижний новгород",
    "воронеж",
    "ростов-на-дону",
    "краснодар",
    "сочи",
  ],
  "Europe/Minsk": ["минск", "minsk"],
  "Europe/Kyiv": ["киев", "київ", "kyiv", "kiev"],
  "Europe/Samara": ["ижевск"],
  "Asia/Yekaterinburg": ["пермь", "уфа", "челябинск", "тюмень"],
  "Asia/Omsk": ["омск", "omsk"],
  "Asia/Novosibirsk": ["novosibirsk"],
  "Asia/Krasnoyarsk": ["красноярск", "krasnoyarsk"],
  "Asia/Irkutsk": ["иркутск", "irkutsk"],
  "Asia/Vladivostok": ["хабаровск", "khabarovsk"],
  "Asia/Almaty": ["астана", "astana"],
  "Asia/Tashkent": ["ташкент", "tashkent"],
  "Asia/Bishkek": ["бишкек", "bishkek"],
  "Asia/Yerevan": ["ереван", "yerevan"],
  "Asia/Baku": ["баку", "baku"],
  "Europe/Riga": ["рига", "riga"],
  "Europe/Vilnius": ["вильнюс", "vilnius"],
  "Europe/Tallinn": ["таллин", "таллинн", "tallinn"],
  "Europe/Warsaw": ["варшава", "warsaw"],
  "Europe/Prague": ["прага", "prague"],
  "Europe/Paris": ["париж", "paris"],
  "Europe/Amsterdam": ["амстердам", "amsterdam"],
  "Europe/Istanbul": ["стамбул", "istanbul"],
  "Asia/Jerusalem": ["тель-авив", "иерусалим", "tel aviv", "jerusalem"],
  "Asia/Dubai": ["дубай", "dubai"],
  "Asia/Bangkok": ["бангкок", "bangkok"],
  "Asia/Tokyo": ["токио", "tokyo"],
  "America/Chicago": ["чикаго", "chicago"],
  "Pacific/Honolulu": ["гонолулу", "honolulu"],
};

/** Every city a person may type, lower-case, by name. */
const CITIES: ReadonlyMap<string, string> = new Map([
  ...COMMON_ZONES.flatMap((zone) =>
    [zone.ru, zone.en].map((name) => [normalize(name), zone.id] as const)
  ),
  ...Object.entries(MORE_CITIES).flatMap(([id, names]) =>
    names.map((name) => [normalize(name), id] as const)
  ),
]);

/** Lower case, "ё" as "е", one space, no dot at the end, a "г." before a city left out. */
function normalize(text: string): string {
  return text.trim().toLocaleLowerCase("ru").replaceAll("ё", "е")
    .replace(/\s+/g, " ").replace(/\.$/, "").replace(/^г\. ?/, "");
}

/** The longest offset from UTC a zone has (Kiribati is +14, Baker Island −12). */
const MAX_OFFSET_HOURS = 14;

/**
 * An offset from UTC as a person may type it: `UTC+3`, `utc −3`, `GMT+5:30`, `+05:30`,
 * `-4`, `UTC` alone; as a fixed-offset zone (`+03:00`, or `UTC`). `undefined` for
 * anything else, or an offset no zone has.
 */
function parseOffset(text: string): string | undefined {
  const match = /^(?:utc|gmt)?\s*(?:([+\-−–])\s*(\d{1,2})(?::?(\d{2}))?)?$/i
    .exec(text);
  if (match === null || (match[1] === undefined && !/[a-z]/i.test(text))) {
    return undefined;
  }
  if (match[1] === undefined) return "UTC";
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? 0);
  if (minutes >= 60 || hours * 60 + minutes > MAX_OFFSET_HOURS * 60) {
    return undefined;
  }
  if (hours === 0 && minutes === 0) return "UTC";
  const sign = match[1] === "+" ? "+" : "-";
  return `${sign}${pad(hours)}:${pad(minutes)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** The zone's canonical name if this Deno knows it (`europe/berlin` is `Europe/Berlin`). */
export function knownZone(name: string): string | undefined {
  try {
    return new Temporal.ZonedDateTime(0n, name).timeZoneId;
  } catch {
    return undefined;
  }
}

/**
 * The zone a person typed: an offset from UTC (`UTC+3`, `+05:30`), a city of the list
 * (`Москва`, `берлин`, `New York`), or an IANA name (`Asia/Tokyo`); `undefined` for
 * anything else. Never throws.
 */
export function parseZone(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed.length > 64) return undefined;
  const offset = parseOffset(trimmed);
  if (offset !== undefined) return offset;
  const city = CITIES.get(normalize(trimmed));
  if (city !== undefined) return knownZone(city);
  // An IANA name has a slash ("Asia/Tokyo"); a bare word such as "EST" is not taken.
  return trimmed.includes("/")
    ? knownZone(trimmed.replace(/ /g, "_"))
    : undefined;
}

/** The city of a common zone in `language` (`ru` or `en`), if it is one of the list. */
export function commonZoneName(
  id: string,
  language: "ru" | "en" = "ru",
): string | undefined {
  return COMMON_ZONES.find((zone) => zone.id === id)?.[language];
}
