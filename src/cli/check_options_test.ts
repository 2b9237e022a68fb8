import assert from "node:assert/strict";
import { buildRootProgram } from "./root.ts";
import { parseCheckArgs } from "./check_options.ts";

/** What commander makes of the arguments (the action replaced by a no-op). */
async function commanderOpts(args: string[]): Promise<Record<string, unknown>> {
  const program = buildRootProgram();
  program.exitOverride();
  program.action(() => {});
  await program.parseAsync(args, { from: "user" });
  return { ...program.opts() };
}

const SAME: string[][] = [
  ["--check"],
  ["--check", "--no-db"],
  ["--check", "--format", "json", "--no-db"],
  ["--format", "prometheus", "--check", "--textfile", "/tmp/t"],
  ["--check", "--db", "/tmp/x.db"],
  ["--check", "--db", "/tmp/x.db", "--no-db"],
  ["--check", "--no-db", "--db", "/tmp/x.db"],
  ["--check", "--include-loop", "--device", "/dev/loop1", "--device", "/dev/loop2"],
  ["--config-dir", "/run/bynar/c", "--check"],
];

Deno.test("the check's fast path reads plain check invocations exactly as commander does", async () => {
  for (const args of SAME) {
    assert.deepEqual(parseCheckArgs(args), await commanderOpts(args), args.join(" "));
  }
});

Deno.test("anything but a plain valid check invocation is left to commander", () => {
  for (
    const args of [
      [],
      ["--no-db"],
      ["--check", "--help"],
      ["--check", "-h"],
      ["--check", "-V"],
      ["--check", "--format", "xml"],
      ["--check", "--format=json"],
      ["--check", "--db"],
      ["--check", "--db", "--no-db"],
      ["--check", "--bogus"],
      ["disks", "--check"],
    ]
  ) {
    assert.equal(parseCheckArgs(args), null, args.join(" "));
  }
});
