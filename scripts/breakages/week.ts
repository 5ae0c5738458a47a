/**
 * The week: jobs, answers and the follow-ups of a press.
 *
 * @module
 */
import type { Breakage } from "./types.ts";

/** Breakages of this area. */
export const BREAKAGES: Breakage[] = [
  {
    name: "a finished job is never started again",
    file: "src/usecases/job_plans.ts",
    edits: [["if (run !== undefined) {", "if (false) {"]],
    test: ["tests/catchup_test.ts", "never starts a finished job"],
  },
  {
    name: "an answer is taken only once the meeting's invitation is due",
    file: "src/usecases/answers.ts",
    edits: [[
      "if (!invited(store, { schedule, meeting, now })) {",
      "if (false) {",
    ]],
    test: ["tests/resilience_test.ts", "invitation is due"],
  },
  {
    name: "the follow-ups of a press are written with the answer",
    file: "src/usecases/answers.ts",
    edits: [
      [
        '    if (!same && seat === "seat") {',
        "    if (false) {",
      ],
      [
        'if ((held?.seat === "seat") !== (seat === "seat")) {',
        "if (false) {",
      ],
    ],
    test: ["tests/week_test.ts", "a whole week"],
  },
  {
    name: "the kept week is given up when the upcoming meeting starts",
    file: "src/domain/meeting.ts",
    edits: [["kept.from <= at && at < kept.until", "kept.from <= at"]],
    test: ["tests/meeting_test.ts", "kept only until the meeting starts"],
  },
  {
    name: "/healthz names the meeting that really comes next",
    file: "src/app/health.ts",
    edits: [
      [
        'import { upcomingWeek } from "../usecases/weeks.ts";',
        'import { upcomingMeeting } from "../domain/meeting.ts";',
      ],
      [
        "const meeting = upcomingWeek(store, { config, now });",
        "const meeting = upcomingMeeting(config, now);",
      ],
    ],
    test: ["tests/move_across_weeks_test.ts", "healthz names"],
  },
];
