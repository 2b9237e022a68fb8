/**
 * The signals through the real store: SMART trends from recorded check histories (real
 * smartctl JSON through the parser, the policy and `DisksRepo.recordCheck`), decisions with
 * their evidence, tickets' ends as true/false alarms, and precision after a simulated month.
 *
 * @module
 */
import { deepStrictEqual as assertEquals, ok as assert } from "node:assert/strict";
import { openDatabase } from "../../src/store/db.ts";
import { DisksRepo } from "../../src/store/disks_repo.ts";
import { SignalsRepo } from "../../src/store/signals_repo.ts";
import { parseSmartctlJson } from "../../src/smart/smartctl/parse.ts";
import { assess } from "../../src/smart/policy.ts";
import {
  precisionReport,
  reading,
  runSignalPass,
  type SignalDisk,
  type SignalSource,
  SmartTrendSource,
} from "../../src/signals/mod.ts";
import { makeDisk } from "../builders/check.ts";
import { simulateMonth } from "./simulate.ts";

const SHARED = new URL("../../../shared/fixtures/smartctl-json/", import.meta.url);
const HISTORIES = JSON.parse(
  await Deno.readTextFile(new URL("./fixtures/smart_histories.json", import.meta.url)),
) as {
  histories: {
    name: string;
    base: string;
    checks: { day: number; ata?: Record<string, number>; nvme?: Record<string, number> }[];
    expect: Record<string, [string, string | null]>;
  }[];
};
const NOW = new Date("2026-12-07T12:00:00Z");

function patched(base: string, check: (typeof HISTORIES.histories)[0]["checks"][0]): string {
  // deno-lint-ignore no-explicit-any
  const doc = JSON.parse(base) as any;
  for (const [id, v] of Object.entries(check.ata ?? {})) {
    // deno-lint-ignore no-explicit-any
    const a = doc.ata_smart_attributes.table.find((x: any) => x.id === Number(id));
    a.raw = { value: v, string: String(v) };
  }
  for (const [k, v] of Object.entries(check.nvme ?? {})) {
    doc.nvme_smart_health_information_log[k] = v;
  }
  return JSON.stringify(doc);
}

for (const h of HISTORIES.histories) {
  Deno.test(`smart trends from a recorded history: ${h.name}`, async () => {
    const db = openDatabase(":memory:");
    try {
      const disks = new DisksRepo(db);
      const disk = makeDisk("sdb", {
        identity: {
          model: "M",
          serial: h.name,
          wwn: null,
          byIdPath: null,
          key: `serial:${h.name}`,
        },
      });
      const base = await Deno.readTextFile(new URL(h.base, SHARED));
      for (const c of h.checks) {
        const at = new Date(NOW.getTime() + c.day * 86_400_000);
        const report = parseSmartctlJson(patched(base, c), { device: "/dev/sdb" });
        disks.recordPass(
          { seen: [{ disk, report, assessment: assess(report) }], vanished: [] },
          at,
        );
      }
      const repo = new SignalsRepo(db);
      const got = await new SmartTrendSource(repo).read(
        [{ diskKey: disk.identity.key, name: "sdb", path: "/dev/sdb", model: "M" }],
        NOW,
      );
      for (const [signal, [status, strength]] of Object.entries(h.expect)) {
        const r = got.find((x) => x.signal === signal)!;
        assertEquals(r.status, status, `${signal}: ${r.reason}`);
        if (strength) assertEquals(r.strength, strength, `${signal}: ${r.reason}`);
      }
    } finally {
      db.close();
    }
  });
}

Deno.test("a pass stores the decision with its evidence; a ticket's end counts per signal", async () => {
  const db = openDatabase(":memory:");
  try {
    const repo = new SignalsRepo(db);
    const disks: SignalDisk[] = [
      { diskKey: "wwn:a", name: "sdb", path: "/dev/sdb", model: "ST4000" },
      { diskKey: "wwn:b", name: "sdc", path: "/dev/sdc", model: "ST4000" },
    ];
    const source: SignalSource = {
      signals: ["kernel_io_errors", "io_latency_outlier"],
      read: (ds) =>
        Promise.resolve(ds.flatMap((d) => [
          reading("kernel_io_errors", d.diskKey, {
            status: d.name === "sdb" ? "fired" : "quiet",
            strength: "strong",
            value: d.name === "sdb" ? 12 : 0,
            reason: `kmsg for ${d.name}`,
          }),
          reading("io_latency_outlier", d.diskKey, { status: "unknown", reason: "first pass" }),
        ])),
    };
    const failing: SignalSource = {
      signals: ["fs_errors"],
      read: () => Promise.reject(new Error("boom")),
    };
    const pass = await runSignalPass(disks, { sources: [source, failing], store: repo, now: NOW });
    assertEquals(pass.decisions.map((d) => d.level), ["ticket", "none"]);
    const stored = repo.decisions({ diskKey: "wwn:a" });
    assertEquals(stored.length, 1);
    assertEquals(stored[0]!.fired, ["kernel_io_errors"]);
    assertEquals(
      stored[0]!.evidence.map((r) => [r.signal, r.status]),
      [["kernel_io_errors", "fired"], ["io_latency_outlier", "unknown"], ["fs_errors", "unknown"]],
    );
    assert(stored[0]!.evidence[2]!.reason.includes("boom"));
    assertEquals(repo.decisions({ diskKey: "wwn:b" }).length, 0, "none is not stored");
    // Pass 3: the signal has fired three passes in a row: its persistence point is added.
    await runSignalPass(disks, {
      sources: [source],
      store: repo,
      now: new Date(NOW.getTime() + 6e5),
    });
    const third = await runSignalPass(disks, {
      sources: [source],
      store: repo,
      now: new Date(NOW.getTime() + 12e5),
    });
    assertEquals([third.decisions[0]!.level, third.decisions[0]!.score], ["ticket", 3]);
    repo.attachTicket(stored[0]!.id, "OPS-1");
    assertEquals(
      repo.recordTicketEnd("OPS-1", { end: "same_disk_back", reason: "r", now: NOW }),
      1,
    );
    assertEquals(
      repo.recordTicketEnd("OPS-1", { end: "replaced_verified", reason: "r", now: NOW }),
      0,
    );
    const p = precisionReport(repo.outcomes());
    assertEquals(p.total, 1);
    assertEquals(p.bySignal.find((r) => r.key === "kernel_io_errors")!.falseAlarms, 1);
    assertEquals(repo.latestByDisk().get("wwn:a")!.score, 3);
  } finally {
    db.close();
  }
});

Deno.test("a simulated month of outcomes gives precision per signal and per model", async () => {
  const db = openDatabase(":memory:");
  try {
    const sim = await simulateMonth(db, { seed: 17, start: NOW });
    const p = precisionReport(new SignalsRepo(db).outcomes());
    assertEquals(p.total, sim.tickets);
    const bySignal = Object.fromEntries(p.bySignal.map((r) => [r.key, r]));
    // The simulation's ground truth: a signal's precision is what fraction of the tickets it
    // fired for were really failing disks.
    for (const [signal, t] of Object.entries(sim.truth)) {
      assertEquals(bySignal[signal]!.trueAlarms, t.trueAlarms, signal);
      assertEquals(bySignal[signal]!.falseAlarms, t.falseAlarms, signal);
    }
    assert(p.byModel.length >= 2);
    assert(sim.tickets >= 20, `only ${sim.tickets} tickets in the month`);
  } finally {
    db.close();
  }
});
