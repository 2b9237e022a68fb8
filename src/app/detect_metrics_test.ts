import assert from "node:assert/strict";
import { openDatabase } from "../store/db.ts";
import { DetectRepo } from "../store/detect_repo.ts";
import { newWorkflow } from "../detect/workflow_model.ts";
import { writeDetectMetrics } from "./detect.ts";

Deno.test("detect metrics: bynar_detect.prom from the real database, accepted by promtool", async () => {
  const dir = await Deno.makeTempDir({ prefix: "bynar-detect-metrics-" });
  const db = openDatabase(`${dir}/bynar.db`);
  try {
    const repo = new DetectRepo(db);
    const disk = (key: string, path: string) => ({
      key,
      path,
      serial: key,
      wwn: null,
      model: null,
      state: "waiting_for_replacement",
      reason: "smart failed",
      vanished: false,
      enteredWfrAt: null,
    });
    const t0 = new Date("2026-03-01T00:00:00Z");
    const a = repo.create(
      newWorkflow(disk("A", "/dev/sdb"), { host: "h1", approvalMode: "auto", now: t0 }),
    );
    // A: removing from 01:00, then ticket filed and waiting from 02:00.
    repo.save({ ...a, step: "removing", updatedAt: "2026-03-01T01:00:00.000Z" }, "remove");
    repo.save(
      { ...a, step: "awaiting_replacement", updatedAt: "2026-03-01T02:00:00.000Z" },
      "filed",
    );
    repo.save(
      { ...a, step: "awaiting_replacement", updatedAt: "2026-03-01T03:00:00.000Z" },
      "polled",
    );
    // B: replaced after 30 hours.
    const b = repo.create(
      newWorkflow(disk("B", "/dev/sdc"), { host: "h1", approvalMode: "auto", now: t0 }),
    );
    repo.save({
      ...b,
      status: "done",
      outcome: "replaced",
      step: "closed:replaced",
      closedAt: "2026-03-02T06:00:00.000Z",
      updatedAt: "2026-03-02T06:00:00.000Z",
    }, "closed");
    const logs: string[] = [];
    await writeDetectMetrics(db, {
      dir,
      host: "h1",
      log: (l) => logs.push(l),
      now: new Date("2026-03-03T00:00:00Z"),
    });
    assert.equal(logs.length, 0, logs.join("\n"));
    const text = await Deno.readTextFile(`${dir}/bynar_detect.prom`);
    const lines = text.split("\n");
    assert.ok(
      lines.includes(
        'bynar_workflow_step_since_timestamp_seconds{host="h1",disk="A",step="awaiting_replacement"} 1772330400',
      ),
      text,
    );
    assert.ok(lines.includes('bynar_workflows_closed_total{host="h1",outcome="replaced"} 1'), text);
    assert.ok(lines.includes('bynar_replacement_lead_time_seconds_sum{host="h1"} 108000'), text);
    assert.ok(lines.includes('bynar_replacement_lead_time_seconds_bucket{host="h1",le="86400"} 0'));
    assert.ok(
      lines.includes('bynar_replacement_lead_time_seconds_bucket{host="h1",le="172800"} 1'),
    );
    // The exposition is valid for Prometheus (promtool's own parser and linter).
    const p = new Deno.Command("promtool", {
      args: ["check", "metrics"],
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const w = p.stdin.getWriter();
    await w.write(new TextEncoder().encode(text));
    await w.close();
    const r = await p.output();
    const out = new TextDecoder().decode(r.stdout) + new TextDecoder().decode(r.stderr);
    assert.equal(r.code, 0, out);
    // A directory that cannot be written is logged, never thrown (metrics never stop a pass).
    await writeDetectMetrics(db, { dir: `${dir}/missing`, host: "h1", log: (l) => logs.push(l) });
    assert.match(logs[0] ?? "", /Cannot write bynar_detect\.prom in ".*\/missing"/);
  } finally {
    db.close();
    await Deno.remove(dir, { recursive: true });
  }
});
