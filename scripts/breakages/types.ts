/**
 * One deliberate breakage of a guarantee, and the test that must notice it.
 *
 * @module
 */

/** A guarantee broken on purpose. */
export interface Breakage {
  /** The guarantee, as a reader would say it. */
  name: string;
  file: string;
  /** Replacements made in `file`: each text must be there exactly once. */
  edits: [from: string, to: string][];
  /** The test file and the name of the test that must fail. */
  test: [file: string, filter: string];
}
