/**
 * The edits that keep every message about a week true to it: each message that shows a
 * week's details (an invitation, a nudge, a restore notice, a reminder, and any message
 * whose answer buttons were pressed) has one `week_edit` row, keyed by its chat and
 * message, renewed by every change of the week; the row is rendered when its turn comes,
 * so that however many changes come, the message shows the week as it is then.
 *
 * A message still in flight when the week changes has no id to edit yet: it is marked
 * (`edit_after`), and its edit is owed in the same transaction that records it sent.
 *
 * @module
 */
import { LANE, type Lane, OWED } from "../core/owed.ts";
import type { Statements } from "./sqlite.ts";

/** Kinds whose messages carry a meeting's answer buttons. */
export const WITH_BUTTONS: readonly string[] = [
  OWED.invitation,
  OWED.nudge,
  OWED.restored,
  OWED.seat_granted,
];

/** Kinds whose messages show a week's details: those with buttons, and the reminders. */
export const SHOWS_WEEK: readonly string[] = [
  ...WITH_BUTTONS,
  OWED.first_reminder,
  OWED.second_reminder,
];

/** Which of a week's messages an edit is owed for. */
export interface WeekEditTarget {
  /** The week: the rows' `ref`. */
  meetingId: string;
  /** Only this participant's messages: `users.id` and their chat. */
  user?: { id: number; chatId: number };
  /** Not this message (its own edit is owed apart: the one that was pressed). */
  except?: { chatId: number; messageId: number };
  /** Only messages with answer buttons (the meeting is over: they lose them). */
  buttonsOnly?: boolean;
}

/**
 * Renews the rows with which a change of the week is applied: an insert of new rows, or,
 * on the key of one already written, the renewal of `Outbox.renew` (a finished row is
 * pending again; one in flight is sent once more after it lands).
 */
const RENEW = `ON CONFLICT (key) DO UPDATE SET payload = excluded.payload,
  lane = excluded.lane, attempts = 0, error = NULL, created_at = excluded.created_at,
  updated_at = excluded.updated_at, redo = (status = 'sending'),
  not_before = CASE WHEN status = 'sending' THEN not_before ELSE excluded.not_before END,
  status = CASE WHEN status = 'sending' THEN 'sending' ELSE 'pending' END`;

const marks = (list: readonly string[]) => list.map(() => "?").join(", ");

/**
 * The target's messages as `(chat_id, user_id, mid, shown)`, by SQL and its values: the
 * week's rows by `ref` (every participant's), or one participant's by their keys, which
 * the unique index finds without reading the others' (each press asks).
 */
function messages(
  statements: Statements,
  { meetingId, user, buttonsOnly }: WeekEditTarget,
): { sql: string; values: (string | number)[] } {
  const kinds = buttonsOnly ? WITH_BUTTONS : SHOWS_WEEK;
  // By key, `+` keeps SQLite off the index by `ref`, which holds everyone's rows.
  const plus = user === undefined ? "" : "+";
  const sent = (where: string) =>
    `SELECT chat_id, user_id, message_id AS mid, kind AS shown FROM outbox
     WHERE ${where} AND ${plus}status = 'sent' AND message_id IS NOT NULL`;
  const pressed = (where: string) =>
    `SELECT chat_id, user_id, json_extract(payload, '$.message_id') AS mid,
       '${OWED.answer_edit}' AS shown
     FROM outbox WHERE ${where} ${plus}ref = ?
       AND ${plus}kind = '${OWED.answer_edit}'`;
  if (user === undefined) {
    return {
      sql: `${sent(`ref = ? AND kind IN (${marks(kinds)})`)}
        UNION ALL ${pressed("")}`,
      values: [meetingId, ...kinds, meetingId],
    };
  }
  const row = statements.sql("SELECT sequence FROM meetings WHERE id = ?")
    .get(meetingId) as { sequence: number } | undefined;
  // A restore notice's key has the round of the restore: `restored/<id>/s<n>/u<user>`.
  const rounds = Array.from(
    { length: Number(row?.sequence ?? 0) },
    (_, i) => `/s${i + 1}`,
  );
  const keys = kinds.flatMap((kind) =>
    kind === OWED.restored
      ? rounds.map((round) => `${kind}/${meetingId}${round}/u${user.id}`)
      : kind === OWED.seat_granted
      ? [] // one per promotion: `seat_granted/<id>/u<user>/q<press>`, by range
      : [`${kind}/${meetingId}/u${user.id}`]
  );
  const granted = `${OWED.seat_granted}/${meetingId}/u${user.id}/q`;
  const grants = kinds.includes(OWED.seat_granted)
    ? { sql: " OR (key > ? AND key < ?)", values: [granted, `${granted}~`] }
    : { sql: "", values: [] };
  const prefix = `${OWED.answer_edit}/${user.chatId}/`;
  return {
    sql: `${sent(`(key IN (${marks(keys)})${grants.sql})`)}
      UNION ALL ${pressed("key > ? AND key < ? AND")}`,
    values: [...keys, ...grants.values, prefix, `${prefix}~`, meetingId],
  };
}

