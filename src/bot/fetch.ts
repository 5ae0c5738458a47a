/** The Bot API client's HTTP: Deno's own fetch, adapted to grammY's npm build. */

/**
 * Deno's fetch in the shape grammY's npm build needs. That build passes an `AbortSignal`
 * of the `abort-controller` polyfill, which Deno's fetch rejects ("is not of type
 * AbortSignal"), and a Node stream as a multipart body. Without this, grammY would use
 * node-fetch through Deno's Node compatibility layer: slower, and one more dependency
 * on the hot path of every reply.
 */
export function denoFetch(
  input: string | URL | Request,
  init: RequestInit = {},
): Promise<Response> {
  const { signal, body, ...rest } = init as Omit<RequestInit, "body"> & {
    body?: unknown;
  };
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (signal?.aborted) abort();
  else signal?.addEventListener("abort", abort, { once: true });
  const webBody = body !== null && typeof body === "object" &&
      !(body instanceof ReadableStream) && Symbol.asyncIterator in body
    ? ReadableStream.from(body as AsyncIterable<Uint8Array>)
    : body as BodyInit | null | undefined;
  return fetch(input, { ...rest, body: webBody, signal: controller.signal });
}
