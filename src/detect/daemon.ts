/**
 * The detector loop: one instance per host (lock), a pass every `interval_seconds` (or
 * one with `once`), a real sleep between passes (no busy waiting, B-30), SIGHUP reloads
 * the configuration and reports whether it worked (B-31), SIGTERM/SIGINT let the current
 * step finish, park the workflow, and exit.
 *
 * @module
 */
import { errorMessage } from "../errors.ts";
import { type PassDeps, type PassSummary, runPass } from "./pass.ts";
import type { HardwarePassSummary } from "../hardware/loop.ts";

/** A built detector. */
export interface BuiltDetector {
  /** The pass dependencies. */
  deps: PassDeps;
  /** Seconds between passes. */
  intervalSeconds: number;
  /** The hardware (BMC) pass, when a BMC is configured; run after each disk pass. */
  hardware?: () => Promise<HardwarePassSummary>;
  /** Releases clients (not the database). */
  dispose(): void;
}

/** Options of {@linkcode runDetector}. */
export interface RunDetectorOptions {
  /** Builds (or rebuilds, on SIGHUP) the detector from the configuration on disk. */
  build: (stopping: () => boolean) => Promise<BuiltDetector>;
  /** Where the configuration lives (for messages). */
  configPath: string;
  /** One pass, then exit. */
  once: boolean;
  /** Log sink. */
  log: (line: string) => void;
  /** Overrides the pass interval, seconds (tests). */
  intervalSeconds?: number;
  /** Called after every pass. */
  onPass?: (summary: PassSummary) => void;
  /**
   * Registers signal handlers; returns the function that removes them.
   * @default Deno.addSignalListener for SIGHUP, SIGTERM, SIGINT
   */
  signals?: (handler: (sig: "SIGHUP" | "SIGTERM" | "SIGINT") => void) => () => void;
}

function denoSignals(handler: (sig: "SIGHUP" | "SIGTERM" | "SIGINT") => void): () => void {
  const sigs = ["SIGHUP", "SIGTERM", "SIGINT"] as const;
  const fns = sigs.map((s) => [s, () => handler(s)] as const);
  for (const [s, f] of fns) Deno.addSignalListener(s, f);
  return () => {
    for (const [s, f] of fns) Deno.removeSignalListener(s, f);
  };
}

/** Runs the hardware (BMC) pass; its failures are logged and told, never fatal. */
async function hardwarePass(det: BuiltDetector, log: (line: string) => void): Promise<void> {
  try {
    const h = await det.hardware!();
    for (const p of h.problems) log(`hardware: ${p}`);
    log(
      `hardware pass: BMC ${h.bmcRead ? "read" : "unreadable"}, ${h.opened} opened, ` +
        `${h.workflows.length} active`,
    );
  } catch (err) {
    log(`hardware pass failed: ${errorMessage(err)}`);
    det.deps.notifier.notify({
      kind: "error",
      host: det.deps.host.hostname,
      error: `hardware pass failed: ${errorMessage(err)}`,
    });
  }
}

/**
 * Runs the detector until SIGTERM (or after one pass with `once`).
 *
 * @param options Builder, mode, log, signals.
 * @returns The number of passes run.
 * @throws {BynarError} When the first build fails (a failed reload keeps the old one).
 */
export async function runDetector(options: RunDetectorOptions): Promise<number> {
  let stopping = false;
  let reload = false;
  let wake: (() => void) | null = null;
  const isStopping = (): boolean => stopping;
  let det = await options.build(isStopping);
  const host = det.deps.host.hostname;
  const unlisten = (options.signals ?? denoSignals)((sig) => {
    if (sig === "SIGHUP") reload = true;
    else {
      if (!stopping) options.log(`${sig}: finishing the current step, then stopping`);
      stopping = true;
    }
    wake?.();
  });
  det.deps.notifier.notify({ kind: "started", host });
  let passes = 0;
  let reason = options.once ? "one pass done" : "stopped by signal";
  try {
    while (!stopping) {
      if (reload) {
        reload = false;
        try {
          const next = await options.build(isStopping);
          det.deps.notifier.notify({ kind: "config_reloaded", host });
          await det.deps.notifier.flush({ timeoutMs: 2000 });
          det.deps.notifier.close();
          det.dispose();
          det = next;
          options.log(`configuration reloaded from ${options.configPath}`);
        } catch (err) {
          options.log(
            `Cannot reload ${options.configPath}: ${
              errorMessage(err)
            }; keeping the running configuration`,
          );
          det.deps.notifier.notify({
            kind: "config_reload_failed",
            host,
            path: options.configPath,
            error: errorMessage(err),
          });
        }
      }
      const started = Date.now();
      try {
        const summary = await runPass(det.deps);
        passes++;
        options.onPass?.(summary);
      } catch (err) {
        options.log(`pass failed: ${errorMessage(err)}`);
        det.deps.notifier.notify({
          kind: "error",
          host,
          error: `detector pass failed: ${errorMessage(err)}`,
        });
        if (options.once) {
          reason = `pass failed: ${errorMessage(err)}`;
          throw err;
        }
      }
      // Parts beyond disks: after the disk pass, whether or not it succeeded.
      if (det.hardware && !stopping) await hardwarePass(det, options.log);
      if (options.once || stopping) break;
      const interval = (options.intervalSeconds ?? det.intervalSeconds) * 1000;
      const left = Math.max(0, started + interval - Date.now());
      if (!reload && left > 0) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
        wake = null;
      }
    }
  } finally {
    unlisten();
    det.deps.notifier.notify({ kind: "stopped", host, reason });
    await det.deps.notifier.flush({ timeoutMs: 5000 });
    det.deps.notifier.close();
    det.dispose();
  }
  return passes;
}
