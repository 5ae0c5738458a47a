/**
 * A TCP proxy on 127.0.0.1 in front of the fake's HTTP server, so that a test
 * can cut the network under a bot, in this process or another.
 *
 * What Deno 2.9's `fetch` (the bot's `denoFetch`) rejects with, observed:
 *
 * - refused connect (proxy cut, nothing listens): `TypeError: fetch failed`
 *   with `cause` "error sending request for url (http://127.0.0.1:PORT/…):
 *   client error (Connect): tcp connect error: Connection refused (os error
 *   111)". The request was certainly not delivered.
 * - connection closed after the request was written, before the answer:
 *   `TypeError: fetch failed` with `cause` "error sending request from
 *   127.0.0.1:PORT for http://127.0.0.1:PORT/… (127.0.0.1:PORT): client error
 *   (SendRequest): connection closed before message completed". The request
 *   may have reached the server and taken effect.
 * - connection closed while reading the answer's body: `TypeError: error
 *   reading a body from connection`, no `cause`.
 * - a connect accepted by a listener that is closing: `cause` "… client error
 *   (Connect): tcp connect error: Connection reset by peer (os error 104)";
 *   not delivered either. {@link TcpProxy.cut} waits until the listening
 *   socket is really closed, so a cut network only ever refuses.
 *
 * grammY wraps each in an `HttpError` whose `error` is that `TypeError`: a
 * `cause` with "client error (Connect)" was certainly not delivered, one with
 * "client error (SendRequest)" or a body error may have been.
 *
 * @module
 */

/** Size of the buffer each direction of a proxied connection reads into. */
const CHUNK = 64 * 1024;

interface Pipe {
  client: Deno.TcpConn;
  upstream?: Deno.TcpConn;
  done?: Promise<void>;
}

/** Pipes bytes between clients and one TCP port, and can drop them all at once. */
export class TcpProxy {
  /** The port clients connect to; the same after {@link restore}. */
  readonly port: number;
  #targetPort: number;
  #listener?: Deno.TcpListener;
  #pipes = new Set<Pipe>();
  #accepting?: Promise<void>;
  #closed = false;
  #closedPorts = new Set<number>();

  /** Listens on a fresh port of 127.0.0.1 and forwards to `targetPort` there. */
  constructor(targetPort: number) {
    this.#targetPort = targetPort;
    const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    this.port = listener.addr.port;
    this.#serve(listener);
  }

  /** Whether new connections are refused. */
  get isCut(): boolean {
    return this.#listener === undefined;
  }

  /** Number of connections being proxied now. */
  get openConnections(): number {
    return this.#pipes.size;
  }

  /**
   * Stops listening (new connects get ECONNREFUSED) and closes every proxied
   * connection; bytes not yet forwarded are lost. Resolves, once the
   * listening socket is closed, to how many connections it closed, or to
   * `undefined` if the network was already cut.
   */
  async cut(): Promise<number | undefined> {
    if (!this.#stopListening()) return undefined;
    const count = this.#pipes.size;
    for (const pipe of [...this.#pipes]) this.#drop(pipe);
    // Deno closes the socket only once the pending accept has ended; until
    // then a connect would be accepted and reset, not refused.
    await this.#accepting;
    return count;
  }

  /** Listens again on the same port; does nothing unless cut. */
  async restore(): Promise<void> {
    if (this.#listener !== undefined || this.#closed) return;
    await this.#accepting;
    if (this.#listener !== undefined || this.#closed) return;
    this.#serve(Deno.listen({ hostname: "127.0.0.1", port: this.port }));
  }

  /**
   * Whether the proxy's connection to the server from local port `port` (the
   * server's `remoteAddr.port`) has been closed: its client will never read
   * an answer. False for connections that did not come through the proxy.
   */
  closedUpstream(port: number): boolean {
    return this.#closedPorts.has(port);
  }

  /**
   * Stops listening for good, lets open connections end by themselves (the
   * server closing them) for up to `graceMs`, then cuts the rest.
   */
  async close(graceMs = 1000): Promise<void> {
    this.#closed = true;
    this.#stopListening();
    const ended = Promise.all(
      [this.#accepting, ...[...this.#pipes].map((pipe) => pipe.done)],
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([ended, grace]);
    clearTimeout(timer);
    for (const pipe of [...this.#pipes]) this.#drop(pipe);
    await ended;
  }

  /** Closes the listener; false if it was closed already. */
  #stopListening(): boolean {
    const listener = this.#listener;
    if (listener === undefined) return false;
    this.#listener = undefined;
    listener.close();
    return true;
  }

  #serve(listener: Deno.TcpListener): void {
    this.#listener = listener;
    this.#accepting = this.#accept(listener);
  }

  async #accept(listener: Deno.TcpListener): Promise<void> {
    try {
      for await (const client of listener) {
        const pipe: Pipe = { client };
        this.#pipes.add(pipe);
        pipe.done = this.#connect(pipe);
      }
    } catch {
      // The listener was closed by a cut.
    }
  }

  async #connect(pipe: Pipe): Promise<void> {
    try {
      pipe.client.setNoDelay(true);
      const upstream = await Deno.connect({
        hostname: "127.0.0.1",
        port: this.#targetPort,
      });
      if (!this.#pipes.has(pipe)) {
        upstream.close();
        return;
      }
      upstream.setNoDelay(true);
      pipe.upstream = upstream;
      this.#closedPorts.delete(upstream.localAddr.port);
      const ways = [pump(pipe.client, upstream), pump(upstream, pipe.client)];
      // Whichever side ends first ends both: HTTP clients never half-close.
      await Promise.race(ways);
      this.#drop(pipe);
      await Promise.all(ways);
    } catch {
      // Connecting upstream failed: the fake is shutting down.
    }
    this.#drop(pipe);
  }

  #drop(pipe: Pipe): void {
    if (!this.#pipes.delete(pipe)) return;
    closeQuietly(pipe.client);
    if (pipe.upstream) {
      this.#closedPorts.add(pipe.upstream.localAddr.port);
      closeQuietly(pipe.upstream);
    }
  }
}

/** Copies bytes from `from` to `to` until `from` ends or either side fails or is closed. */
async function pump(from: Deno.Conn, to: Deno.Conn): Promise<void> {
  const buffer = new Uint8Array(CHUNK);
  try {
    while (true) {
      const n = await from.read(buffer);
      if (n === null) return;
      let written = 0;
      while (written < n) {
        written += await to.write(buffer.subarray(written, n));
      }
    }
  } catch {
    // Reset by the peer, or closed by a cut.
  }
}

function closeQuietly(conn: Deno.Conn): void {
  try {
    conn.close();
  } catch {
    // Already closed.
  }
}
