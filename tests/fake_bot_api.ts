/**
 * A fake Telegram Bot API: a real HTTP server on 127.0.0.1 that a real grammY
 * bot reaches through its `apiRoot` (a TCP proxy that tests can cut). Tests
 * queue updates, the bot long-polls them, and tests assert on what the bot
 * sent. Failures (429 global and per chat, 403, 409, 5xx, dropped
 * connections, network cuts, latency, expired callback queries, size limits)
 * can be switched on. The implementation lives in ./fake/.
 *
 * @module
 */
export { FakeBotApi } from "./fake/server.ts";
export {
  BOT_INFO,
  BOT_USER,
  type CallbackAnswer,
  type ChatRateLimit,
  type CutOptions,
  DEFAULT_TOKEN,
  type DocumentOptions,
  ERRORS,
  type FailOptions,
  type FakeBotApiOptions,
  type FakeStats,
  type FakeUser,
  type Params,
  type PhotoOptions,
  type RateLimit,
  type RecordedRequest,
  type ReplyMarkup,
  type SentRecord,
  type SlowOptions,
  type UpdatesFailure,
  type UploadedFile,
  type VoiceOptions,
  type WaitOptions,
} from "./fake/types.ts";
export {
  MAX_CALLBACK_DATA_BYTES,
  MAX_CAPTION_LENGTH,
  MAX_TEXT_LENGTH,
} from "./fake/limits.ts";
export { inlineButtons, scopeKey, user } from "./fake/util.ts";

/** Deno's fetch adapted to grammY's npm build; the bot itself uses the same. */
export { denoFetch } from "../src/bot/fetch.ts";
