/**
 * Nagios plugin output: `BYNAR STATUS - summary | perfdata`, then one line per disk.
 *
 * @module
 */
import type { CheckResult, CheckStatus } from "../check/model.ts";
import { hardwareNagiosLines } from "./hardware.ts";

/** Nagios exit code for each status. */
export const NAGIOS_EXIT: Readonly<Record<CheckStatus, number>> = Object.freeze({
  OK: 0,
  WARNING: 1,
  CRITICAL: 2,
  UNKNOWN: 3,
});

function label(identityKey: string, path: string): string {
  return `${path} [${identityKey}]`;
}

/**
 * Formats a check result for Nagios/Icinga.
 *
 * @param result The check result.
 * @returns The text (first line: status, summary and perfdata; then long output).
 */
export function formatNagios(result: CheckResult): string {
  const count = (v: string) => result.disks.filter((d) => d.verdict === v).length;
  const perf = [
    `'disks'=${result.disks.length};;;0`,
    `'ok'=${count("ok")};;;0`,
    `'warning'=${count("warning")};;;0`,
    `'critical'=${count("critical")};;;0`,
    `'no_smart'=${count("unknown")};;;0`,
    `'vanished'=${result.vanished.length};;;0`,
    `'duration'=${(result.durationMs / 1000).toFixed(3)}s;;;0`,
  ].join(" ");
  const lines = [`BYNAR ${result.status} - ${result.summary} | ${perf}`];
  const order = { critical: 0, warning: 1, unknown: 2, ok: 3 } as const;
  const disks = [...result.disks].sort((a, b) =>
    order[a.verdict] - order[b.verdict] || a.disk.path.localeCompare(b.disk.path)
  );
  for (const d of disks) {
    const what = [d.disk.identity.model, d.disk.type].filter(Boolean).join(", ");
    const why = d.reasons.length ? `: ${d.reasons.join("; ")}` : "";
    lines.push(
      `[${d.verdict.toUpperCase()}] ${label(d.disk.identity.key, d.disk.path)} (${what})${why}`,
    );
  }
  for (const v of result.vanished) {
    lines.push(
      `[CRITICAL] ${
        label(v.diskKey, v.path)
      }: disk vanished from the host (last seen ${v.lastSeen})`,
    );
  }
  if (result.hardware) lines.push(...hardwareNagiosLines(result.hardware));
  for (const p of result.problems) lines.push(`[UNKNOWN] ${p}`);
  for (const w of result.warnings) lines.push(`[NOTE] ${w}`);
  return lines.join("\n");
}

/**
 * Formats a failure of the check itself (bad configuration, no inventory) as UNKNOWN.
 *
 * @param message What went wrong.
 * @returns The Nagios text.
 */
export function formatNagiosUnknown(message: string): string {
  return `BYNAR UNKNOWN - ${message.split("\n")[0]}`;
}
