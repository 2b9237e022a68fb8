/**
 * The detector loop: one pass, signals (SIGHUP reload reported either way, SIGTERM wakes
 * the sleep and stops), no busy waiting.
 */
import { deepStrictEqual as assertEquals, ok as assert } from "node:assert/strict";
import { runDetector } from "../../src/detect/daemon.ts";
import { MemoryDetectStore } from "../builders/memory_detect_store.ts";
import type { BuiltDetector } from "../../src/detect/daemon.ts";
import type { TicketPlugin } from "../../src/tickets/types.ts";
import { FakeDiskManager, FakeHost, ManualClock, RecordingNotifier } from "./fakes.ts";

const NO_TICKETS: TicketPlugin = {
  name: "none",
  create: () => Promise.reject(new Error("unused")),
  findOpenByDisk: () => Promise.resolve(null),
  status: () => Promise.resolve(new Map()),
  comment: () => Promise.resolve(),
  close: () => Promise.resolve(),
  dispose: () => {},
};

function built(notifier: RecordingNotifier, tag: string, log: string[]): BuiltDetector {
  const clock = new ManualClock();
  const host = new FakeHost(clock);
  const origScan = host.scan.bind(host);
  host.scan = () => (log.push(`scan ${tag}`), origScan());
  return {
    deps: {
      store: new MemoryDetectStore(),
      manager: new FakeDiskManager(clock),
      tickets: NO_TICKETS,
      notifier,
      clock,
      log: () => {},
      host,
      gate: () => Promise.resolve({ allowed: true, reason: "" }),
      approvalMode: "auto",
    },
    intervalSeconds: 3600,
    dispose: () => log.push(`dispose ${tag}`),
  };
}

Deno.test("--once: one pass, started and stopped told", async () => {
  const n = new RecordingNotifier();
  const log: string[] = [];
  const passes = await runDetector({
    build: () => Promise.resolve(built(n, "a", log)),
    configPath: "/etc/bynar/bynar.json",
    once: true,
    log: () => {},
    signals: () => () => {},
  });
  assertEquals(passes, 1);
  assertEquals(n.kinds(), ["started", "stopped"]);
  assertEquals(log, ["scan a", "dispose a"]);
});

Deno.test("SIGHUP reloads (success and failure reported, B-31); SIGTERM wakes the sleep and stops", async () => {
  const n = new RecordingNotifier();
  const log: string[] = [];
  let send: (s: "SIGHUP" | "SIGTERM" | "SIGINT") => void = () => {};
  let builds = 0;
  const t0 = Date.now();
  const passes: number[] = [];
  const run = runDetector({
    build: () => {
      builds++;
      if (builds === 3) {
        return Promise.reject(new Error('bynar.json: field "interval_seconds": must be >= 10'));
      }
      return Promise.resolve(built(n, `b${builds}`, log));
    },
    configPath: "/etc/bynar/bynar.json",
    once: false,
    log: () => {},
    signals: (h) => {
      send = h;
      return () => {};
    },
    onPass: () => {
      passes.push(Date.now());
      if (passes.length === 1) queueMicrotask(() => send("SIGHUP")); // good reload
      if (passes.length === 2) queueMicrotask(() => send("SIGHUP")); // bad reload
      if (passes.length === 3) setTimeout(() => send("SIGTERM"), 20);
    },
  });
  const count = await run;
  assertEquals(count, 3);
  assert(Date.now() - t0 < 5000, "the 3600 s sleep was interrupted by the signals (no busy wait)");
  assertEquals(log, ["scan b1", "dispose b1", "scan b2", "scan b2", "dispose b2"]);
  assertEquals(n.kinds(), ["started", "config_reloaded", "config_reload_failed", "stopped"]);
  const failed = n.events.find((e) => e.kind === "config_reload_failed");
  assert(
    failed && failed.kind === "config_reload_failed" && failed.error.includes("interval_seconds"),
  );
});
