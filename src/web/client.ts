/**
 * Which address a request comes from, for the rate limit and the log. Behind a reverse
 * proxy every request comes from the proxy, so the client's address is taken from the
 * header the proxy sets (`http.client_ip_header`), and only when the config names one:
 * a header anyone can send is never believed otherwise. Of a list (`X-Forwarded-For`),
 * the last entry is the one the proxy itself added; earlier ones came from the client.
 *
 * @module
 */

/** The client's address: the named header's last entry, else the peer's address. */
export function clientAddress(
  request: Request,
  { peer, header }: { peer: Deno.Addr; header: string | null },
): string {
  if (header !== null) {
    const value = request.headers.get(header);
    const last = value?.split(",").at(-1)?.trim();
    if (last !== undefined && last !== "") return last.slice(0, 64);
  }
  return "hostname" in peer ? peer.hostname : "local";
}
