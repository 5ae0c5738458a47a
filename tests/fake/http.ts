/**
 * The HTTP shape of the Bot API: decoding a call's parameters (query string,
 * JSON, form or multipart with files) and encoding answers.
 *
 * @module
 */
import type { ApiFailure, Params, UploadedFile } from "./types.ts";

/** A call's parameters and uploaded files. */
export interface CallBody {
  params: Params;
  files: Map<string, UploadedFile>;
}

/** An HTTP answer and the status recorded for it (0 for a dropped connection). */
export interface Answer {
  response: Response;
  status: number;
}

const NUMERIC_FIELDS = new Set([
  "chat_id",
  "from_chat_id",
  "message_id",
  "message_thread_id",
  "reply_to_message_id",
]);

/** Reads the parameters of a call from its URL and body. */
export async function readParams(
  request: Request,
  url: URL,
): Promise<CallBody> {
  const params: Params = {};
  const files = new Map<string, UploadedFile>();
  for (const [key, value] of url.searchParams) {
    params[key] = decodeField(key, value);
  }
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("application/json")) {
    const text = await request.text();
    if (text !== "") Object.assign(params, JSON.parse(text));
  } else if (
    type.startsWith("multipart/form-data") ||
    type.startsWith("application/x-www-form-urlencoded")
  ) {
    for (const [key, value] of await request.formData()) {
      if (typeof value === "string") params[key] = decodeField(key, value);
      else files.set(key, { filename: value.name, bytes: await value.bytes() });
    }
  }
  return { params, files };
}

/** Decodes a form field: JSON objects and arrays, booleans, and numeric ids. */
function decodeField(key: string, value: string): unknown {
  if (value.startsWith("{") || value.startsWith("[")) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  if (value === "true" || value === "false") return value === "true";
  if (NUMERIC_FIELDS.has(key) && /^-?\d+$/.test(value)) return Number(value);
  return value;
}

/** The `{ ok: true, result }` answer. */
export function success(result: unknown): Answer {
  return { response: Response.json({ ok: true, result }), status: 200 };
}

/** The `{ ok: false, error_code, description, parameters? }` answer of a failure. */
export function failure(error: ApiFailure): Answer {
  const body = {
    ok: false,
    error_code: error.code,
    description: error.message,
    ...(error.parameters && { parameters: error.parameters }),
  };
  const response = Response.json(body, { status: error.code });
  return { response, status: error.code };
}

/** A response whose body errors at once, so the client sees a broken connection. */
export function dropped(): Answer {
  const response = new Response(
    new ReadableStream({
      start(controller) {
        controller.error("Fake Bot API dropped this connection on purpose");
      },
    }),
  );
  return { response, status: 0 };
}
