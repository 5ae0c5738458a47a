/** HTTP helpers of the bench's fake Bot API: reading a call's parameters, error answers. */

/** Parameters of one Bot API call, decoded. */
export type Params = Record<string, unknown>;

/** An error answer of the Bot API. */
export class ApiFailure extends Error {
  constructor(
    readonly code: number,
    description: string,
    readonly retryAfter?: number,
  ) {
    super(description);
  }
}

/** Query string, then a JSON or form body; form fields holding JSON are decoded. */
export async function readParams(request: Request): Promise<Params> {
  const params: Params = {};
  for (const [key, value] of new URL(request.url).searchParams) {
    params[key] = decodeField(value);
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
      params[key] = typeof value === "string" ? decodeField(value) : value.name;
    }
  }
  return params;
}

function decodeField(value: string): unknown {
  if (value.startsWith("{") || value.startsWith("[")) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

/** An integer given as a number or a string of digits. */
export function toInteger(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}

/** The Bot API's JSON answer for an error, with `retry_after` for a 429. */
export function failure(error: ApiFailure): Response {
  return Response.json({
    ok: false,
    error_code: error.code,
    description: error.message,
    ...(error.retryAfter !== undefined &&
      { parameters: { retry_after: error.retryAfter } }),
  }, { status: error.code });
}
