/**
 * The one-phrase summary of a hardware check (pure).
 *
 * @module
 */
import type { HardwareCheck } from "./read.ts";

/**
 * A one-phrase summary of the hardware findings for the Nagios first line.
 *
 * @param hw The hardware check.
 * @returns e.g. `hardware: 1 warning (PSU 1)`, or `hardware: 21 parts healthy`.
 */
export function hardwareSummary(hw: HardwareCheck): string {
  const a = hw.assessment;
  if (!a) return "hardware: BMC unreadable";
  const bad = [
    ...a.parts.filter((p) => p.verdict === "critical" || p.verdict === "warning")
      .map((p) => ({ v: p.verdict, where: p.part.location ?? p.part.name })),
    ...a.temperatures.filter((t) => t.verdict === "critical" || t.verdict === "warning")
      .map((t) => ({ v: t.verdict, where: t.sensor.name })),
  ];
  const crit = bad.filter((b) => b.v === "critical");
  const warn = bad.filter((b) => b.v === "warning");
  const bits: string[] = [];
  if (crit.length) bits.push(`${crit.length} critical (${crit.map((b) => b.where).join(", ")})`);
  if (warn.length) bits.push(`${warn.length} warning (${warn.map((b) => b.where).join(", ")})`);
  if (a.missing.length) bits.push(`${a.missing.length} missing`);
  return bits.length ? `hardware: ${bits.join(", ")}` : `hardware: ${a.parts.length} parts healthy`;
}
