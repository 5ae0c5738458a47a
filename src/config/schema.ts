/**
 * The shape of `config.yaml` once read and validated, and the error a bad file gives.
 *
 * @module
 */
import type { JobName } from "../core/jobs.ts";
import { OperatorError } from "../core/errors.ts";
import type { LocalTime, Weekday, WeeklyTime } from "../core/week.ts";
import type { Texts } from "./texts.ts";

/** The validated contents of `config.yaml`. */
export interface Config {
  /** IANA time zone in which every weekday and time is meant, e.g. `Europe/Moscow`. */
  timezone: string;
  /** How texts name the zone (`{tz}`), e.g. "мск"; `null`: its UTC offset, "UTC+3". */
  timezone_label: string | null;
  /** Absolute path of the SQLite file, or `:memory:`. */
  database: string;
  /** Telegram user ids of the administrators. */
  admins: number[];
  /** The weekly meeting itself. */
  meeting: {
    title: string;
    weekday: Weekday;
    time: LocalTime;
    duration_minutes: number;
    link: string;
    /** Seats each week (an admin may change one week's with `/capacity`); `null`: no limit. */
    capacity: number | null;
  };
  /** When each weekly job runs; `null` for an optional job that is off (the nudge). */
  schedule: Record<Exclude<JobName, "nudge">, WeeklyTime> & {
    nudge: WeeklyTime | null;
  };
  /** Mass sends: their pace, and whether Telegram's paid broadcasts are used. */
  broadcast: {
    messages_per_second: number;
    /**
     * Sends paced messages with `allow_paid_broadcast`: up to 1,000 a second, for 0.1
     * Telegram Stars each, paid from the bot's balance.
     */
    paid: boolean;
  };
  /** How long the bot keeps trying to deliver. */
  delivery: {
    /** First wait after a failed send (a 429 waits what Telegram says). */
    retry_initial_seconds: number;
    /** Longest wait between tries. */
    retry_max_seconds: number;
    /** A message still failing this long after it was owed is recorded as failed. */
    give_up_after_hours: number;
    /** No answer from the Bot API after this long: the outcome is unknown. */
    request_timeout_seconds: number;
    /** Records of finished deliveries are pruned after this many days. */
    keep_days: number;
  };
  /** Messages participants write to the bot, passed on to the admins. */
  forwarding: {
    /** Off: participants get the "commands only" reply instead. */
    enabled: boolean;
    /** Messages one participant may have passed on per hour. */
    per_hour: number;
  };
  /** How much one chat may send before the bot stops listening for a while. */
  flood: {
    /** Updates a chat may send at once. */
    burst: number;
    /** Updates a chat may send per minute after the burst. */
    per_minute: number;
  };
  /** Long polling during outages. */
  polling: {
    /** Longest wait between `getUpdates` tries while Telegram cannot be reached. */
    retry_max_seconds: number;
    /** `/healthz` turns unhealthy when no `getUpdates` succeeded for this long. */
    unhealthy_after_seconds: number;
    /** Delete a webhook set on the token at start (it blocks long polling). */
    delete_webhook: boolean;
  };
  /** The HTTP listeners; `null` when the section is absent. */
  http: {
    /** The local listener's port: `/healthz` and `/metrics`. */
    port: number;
    /** The local listener's address. */
    hostname: string;
    /** The public side (personal join links); absent without `http.public_url`. */
    public?: PublicHttp;
  } | null;
  /** The question after each meeting, and the host's report. */
  feedback: {
    /** Off: no question is asked (the host's report still comes). */
    enabled: boolean;
    /** How long after the meeting's end the question is asked. */
    delay_minutes: number;
    /** How long a rating may be given or changed, and a comment written; then the report. */
    open_hours: number;
  };
  /** Every text the bot shows: the defaults overridden by `texts:`. */
  texts: Texts;
  /** Absolute path of the config file, or `<memory>` when parsed from a string. */
  path: string;
}

/** The public listener: what people reach through the operator's reverse proxy. */
export interface PublicHttp {
  /** `http.public_url`: where the proxy exposes it, e.g. `https://bot.example.org` (no trailing `/`). */
  url: string;
  /** `http.public_port`: the port it listens on, never the local listener's. */
  port: number;
  /** `http.public_hostname`: its address; default `127.0.0.1` (a proxy on this host). */
  hostname: string;
  /**
   * `http.client_ip_header`: the header the proxy puts the client's address in (its last
   * entry is taken), for the rate limit; `null`: the peer's address (nothing in front).
   */
  client_ip_header: string | null;
  /** `http.rate_limit`: requests one address may make at once, then per minute. */
  rate_limit: { burst: number; per_minute: number };
}

/** Default of `database`, relative to the config file's folder. */
export const DEFAULT_DATABASE = "data/bot.sqlite3";
/** Defaults of `broadcast`: safely under Telegram's free limit of about 30 a second. */
export const DEFAULT_BROADCAST: Config["broadcast"] = {
  messages_per_second: 25,
  paid: false,
};
/** Defaults of `delivery`. */
export const DEFAULT_DELIVERY: Config["delivery"] = {
  retry_initial_seconds: 2,
  retry_max_seconds: 300,
  give_up_after_hours: 48,
  request_timeout_seconds: 30,
  keep_days: 365,
};
/** Defaults of `forwarding`. */
export const DEFAULT_FORWARDING: Config["forwarding"] = {
  enabled: true,
  per_hour: 10,
};
/** Defaults of `flood`. */
export const DEFAULT_FLOOD: Config["flood"] = { burst: 20, per_minute: 30 };
/** Defaults of `polling`. */
export const DEFAULT_POLLING: Config["polling"] = {
  retry_max_seconds: 30,
  unhealthy_after_seconds: 120,
  delete_webhook: false,
};
/** Default of `http.hostname` and `http.public_hostname`. */
export const DEFAULT_HOSTNAME = "127.0.0.1";
/** Default of `http.rate_limit`: a room behind one address can still all click at once. */
export const DEFAULT_RATE_LIMIT: PublicHttp["rate_limit"] = {
  burst: 60,
  per_minute: 120,
};
/** Defaults of `feedback`. */
export const DEFAULT_FEEDBACK: Config["feedback"] = {
  enabled: true,
  delay_minutes: 15,
  open_hours: 24,
};

/** A config that cannot be read or is invalid; `key` and `line` say where. */
export class ConfigError extends OperatorError {
  /** Shows in logs and stack traces as `ConfigError: …`. */
  override name = "ConfigError";
  /** Dotted path of the offending key, e.g. `schedule.invitation.weekday`; `""` for the whole file. */
  readonly key: string;
  /** 1-based line in the file, or `null` when unknown. */
  readonly line: number | null;
  /** The file as the operator named it, shown before the message. */
  file: string | undefined;

  /** Builds the error; `message` already names the key and the line. */
  constructor(
    message: string,
    options: { key: string; line: number | null; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.key = options.key;
    this.line = options.line;
  }

  /** `config.yaml: Invalid value …`. */
  override report(): string {
    return this.file === undefined
      ? this.message
      : `${this.file}: ${this.message}`;
  }
}
