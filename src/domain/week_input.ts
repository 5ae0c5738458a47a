/**
 * What an admin may type for one week's meeting: a topic and a reason of bounded
 * length, and a link participants can open. Pure checks, each naming what is wrong, and
 * the split of `/skip` and `/move` into the date and the reason that may follow it.
 *
 * @module
 */

/** The longest topic, in characters: it is shown in every invitation and reminder. */
export const MAX_TOPIC_LENGTH = 200;

/** The longest link, in characters. */
export const MAX_LINK_LENGTH = 300;

/** Why a topic is refused. */
export type TopicProblem = { problem: "too_long"; length: number };

/** The topic's problem, or `undefined` when it may be set. */
export function checkTopic(topic: string): TopicProblem | undefined {
  const length = [...topic].length;
  return length > MAX_TOPIC_LENGTH
    ? { problem: "too_long", length }
    : undefined;
}

/** The longest reason of a cancellation or a move, in characters: each notice shows it. */
export const MAX_REASON_LENGTH = 200;

/** The reason's problem, or `undefined` when it may be shown. */
export function checkReason(reason: string): TopicProblem | undefined {
  const length = [...reason].length;
  return length > MAX_REASON_LENGTH
    ? { problem: "too_long", length }
    : undefined;
}

/** What an admin typed after a command: the date (and time), and the reason after it. */
export interface WithReason {
  /** The date, or the date and time, as typed. */
  when: string;
  /** What follows it, trimmed; empty when nothing does. */
  reason: string;
}

/** `/skip 02.12 Ведущий заболел`: the first word is the date, the rest the reason. */
export function splitSkipArgument(text: string): WithReason {
  const match = /^(\S+)\s*([\s\S]*)$/.exec(text.trim());
  return { when: match?.[1] ?? "", reason: match?.[2]?.trim() ?? "" };
}

/**
 * `/move 03.12 15:00 Ведущий в дороге`: up to the first time (`15:00`) is when, the
 * rest the reason; without a time, all of it is when (and is refused as such).
 */
export function splitMoveArgument(text: string): WithReason {
  const trimmed = text.trim();
  const match = /^([\s\S]*?(?:^|\s)\d{1,2}:\d{2})(?=\s|$)([\s\S]*)$/.exec(
    trimmed,
  );
  return match === null
    ? { when: trimmed, reason: "" }
    : { when: match[1]!.trim(), reason: match[2]!.trim() };
}

/** Why a link is refused. */
export type LinkProblem =
  /** Not an `https://` or `http://` URL. */
  | { problem: "not_url" }
  /** Longer than {@linkcode MAX_LINK_LENGTH}. */
  | { problem: "too_long"; length: number }
  /** Whitespace, a line break, a control or an invisible (bidi, zero-width) character. */
  | { problem: "spaces" }
  /** A user name or password (`user:pass@`): everyone would read it. */
  | { problem: "credentials" }
  /** A host participants cannot reach: loopback, private, link-local, a local name. */
  | { problem: "private"; host: string };

/** Whitespace, control, format (bidi overrides, zero-width) and separator characters. */
const INVISIBLE = /[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Names that never reach the internet. */
const LOCAL_SUFFIXES = [
  ".localhost",
  ".local",
  ".internal",
  ".lan",
  ".home.arpa",
];

/**
 * The problem of a link typed by an admin, or `undefined` when participants may be sent
 * it: one `https://` (or `http://`) URL, at most {@linkcode MAX_LINK_LENGTH} characters,
 * without whitespace, control or invisible characters, without credentials, to a public
 * host (a name with a dot, or a public IP address). Whether a name resolves to a
 * private address is not looked up.
 */
export function checkLink(text: string): LinkProblem | undefined {
  const length = [...text].length;
  if (length > MAX_LINK_LENGTH) return { problem: "too_long", length };
  if (INVISIBLE.test(text)) return { problem: "spaces" };
  const url = URL.parse(text);
  if (url === null || (url.protocol !== "https:" && url.protocol !== "http:")) {
    return { problem: "not_url" };
  }
  if (url.username !== "" || url.password !== "") {
    return { problem: "credentials" };
  }
  return isPublicHost(url.hostname)
    ? undefined
    : { problem: "private", host: url.hostname };
}

/** Whether `hostname` (as `URL` gives it: IPv4 dotted, IPv6 in brackets) is public. */
function isPublicHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host.startsWith("[")) return isPublicIpv6(host.slice(1, -1));
  const ipv4 = parseIpv4(host);
  if (ipv4 !== undefined) return isPublicIpv4(ipv4);
  if (host === "localhost" || !host.includes(".")) return false;
  return !LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

function parseIpv4(host: string): number[] | undefined {
  const parts = host.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) {
    return undefined;
  }
  const bytes = parts.map(Number);
  return bytes.every((b) => b <= 255) ? bytes : undefined;
}

function isPublicIpv4([a, b]: number[]): boolean {
  if (a === undefined || b === undefined) return false;
  return !(
    a === 0 || a === 10 || a === 127 || a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) || // shared address space (CGNAT)
    (a === 169 && b === 254) || // link-local
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) // benchmarking
  );
}

function isPublicIpv6(address: string): boolean {
  const groups = expandIpv6(address);
  if (groups === undefined) return false;
  const [first = 0] = groups;
  if (groups.every((g) => g === 0)) return false; // ::
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) {
    return false; // ::1
  }
  const mapped = groups.slice(0, 5).every((g) => g === 0) &&
    groups[5] === 0xffff;
  if (mapped) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return isPublicIpv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  }
  return !(
    (first & 0xfe00) === 0xfc00 || // unique local
    (first & 0xffc0) === 0xfe80 || // link-local
    (first & 0xff00) === 0xff00 // multicast
  );
}

/** The eight 16-bit groups of an IPv6 address as `URL` serializes it (no IPv4 tail). */
function expandIpv6(address: string): number[] | undefined {
  const [head = "", tail] = address.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === undefined || tail === "" ? [] : tail.split(":");
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  const groups = [...left, ...Array(missing).fill("0"), ...right]
    .map((g) => parseInt(g, 16));
  return groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff)
    ? groups
    : undefined;
}
