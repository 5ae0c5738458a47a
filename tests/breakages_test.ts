import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { allBreakages, breakCode } from "../scripts/breakage_list.ts";

// `deno task breakages` runs a test per breakage (long); this checks in a moment that each
// breakage still aims at one place of today's code and names a test that exists.
Deno.test("every breakage edits code that is there, once, and names a test file that exists", async () => {
  const root = new URL("../", import.meta.url);
  const breakages = await allBreakages();
  assert.ok(breakages.length > 200, `only ${breakages.length} breakages found`);
  const problems: string[] = [];
  for (const breakage of breakages) {
    try {
      const original = await Deno.readTextFile(new URL(breakage.file, root));
      assert.notEqual(breakCode(original, breakage), original, breakage.name);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
    if (!existsSync(new URL(breakage.test[0], root))) {
      problems.push(`"${breakage.name}": no test file ${breakage.test[0]}`);
    }
  }
  assert.deepEqual(problems, []);
});

Deno.test("breakCode() refuses a text found twice, which might break the wrong function", () => {
  const breakage = {
    name: "twice",
    file: "x.ts",
    edits: [["a;\n", ""]] as [string, string][],
    test: ["tests/x_test.ts", "x"] as [string, string],
  };
  assert.throws(() => breakCode("a;\nb;\na;\n", breakage), /more than once/);
  assert.equal(breakCode("a;\nb;\n", breakage), "b;\n");
});
