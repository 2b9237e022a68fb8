import assert from "node:assert/strict";
import { makeAtaReport, makeDisk, TEST_HOST } from "../../tests/builders/check.ts";
import { CheckSetupError, runCheckProgram } from "./check.ts";

const FAKE_HOST = {
  discover: () => Promise.resolve({ disks: [makeDisk("sdb")], skipped: [], warnings: [] }),
  readSmart: () => Promise.resolve(makeAtaReport("/dev/sdb")),
  host: () => Promise.resolve(TEST_HOST),
  declaredReadOnly: () => Promise.resolve(new Set<string>()),
};

async function withConfigDir(
  files: Record<string, string>,
  fn: (dir: string) => Promise<void>,
): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "bynar-app-check-" });
  try {
    for (const [name, text] of Object.entries(files)) {
      await Deno.writeTextFile(`${dir}/${name}`, text);
    }
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("runCheckProgram: a broken disk-manager.json does not make the check UNKNOWN", async () => {
  await withConfigDir({ "disk-manager.json": "{ this is not json" }, async (dir) => {
    const result = await runCheckProgram({ configDir: dir, db: false, overrides: FAKE_HOST });
    assert.equal(result.status, "OK", JSON.stringify(result.problems));
    assert.equal(result.disks.length, 1);
  });
});

Deno.test("runCheckProgram: a broken bynar.json or ceph.json is UNKNOWN naming the file", async () => {
  for (const file of ["bynar.json", "ceph.json"]) {
    await withConfigDir({ [file]: JSON.stringify({ no_such_field: 1 }) }, async (dir) => {
      await assert.rejects(
        runCheckProgram({ configDir: dir, db: false, overrides: FAKE_HOST }),
        (err: unknown) => err instanceof CheckSetupError && err.message.includes(file),
      );
    });
  }
});
