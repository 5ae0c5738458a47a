# The bot as one compiled executable on a small Debian base, running as uid 10001.
#
#   docker compose up -d --build            (see compose.yaml: token, config, data volume)
#
# Same layout as deploy/meeting-bot.service: program /usr/local/bin/meeting-bot, config
# /etc/meeting-bot/config.yaml (deploy/config.yaml is baked in as a default; compose.yaml
# mounts it read-only over that), database in the /var/lib/meeting-bot volume. No secret
# is baked in: BOT_TOKEN comes from the environment at run time.

# Base images pinned by digest (the multi-platform index, so amd64 and arm64 both build),
# the tag beside it for the reader: a tag can be moved, a digest cannot. To move to a
# newer one: docker buildx imagetools inspect denoland/deno:2.9.6 (the Digest: line).
FROM denoland/deno:2.9.6@sha256:2014dc167ece617ef7e7ba40631ac2234c59e75ce693e7cc2dc2602b3c87859d AS build
WORKDIR /src
# Dependencies first, in their own layer keyed by deno.json + deno.lock: a change to the
# sources reuses it. `deno install` with no argument fetches every dependency of
# deno.json, as locked. The throwaway compile also caches the runtime that `deno compile`
# downloads (the same for every program of this Deno version).
COPY deno.json deno.lock ./
RUN deno install --frozen \
  && echo 'export {};' > /tmp/warm.ts \
  && deno compile --no-config --quiet --output /tmp/warm /tmp/warm.ts \
  && rm /tmp/warm /tmp/warm.ts
COPY main.ts ./
COPY src ./src
# Exactly the permissions of the compile task in deno.json (no flags of its own here).
RUN deno task compile

# Debian 12 slim rather than distroless/cc-debian12: the executable needs only glibc
# (>= 2.27) and libgcc_s, which both provide, but slim also has a shell for
# `docker compose exec` when something needs looking at, and it is the base this was
# written against. Deno brings its own CA roots and time zone data, so no package is
# installed.
# bookworm-20260803-slim: the dated build of bookworm-slim, whose digest is this one.
FROM debian:bookworm-20260803-slim@sha256:abd67ffcfa541b485a3dff59865ab629aa048a6c613e639d36e7456b0b229241
RUN groupadd --system --gid 10001 meeting-bot \
  && useradd --system --uid 10001 --gid 10001 --no-create-home \
    --home-dir /var/lib/meeting-bot --shell /usr/sbin/nologin meeting-bot \
  && install -d -o 10001 -g 10001 -m 0700 /var/lib/meeting-bot /var/lib/meeting-bot/backups
COPY --from=build /src/dist/meeting-bot /usr/local/bin/meeting-bot
COPY deploy/config.yaml /etc/meeting-bot/config.yaml
ENV CONFIG=/etc/meeting-bot/config.yaml
WORKDIR /var/lib/meeting-bot
VOLUME ["/var/lib/meeting-bot"]
USER 10001:10001
# /healthz and /metrics (http: in the config); compose.yaml publishes it on 127.0.0.1.
EXPOSE 9090
# `health` asks /healthz of the running bot: database reachable, polling alive.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
  CMD ["/usr/local/bin/meeting-bot", "health"]
# SIGTERM: polling stops, in-flight sends finish, the database closes (give it 45 s).
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/meeting-bot"]
CMD ["run"]
