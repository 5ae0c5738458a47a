/**
 * A line of figures from a test (kills, deliveries, unknowns), for the reader of the run.
 *
 * @module
 */

/** Prints `line` with the test output, e.g. the counts a kill test measured. */
export function report(line: string): void {
  // deno-lint-ignore no-console
  console.log(`[measured] ${line}`);
}
