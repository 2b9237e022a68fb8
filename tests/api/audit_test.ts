/**
 * The hash-chained audit log: appends continue the chain across reopen, and every kind
 * of tampering (edit, removal, reorder, truncation with an anchored head) is detected,
 * also through `bynar audit verify`.
 */
import assert from "node:assert/strict";
import { AuditLog, GENESIS_HASH, verifyAuditLog } from "../../src/api/audit/log.ts";
import { runShipped, shippedScratchDir } from "../builders/shipped.ts";

async function writeLog(path: string, n: number): Promise<void> {
  const log = await AuditLog.open(path, { now: () => Date.UTC(2026, 0, 1) });
  for (let i = 0; i < n; i++) {
    await log.append({
      actor: `user${i}`,
      client: "127.0.0.1",
      request_id: `r${i}`,
      action: "Remove",
      disk: "/dev/sdb",
      disk_identity: "serial:X",
      result: "accepted",
    });
  }
}

Deno.test("audit: chain continues across reopen and verifies", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const path = `${dir}/audit.log`;
    await writeLog(path, 2);
    await writeLog(path, 2);
    const lines = (await Deno.readTextFile(path)).trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.seq), [1, 2, 3, 4]);
    assert.equal(lines[0].prev, GENESIS_HASH);
    assert.equal(lines[2].prev, lines[1].hash);
    const v = await verifyAuditLog(path);
    assert.deepEqual(v, { ok: true, records: 4, head: lines[3].hash });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("audit: edits, removals, reorders and truncation are detected", async (t) => {
  // In a directory the shipped product may read: `bynar audit verify` runs as shipped.
  const dir = await shippedScratchDir("audit");
  try {
    const path = `${dir}/audit.log`;
    await writeLog(path, 4);
    const good = await Deno.readTextFile(path);
    const lines = good.trim().split("\n");
    const head = (await verifyAuditLog(path)).head;
    const check = async (name: string, text: string, line: number, opts = {}) => {
      await t.step(name, async () => {
        await Deno.writeTextFile(path, text);
        const v = await verifyAuditLog(path, opts);
        assert.equal(v.ok, false);
        assert.equal(v.problem?.line, line);
      });
    };
    await check("edited field", good.replace('"actor":"user2"', '"actor":"mallory"'), 3);
    await check("removed line", [lines[0], lines[2], lines[3]].join("\n") + "\n", 2);
    await check("reordered", [lines[0], lines[2], lines[1], lines[3]].join("\n") + "\n", 2);
    const rehashed = JSON.parse(lines[1]!);
    rehashed.result = "refused";
    await check(
      "edited and own hash recomputed",
      [lines[0], JSON.stringify(rehashed), lines[2], lines[3]].join("\n"),
      2,
    );
    await check("garbage line", [lines[0], "{oops", lines[2]].join("\n"), 2);
    await check("truncated tail with anchored head", [lines[0], lines[1]].join("\n") + "\n", 2, {
      expectHead: head,
    });
    await t.step(
      "bynar audit verify (as shipped) exits 2 on tampering, 0 when intact",
      async () => {
        await Deno.writeTextFile(path, good.replace('"user1"', '"user9"'));
        let r = await runShipped(["audit", "verify", path]);
        assert.equal(r.code, 2);
        assert.match(r.stdout, /^TAMPERED: line 2: hash mismatch/);
        await Deno.writeTextFile(path, good);
        r = await runShipped(["audit", "verify", path, "--expect-head", head]);
        assert.equal(r.code, 0);
        assert.equal(r.stdout.trim(), `OK: 4 records, head ${head}`);
      },
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
