/**
 * A deterministic month of signal outcomes, fed through the real pass, decision and store:
 * a fleet of disks of three models, some of which start failing on a given day. Each pass,
 * every signal fires with its own detection rate on a failing disk and its own false-fire
 * rate on a healthy one (a seeded PRNG). A ticket opens at the first `ticket`/`remove`
 * decision; two days later it ends: replaced and verified when the disk was failing (the new
 * disk takes its slot), won't-do or the same disk back otherwise. The simulation keeps its own
 * ground truth per signal to compare with what the store computes.
 *
 * Run directly to fill a database for `bynar stats`:
 * `deno run --allow-read --allow-write tests/signals/simulate.ts /tmp/sim.db`
 *
 * @module
 */
import type { DatabaseSync } from "node:sqlite";
import { openDatabase } from "../../src/store/db.ts";
import { SignalsRepo } from "../../src/store/signals_repo.ts";
import {
  reading,
  runSignalPass,
  type SignalDisk,
  type SignalId,
  type SignalSource,
} from "../../src/signals/mod.ts";
import { prng } from "../builders/sectors.ts";

/** Per signal: probability of firing per pass on a failing disk, and on a healthy one. */
const RATES: Partial<Record<SignalId, { detect: number; falseFire: number; strong: number }>> = {
  smart_counter_growth: { detect: 0.5, falseFire: 0.002, strong: 0.6 },
  kernel_io_errors: { detect: 0.6, falseFire: 0.004, strong: 0.5 },
  io_latency_outlier: { detect: 0.4, falseFire: 0.01, strong: 0.2 },
  fs_errors: { detect: 0.2, falseFire: 0.001, strong: 0.3 },
  nvme_wearout: { detect: 0.1, falseFire: 0.001, strong: 0.5 },
  ceph_read_errors: { detect: 0.3, falseFire: 0.003, strong: 0.5 },
  ceph_latency_outlier: { detect: 0.3, falseFire: 0.008, strong: 0.2 },
};
const MODELS = ["ST4000NM0035", "HUS726T4TALA6L4", "SAMSUNG MZ7LH1T9"];

/** What the simulation knows. */
export interface SimResult {
  /** Tickets that ended. */
  tickets: number;
  /** Ground truth per signal over the ended tickets. */
  truth: Record<string, { trueAlarms: number; falseAlarms: number }>;
}

/**
 * Runs the month.
 *
 * @param db A migrated database.
 * @param options PRNG seed, start time, fleet size.
 * @returns The ground truth.
 */
export async function simulateMonth(
  db: DatabaseSync,
  options: { seed: number; start: Date; disks?: number; days?: number; passesPerDay?: number },
): Promise<SimResult> {
  const u32 = prng(options.seed);
  const rnd = () => u32() / 0x1_0000_0000;
  const repo = new SignalsRepo(db);
  const n = options.disks ?? 60;
  const days = options.days ?? 30;
  const perDay = options.passesPerDay ?? 4;
  let serial = 0;
  const fresh = (slot: number): SignalDisk & { failsAt: number } => {
    const model = MODELS[slot % MODELS.length]!;
    // About one disk in four fails within the month; the first model fails most.
    const failing = rnd() < (slot % MODELS.length === 0 ? 0.4 : 0.15);
    return {
      diskKey: `serial:SIM-${++serial}`,
      name: `sd${String.fromCharCode(97 + (slot % 26))}${Math.floor(slot / 26) || ""}`,
      path: `/dev/sim${slot}`,
      model,
      failsAt: failing ? rnd() * days * 24 : Infinity,
    };
  };
  const fleet = Array.from({ length: n }, (_, i) => fresh(i));
  const open = new Map<string, { ticketId: string; opened: number; signals: Set<SignalId> }>();
  const truth: SimResult["truth"] = {};
  let tickets = 0;
  let ticketNo = 0;
  const disk = new Map<string, SignalDisk & { failsAt: number }>();
  for (let pass = 0; pass < days * perDay; pass++) {
    const hour = pass * (24 / perDay);
    const now = new Date(options.start.getTime() + hour * 3_600_000);
    disk.clear();
    for (const d of fleet) disk.set(d.diskKey, d);
    const source: SignalSource = {
      signals: Object.keys(RATES) as SignalId[],
      read: (ds) =>
        Promise.resolve(
          ds.flatMap((d) =>
            (Object.entries(RATES) as [
              SignalId,
              { detect: number; falseFire: number; strong: number },
            ][])
              .map(([signal, r]) => {
                const failing = hour >= disk.get(d.diskKey)!.failsAt;
                const fires = rnd() < (failing ? r.detect : r.falseFire);
                return reading(signal, d.diskKey, {
                  status: fires ? "fired" : "quiet",
                  strength: fires && rnd() < r.strong ? "strong" : "weak",
                  reason: `simulated ${signal}`,
                });
              })
          ),
        ),
    };
    const result = await runSignalPass(fleet, { sources: [source], store: repo, now });
    for (const dec of result.decisions) {
      if (dec.id === null) continue;
      const t = open.get(dec.diskKey);
      if (t) {
        repo.attachTicket(dec.id, t.ticketId);
        for (const s of dec.fired) t.signals.add(s);
      } else if (dec.level === "ticket" || dec.level === "remove") {
        const ticketId = `SIM-${++ticketNo}`;
        repo.attachTicket(dec.id, ticketId);
        open.set(dec.diskKey, { ticketId, opened: hour, signals: new Set(dec.fired) });
      }
    }
    // Tickets end two days after they opened.
    for (const [key, t] of [...open]) {
      if (hour - t.opened < 48) continue;
      const d = disk.get(key)!;
      const failing = t.opened >= d.failsAt;
      const end = failing ? "replaced_verified" : rnd() < 0.5 ? "wont_do" : "same_disk_back";
      repo.recordTicketEnd(t.ticketId, { end, reason: `simulated: ${end}`, now });
      tickets++;
      for (const s of t.signals) {
        const c = truth[s] ??= { trueAlarms: 0, falseAlarms: 0 };
        if (failing) c.trueAlarms++;
        else c.falseAlarms++;
      }
      open.delete(key);
      // A replaced disk's slot gets a new, healthy disk; a false alarm's disk stays.
      if (failing) {
        const slot = fleet.indexOf(d);
        fleet[slot] = { ...fresh(slot), failsAt: Infinity };
      }
    }
  }
  return { tickets, truth };
}

if (import.meta.main) {
  const path = Deno.args[0];
  if (!path) throw new Error("usage: simulate.ts DB_PATH");
  const db = openDatabase(path);
  const r = await simulateMonth(db, { seed: 17, start: new Date("2026-11-01T00:00:00Z") });
  db.close();
  console.log(JSON.stringify(r));
}
