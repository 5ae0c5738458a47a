# Builds the single executable with the official Deno image, then runs it as a non-root
# user on a small Debian base with the data folder as a volume.
#
#   docker build -t meeting-bot .
#   docker run -d --name meeting-bot --restart unless-stopped \
#     -e BOT_TOKEN=... -v "$PWD/config.yaml:/app/config.yaml:ro" -v meeting-data:/app/data meeting-bot

FROM denoland/deno:2.9.6 AS build
WORKDIR /src
COPY deno.json deno.lock ./
COPY main.ts ./
COPY src ./src
RUN deno install --frozen --entrypoint main.ts \
  && deno task compile

FROM debian:bookworm-slim
RUN apt-get update \
  && apt-get install -y --no-install-recommends ca-certificates tzdata \
  && rm -rf /var/lib/apt/lists/* \
  && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin bot \
  && mkdir -p /app/data \
  && chown bot:bot /app/data
WORKDIR /app
COPY --from=build /src/dist/meeting-bot /app/meeting-bot
COPY config.yaml /app/config.yaml
USER bot
VOLUME ["/app/data"]
# `check` validates config.yaml and the database without contacting Telegram.
HEALTHCHECK --interval=5m --timeout=10s CMD ["/app/meeting-bot", "check"]
ENTRYPOINT ["/app/meeting-bot"]
CMD ["run"]
