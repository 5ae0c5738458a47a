/**
 * The shipped English texts about seats. Each says what its Russian twin in
 * texts_seats.ts says, with the same placeholders; `config.yaml` repeats them under
 * `languages.en.texts`.
 *
 * @module
 */
import type { SeatTextKey } from "./texts_seats.ts";

/** Texts about seats in English, by key. */
export const EN_SEAT_TEXTS = {
  seats_line: "{free|seat|seats} left.\n\n",
  seats_full_line:
    "No seats left: answer “Yes, I'll be there” and I'll put you on the waitlist.\n\n",
  answer_waitlisted: "“{title}” {date_on}, at {time} ({tz}).\n\n{topic_line}" +
    "⏳ No seats yet — you are on the waitlist, number {place}. As soon as a " +
    "seat frees up, it goes to you, and I'll write to you at once.",
  button_leave_waitlist: "Leave the waitlist",
  answer_waitlisted_toast: "No seats — you are on the waitlist, number {place}",
  answer_left_waitlist: "You have left the waitlist",
  answer_seat_kept: "The seat is yours already — you are not on the waitlist",
  seat_granted: "A seat has freed up — you are coming to “{title}” " +
    "{date_on}, at {time} ({tz}).\n\n{topic_line}{link_line}If your plans " +
    "have changed, press “No, I can't” — the seat goes to the next in line.",
  seat_link_line: "Link: {link}\n\n",
  waitlist_note: "“{title}” — {when} at {time} ({tz}). This time there " +
    "were not enough seats: you are on the waitlist, number {place}. If " +
    "someone drops out before the start, the seat goes to you, and I'll send " +
    "the link at once.",
  status_answer_waitlist: "on the waitlist, number {place}",
  start_seat_back: "The seat at the meeting {date_on}, is yours again.",
  start_seat_gone: "There are no free seats at the meeting {date_on}, now: " +
    "press “Yes, I'll be there” in the invitation and I'll put you on the " +
    "waitlist.",
  calendar_seat_lost_caption: "You have no seat at “{title}” {date_on}, at " +
    "{time} ({tz}) now: open the file and your calendar will remove it.",
  command_capacity: "Seats at the next meeting",
  admin_capacity_usage: "Write the number of seats: /capacity 12 — or " +
    "/capacity - to remove the limit. Only the next meeting changes.",
  capacity_limit: "{capacity|seat|seats}",
  capacity_unlimited: "no limit",
  admin_capacity_confirm: "Seats at the meeting {date_on}: now {was}, will " +
    "be {limit}. Seats taken: {seated}, on the waitlist: {waitlist}.{effect}",
  admin_capacity_promotes: "\n\n{promoted|person|people} from the waitlist " +
    "will get a seat at once — I'll write to them.",
  admin_capacity_over: "\n\nMore seats are taken than there will be: nobody " +
    "loses their seat, and new “yes” answers go to the waitlist until seats " +
    "free up.",
  admin_capacity_set: "Done: the meeting {date_on} now has {limit}. Got a " +
    "seat from the waitlist: {promoted}.",
  admin_capacity_same: "The meeting {date_on} has {limit} anyway.",
  admin_capacity_stale: "While you were deciding, the seats at the meeting " +
    "{date_on} were changed already: now {limit}. Send /capacity again.",
  admin_stats_seats: "Seats at the meeting {date_on} ({limit}): taken " +
    "{seated}, on the waitlist {waitlist}, got a seat from the waitlist " +
    "{promotions}.",
  admin_who_seats: "Seats: {capacity}, taken {seated}, free {free}. Got a " +
    "seat from the waitlist: {promotions}.",
  admin_who_waitlist: "⏳ Waitlist ({waitlist}):\n{waitlist_names}",
  admin_report_seats: "Seats: {capacity}; got a seat from the waitlist: " +
    "{promotions}, left on the waitlist: {waitlist}\n",
  export_seat_columns: "Seat | Place on the waitlist | From the waitlist",
  export_seat_taken: "seat",
  export_seat_waitlist: "waitlist",
  export_promoted: "yes",
  feed_description_no_seat: "Seats are limited: the bot will send the link " +
    "once a seat is yours.\n\n" +
    "To sign up, answer the bot: https://t.me/{bot}",
  panel_seats_name: "Seats",
  panel_seats: "{seated} of {capacity} taken, {free} free; got a seat from " +
    "the waitlist: {promotions}",
  panel_group_waitlist: "Waitlist: {count}",
} as const satisfies Record<SeatTextKey, string>;