/**
 * Owes, for every message of `target` that was delivered (its id known), the edit that
 * shows it as the week is when the edit is sent; marks those still in flight. Returns how
 * many messages will be edited.
 */
export function renewWeekEdits(
  statements: Statements,
  target: WeekEditTarget,
  { lane, now }: { lane: Lane; now: Date },
): number {
  const kinds = target.buttonsOnly ? WITH_BUTTONS : SHOWS_WEEK;
  const user = target.user === undefined ? "" : " AND user_id = ?";
  const userValue = target.user === undefined ? [] : [target.user.id];
  const except = target.except === undefined
    ? ""
    : " AND NOT (chat_id = ? AND mid = ?)";
  const exceptValues = target.except === undefined
    ? []
    : [target.except.chatId, target.except.messageId];
  statements.sql(
    `UPDATE outbox SET edit_after = 1 WHERE ref = ? AND kind IN (${
      marks(kinds)
    }) AND status = 'sending'${user}`,
  ).run(target.meetingId, ...kinds, ...userValue);
  const at = now.toISOString();
  const shown = messages(statements, target);
  // A message sent as an invitation (…) and pressed is named by what it was sent as.
  return Number(
    statements.sql(
      `INSERT INTO outbox (key, kind, ref, chat_id, user_id, payload, lane,
         not_before, created_at, updated_at)
       SELECT '${OWED.week_edit}/' || chat_id || '/' || mid, '${OWED.week_edit}', ?,
         chat_id, user_id, json_object('message_id', mid, 'of', max(shown)),
         ?, ?, ?, ?
       FROM (${shown.sql}) WHERE mid IS NOT NULL${except}
       GROUP BY chat_id, mid
       ${RENEW}`,
    ).run(
      target.meetingId,
      lane,
      at,
      at,
      at,
      ...shown.values,
      ...exceptValues,
    ).changes,
  );
}

/**
 * The row `id` was settled with `outcome`: if it landed (as `outcome.messageId`) and its
 * week changed while it was in flight (it showed the week as it was before), owes the
 * edit that shows it as it is now, paced. In the transaction that records it sent.
 */
export function editIfChangedInFlight(
  statements: Statements,
  { id, outcome }: {
    id: number;
    outcome: { status: string; messageId?: number; now: Date };
  },
): void {
  const { messageId } = outcome;
  if (outcome.status !== "sent" || messageId === undefined) return;
  const at = outcome.now.toISOString();
  statements.sql(
    `INSERT INTO outbox (key, kind, ref, chat_id, user_id, payload, lane,
       not_before, created_at, updated_at)
     SELECT '${OWED.week_edit}/' || chat_id || '/' || ?, '${OWED.week_edit}', ref,
       chat_id, user_id,
       json_object('message_id', ?, 'of', kind), ?, ?, ?, ?
     FROM outbox WHERE id = ? AND edit_after = 1
     ${RENEW}`,
  ).run(messageId, messageId, LANE.notice, at, at, at, id);
}
