/**
 * The shapes the fake Bot API shares with tests: its options, what it records,
 * its counters, and the error texts it answers with, copied from Telegram.
 *
 * @module
 */
import type {
  ForceReply,
  InlineKeyboardMarkup,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  ResponseParameters,
  User,
  UserFromGetMe,
} from "grammy/types";

/** The token a fake accepts unless `token` is given to `FakeBotApi.start`. */
export const DEFAULT_TOKEN = "123456:TEST-token";

/** What `getMe` answers. */
export const BOT_INFO: UserFromGetMe = {
  id: 42,
  is_bot: true,
  first_name: "Test bot",
  username: "test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/** The bot as `from` of the messages it sends. */
export const BOT_USER: User = {
  id: BOT_INFO.id,
  is_bot: true,
  first_name: BOT_INFO.first_name,
  username: BOT_INFO.username,
};

/** A Telegram user that tests act as. */
export interface FakeUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/**
 * Global flood limit on sends (sendMessage, sendDocument, sendPhoto,
 * copyMessage, forwardMessage): at most `perSecond` calls pass in any sliding
 * 1000 ms window (a call that passes counts even if it then fails with 403 or
 * 400); the rest get 429.
 */
export interface RateLimit {
  perSecond: number;
  /** Seconds put in `retry_after` of a 429 answer; 1 by default. */
  retryAfter?: number;
}

/**
 * Flood limit per chat, as Telegram's "about one message per second in a
 * chat": a token bucket of `burst` sends refilled at `perSecond`; a send to a
 * chat whose bucket is empty gets 429.
 */
export interface ChatRateLimit {
  /** Sends per second refilled into each chat's bucket; 1 by default. */
  perSecond?: number;
  /** Sends a chat may take at once; `perSecond` rounded up by default (at least 1). */
  burst?: number;
  /** Seconds put in `retry_after`; by default the whole seconds until the bucket refills one send. */
  retryAfter?: number;
}

/** Options of `FakeBotApi.start`. */
export interface FakeBotApiOptions {
  token?: string;
  rateLimit?: RateLimit;
  /** Flood limit per chat; none by default. */
  chatRateLimit?: ChatRateLimit;
  /**
   * Milliseconds between handling a call (any but `getUpdates`) and answering
   * it: as on Telegram, a call whose client dies meanwhile has taken effect.
   */
  latency?: number;
  /** Extra latency per method (`getUpdates` included), added to `latency`. */
  latencyByMethod?: Record<string, number>;
  /** Answer 400 "chat not found" for chats never seen in an injected update. */
  knownChatsOnly?: boolean;
  /** Milliseconds a callback query stays answerable after injection; 10 000 by default. */
  callbackQueryTtlMs?: number;
  /** Clock for the `date` of messages. */
  now?: () => Date;
  /**
   * Update ids and every chat's message ids go on after this one, as Telegram's do for
   * a bot that ran before on the same account (a restart on the same database); 0 by
   * default.
   */
  idsAfter?: number;
}

/** Parameters of one Bot API call, JSON-decoded. */
export type Params = Record<string, unknown>;

/**
 * One call the fake received; `status` is the HTTP status answered, 0 if
 * dropped, absent while pending.
 */
export interface RecordedRequest {
  method: string;
  params: Params;
  at: number;
  status?: number;
  /**
   * True if the call was handled (and took effect) but its proxied connection
   * had been closed (a cut, or a client that gave up) when the answer was ready.
   */
  answerLost?: boolean;
  /** Milliseconds the answer was held back after the call took effect (latency). */
  delayMs?: number;
}

/** A file uploaded with multipart/form-data. */
export interface UploadedFile {
  filename: string;
  bytes: Uint8Array;
}

/** Any reply markup a bot may attach to a message. */
export type ReplyMarkup =
  | InlineKeyboardMarkup
  | ReplyKeyboardMarkup
  | ReplyKeyboardRemove
  | ForceReply;

/**
 * A successful send (sendMessage, sendDocument, sendPhoto, copyMessage,
 * forwardMessage), edit (editMessageText, editMessageReplyMarkup) or
 * deleteMessage. `message_id` is the message sent, edited or deleted.
 */
export interface SentRecord {
  method: string;
  chat_id: number;
  message_id: number;
  text?: string;
  caption?: string;
  reply_markup?: ReplyMarkup;
  document?: UploadedFile;
  photo?: UploadedFile;
  /** Chat of the source message of copyMessage and forwardMessage. */
  from_chat_id?: number;
  /** Id of the source message of copyMessage and forwardMessage. */
  source_message_id?: number;
  /** `performance.now()` when the fake accepted the call. */
  at: number;
  params: Params;
}

/** One successful answerCallbackQuery. */
export interface CallbackAnswer {
  callback_query_id: string;
  text?: string;
  show_alert?: boolean;
  url?: string;
  at: number;
}

/** Counters of what the fake refused, failed or cut. */
export interface FakeStats {
  /** Every 429 answered, from the global or the per-chat limit. */
  tooManyRequests: number;
  /** 429s answered by the per-chat limit only. */
  chatTooManyRequests: number;
  /** 429s (either limit) by target chat id. */
  tooManyRequestsByChat: Map<number, number>;
  forbidden: number;
  /** 5xx answered to sends ({@link FailOptions} through `failNext`). */
  serverErrors: number;
  /** 5xx answered to getUpdates (`failUpdates`). */
  updatesErrors: number;
  /** 409 answered to getUpdates (webhook set or another instance). */
  conflicts: number;
  /** answerCallbackQuery refused because the query was older than its TTL. */
  expiredCallbackQueries: number;
  dropped: number;
  /** Times `cutNetwork` cut a working network. */
  cuts: number;
  /** Open connections closed by `cutNetwork`. */
  connectionsCut: number;
  /** Calls handled whose connection was closed (cut, client gave up) before the answer was ready. */
  answersLost: number;
}

/** Options of `FakeBotApi.failNext` and `FakeBotApi.failUpdates`. */
export interface FailOptions {
  status?: 500 | 502 | 503 | 504;
  description?: string;
}

/** Options of `FakeBotApi.failUpdates`. */
export interface UpdatesFailure extends FailOptions {
  /** Fail the next this many getUpdates calls. */
  times?: number;
  /** Fail every getUpdates call for this many milliseconds. */
  for?: number;
}

/** Options of `FakeBotApi.slow`. */
export interface SlowOptions {
  /** Milliseconds after which the method is fast again; for good if absent. */
  for?: number;
}

/** Options of `FakeBotApi.cutNetwork`. */
export interface CutOptions {
  /** Milliseconds after which the network comes back by itself. */
  for?: number;
}

/** Options of `FakeBotApi.waitFor`. */
export interface WaitOptions {
  /** Milliseconds before the wait rejects; 5000 by default. */
  timeout?: number;
}

/** A photo a user sends (`FakeBotApi.sendPhoto`). */
export interface PhotoOptions {
  caption?: string;
  /** `file_id` of the largest size; made up if absent. */
  fileId?: string;
  width?: number;
  height?: number;
}

/** A voice message a user sends (`FakeBotApi.sendVoice`). */
export interface VoiceOptions {
  /** Seconds; 3 by default. */
  duration?: number;
  caption?: string;
  fileId?: string;
}

/** A document a user sends (`FakeBotApi.sendDocument`). */
export interface DocumentOptions {
  fileName?: string;
  mimeType?: string;
  caption?: string;
  fileId?: string;
}

/** An error answer of the Bot API, thrown inside the fake. */
export class ApiFailure extends Error {
  /** `error_code` and `description` of the answer, with optional `parameters`. */
  constructor(
    readonly code: number,
    description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
  }
}

/** Telegram's error descriptions that the fake answers with. */
export const ERRORS = {
  notModified: "Bad Request: message is not modified: specified new " +
    "message content and reply markup are exactly the same as a current " +
    "content and reply markup of the message",
  invalidQuery: "Bad Request: query is too old and response timeout " +
    "expired or query ID is invalid",
  textEmpty: "Bad Request: message text is empty",
  textTooLong: "Bad Request: message is too long",
  captionTooLong: "Bad Request: message caption is too long",
  buttonData: "Bad Request: BUTTON_DATA_INVALID",
  chatNotFound: "Bad Request: chat not found",
  replyNotFound: "Bad Request: message to be replied not found",
  webhookActive: "Conflict: can't use getUpdates method while webhook is " +
    "active; use deleteWebhook to delete the webhook first",
  otherInstance: "Conflict: terminated by other getUpdates request; make " +
    "sure that only one bot instance is running",
} as const;
