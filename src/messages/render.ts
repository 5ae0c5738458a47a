/**
 * What each outbox row becomes when its turn comes: the Bot API call, built from the
 * config and the database as they are now, or `null` when it is no longer owed (the
 * participant stopped, changed their answer, or the meeting was cancelled or began).
 *
 * Each row is rendered in its person's language as it is when the row's turn comes
 * (`users.language`; the config's own for someone who has none): a change of language
 * after the row was owed is honoured.
 *
 * This module only dispatches by kind and applies what holds for every row (paid
 * broadcasts); who is still owed a row is in recipients.ts, the meeting's messages and
 * edits in meeting_messages.ts, calendar files in calendar.ts, the rest in
 * deliveries.ts and relay.ts.
 *
 * @module
 */
import { type Delivery, LANE, OWED } from "../core/owed.ts";
import type { Config } from "../config/schema.ts";
import { inLanguage } from "../config/language.ts";
import type { OutboxRow } from "../db/outbox.ts";
import type { Store } from "../db/store.ts";
import { uidDomain } from "../domain/ics.ts";
import { calendarFile } from "./calendar.ts";
import {
  announcementDelivery,
  reportDelivery,
  textDelivery,
} from "./deliveries.ts";
import {
  answerEdit,
  cancelEdit,
  cancellationNotice,
  jobMessage,
  linkChangedNotice,
  movedNotice,
  restoredNotice,
} from "./meeting_messages.ts";
import {
  activeParticipant,
  personalized,
  rowWeek,
  type SendTime,
} from "./recipients.ts";
import { feedInUse } from "../usecases/feed.ts";
import { createLinks, type Links } from "../usecases/links.ts";
import { newKey } from "../domain/tokens.ts";
import { relayDelivery } from "./relay.ts";
import { userZone } from "./zone.ts";
import { feedbackEdit, feedbackQuestion } from "./feedback.ts";
import { seatGrantedNotice, waitlistNote } from "./seat_messages.ts";
import { weekEdit } from "./week_message.ts";
import { pauseEndedNotice } from "./settings.ts";

/** The sender's methods that take `allow_paid_broadcast` (edits and forwards do not). */
const PAID_METHODS = new Set(["sendMessage", "copyMessage", "sendDocument"]);

/** The renderer of the sender, and what it learns from deliveries. */
export interface Renderer {
  /** Turns a row into its call, or `null` when it is no longer owed. */
  render: (row: OutboxRow) => Promise<Delivery | null>;
  /**
   * Tells the renderer what a delivery returned (an upload's `file_id`, a relay's id);
   * called inside the write that settles the row, so what it records commits with it.
   */
  delivered: (row: OutboxRow, result: unknown, delivery: Delivery) => void;
}

/**
 * Builds the renderer of the sender, reading the config and the store at send time;
 * meeting links are each person's own from `links`.
 */
export function createRenderer(
  deps: {
    config: Config;
    store: Store;
    now: () => Date;
    /** The bot's username (`getMe`): the domain of its calendar files' UIDs. */
    botUsername?: string;
    /** The meeting link each person gets; default links.ts's of the config. */
    links?: Links;
  },
): Renderer {
  const at: SendTime = {
    ...deps,
    links: deps.links ??
      createLinks({ ...deps, key: newKey() }),
  };
  const { config, store, now } = deps;
  /** What the row is rendered with: the config in its person's language. */
  function sendTime(row: OutboxRow): SendTime {
    const language = store.users.byTgId(row.chat_id)?.language;
    return { ...at, config: inLanguage(config, language) };
  }
  const calendars = calendarFile({
    config,
    now,
    changedAt: (id) => store.meetings.changedAt(id),
    domain: uidDomain(deps.botUsername),
    record: (entry, at) => store.calendars.sent(entry, at),
  });

  async function renderRow(
    row: OutboxRow,
    at: SendTime,
  ): Promise<Delivery | null> {
    const { config } = at;
    switch (row.kind) {
      case OWED.invitation:
      case OWED.nudge:
      case OWED.first_reminder:
      case OWED.second_reminder:
        return jobMessage(at, { row, job: row.kind });
      case OWED.answer_edit:
        return answerEdit(at, row);
      case OWED.week_edit:
        return weekEdit(at, row);
      case OWED.calendar: {
        const week = rowWeek(at, row);
        const user = activeParticipant(at, row);
        if (week === undefined || user === undefined) return null;
        const held = store.seats.held(week.id, user.id);
        const attending = held?.seat === "seat";
        // The file's URL is the person's own link while it holds the entry: a file
        // per person, then.
        const meeting = attending && !week.cancelled
          ? await personalized(at, { user, meeting: week, always: true })
          : { ...week, zone: userZone(config, user) };
        return calendars.delivery(row, {
          config,
          meeting,
          userId: user.id,
          attending,
          seatless: held?.answer === "yes" && !attending,
          sent: store.calendars.get(week.id, user.id),
          feedInUse: feedInUse(store, { userId: user.id, now: now() }),
        });
      }
      case OWED.seat_granted:
        return seatGrantedNotice(at, row);
      case OWED.waitlist_note:
        return waitlistNote(at, row);
      case OWED.announcement: {
        const user = activeParticipant(at, row);
        return user === undefined
          ? null
          : announcementDelivery(row, { store, config, user });
      }
      case OWED.cancellation:
        return cancellationNotice(at, row);
      case OWED.cancel_edit:
        return cancelEdit(at, row);
      case OWED.restored:
        return restoredNotice(at, row);
      case OWED.moved:
        return movedNotice(at, row);
      case OWED.link_changed:
        return linkChangedNotice(at, row);
      case OWED.relay:
      case OWED.relay_answer:
        return relayDelivery(row, { config, store, now: now() });
      case OWED.text:
        return textDelivery(row, { config, store, now: now() });
      case OWED.report:
        return reportDelivery(row, { config, store });
      case OWED.feedback:
        return feedbackQuestion(at, row);
      case OWED.feedback_edit:
        return feedbackEdit(at, row);
      case OWED.pause_ended:
        return pauseEndedNotice(at, row);
      default:
        throw new RangeError(`Unknown outbox kind "${row.kind}"`);
    }
  }

  return {
    async render(row) {
      const delivery = await renderRow(row, sendTime(row));
      // Paced sends may use Telegram's paid broadcast; edits and replies never do.
      if (
        config.broadcast.paid && delivery !== null &&
        row.lane !== LANE.reply && PAID_METHODS.has(delivery.method)
      ) {
        delivery.params.allow_paid_broadcast = true;
      }
      return delivery;
    },
    delivered(row, result, delivery) {
      if (row.kind === OWED.calendar) calendars.delivered(result, delivery);
      if (row.kind === OWED.relay) {
        const id = (result as { message_id?: number })?.message_id;
        const { user_id: user, message_id: asked } = JSON.parse(
          row.payload ?? "{}",
        ) as { user_id?: number; message_id?: number };
        if (id !== undefined && user !== undefined) {
          store.relays.add({
            adminChatId: row.chat_id,
            adminMessageId: id,
            userId: user,
            userMessageId: asked,
          }, now());
        }
      }
    },
  };
}
