/**
 * The hardware (BMC) part of `bynar --check` in the three formats: Nagios lines, the JSON
 * `hardware` object, and Prometheus families labelled by part identity.
 *
 * @module
 */
import type { HardwareCheck } from "../hardware/read.ts";
import { type PartAssessment, partLabel } from "../hardware/model.ts";
import type { PartWorkflow } from "../hardware/workflow.ts";

const VERDICT_VALUE = { ok: 0, warning: 1, critical: 2, unknown: 3 } as const;
const ORDER = { critical: 0, warning: 1, unknown: 2, ok: 3 } as const;

export { hardwareSummary } from "../hardware/summary.ts";

function kindText(a: PartAssessment): string {
  return a.part.kind.replace(/_/g, " ");
}

/**
 * Nagios long-output lines for the hardware findings (not-ok parts and sensors first).
 *
 * @param hw The hardware check.
 * @returns Lines.
 */
export function hardwareNagiosLines(hw: HardwareCheck): string[] {
  const lines: string[] = [];
  const a = hw.assessment;
  if (a) {
    const parts = a.parts.filter((p) => p.verdict !== "ok")
      .sort((x, y) =>
        ORDER[x.verdict] - ORDER[y.verdict] || x.part.slot.localeCompare(y.part.slot)
      );
    for (const p of parts) {
      lines.push(
        `[${p.verdict.toUpperCase()}] ${kindText(p)} ${partLabel(p.part)}: ${p.reasons.join("; ")}`,
      );
    }
    for (const t of a.temperatures.filter((t) => t.verdict !== "ok")) {
      lines.push(
        `[${t.verdict.toUpperCase()}] temperature ${t.sensor.name}: ${t.reasons.join("; ")}`,
      );
    }
    for (const m of a.missing) {
      lines.push(
        `[CRITICAL] ${m.slot} (serial ${
          m.serialNumber ?? "unknown"
        }): gone from the BMC's inventory since ${m.lastSeen}`,
      );
    }
  }
  for (const p of hw.problems) lines.push(`[UNKNOWN] ${p}`);
  return lines;
}

/**
 * The JSON `hardware` object of the check envelope.
 *
 * @param hw The hardware check.
 * @returns A plain object.
 */
export function hardwareToJson(hw: HardwareCheck): Record<string, unknown> {
  const a = hw.assessment;
  return {
    endpoint: hw.endpoint,
    verdict: a ? a.verdict : "unknown",
    redfish_version: hw.inventory?.service.redfishVersion ?? null,
    parts: (a?.parts ?? []).map((p) => ({
      slot: p.part.slot,
      kind: p.part.kind,
      id: p.part.id,
      name: p.part.name,
      manufacturer: p.part.manufacturer,
      model: p.part.model,
      serial: p.part.serialNumber,
      part_number: p.part.partNumber,
      spare_part_number: p.part.sparePartNumber,
      location: p.part.location,
      state: p.part.state,
      health: p.part.health,
      health_rollup: p.part.healthRollup,
      source: p.part.source,
      uri: p.part.uri,
      evidence: p.part.evidence,
      verdict: p.verdict,
      reasons: p.reasons,
      replace: p.replace,
      needs_host_down: p.needsHostDown,
    })),
    temperatures: (a?.temperatures ?? []).map((t) => ({
      slot: t.sensor.slot,
      name: t.sensor.name,
      reading_celsius: t.sensor.readingCelsius,
      upper_caution: t.sensor.upperCaution,
      upper_critical: t.sensor.upperCritical,
      upper_fatal: t.sensor.upperFatal,
      source: t.sensor.source,
      verdict: t.verdict,
      reasons: t.reasons,
    })),
    missing: a?.missing ?? [],
    events: hw.inventory?.events ?? [],
    problems: hw.problems,
  };
}

function escapeLabel(v: string): string {
  return v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

function labels(obj: Record<string, string | null | undefined>): string {
  return `{${
    Object.entries(obj).filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `${k}="${escapeLabel(v as string)}"`).join(",")
  }}`;
}

function family(name: string, help: string, lines: string[]): string {
  return lines.length ? `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${lines.join("\n")}\n` : "";
}

/**
 * Prometheus families for the hardware check, parts labelled by slot and identity.
 *
 * @param hw The hardware check.
 * @returns Exposition text.
 */
export function hardwarePrometheus(hw: HardwareCheck): string {
  const a = hw.assessment;
  const info: string[] = [];
  const health: string[] = [];
  const temps: string[] = [];
  for (const p of a?.parts ?? []) {
    const part = p.part;
    info.push(
      `bynar_hardware_part_info${
        labels({
          slot: part.slot,
          kind: part.kind,
          name: part.name,
          model: part.model,
          serial: part.serialNumber,
          part_number: part.partNumber,
          location: part.location,
          state: part.state,
        })
      } 1`,
    );
    health.push(
      `bynar_hardware_part_health${labels({ slot: part.slot })} ${VERDICT_VALUE[p.verdict]}`,
    );
  }
  for (const t of a?.temperatures ?? []) {
    if (t.sensor.readingCelsius === null) continue;
    temps.push(
      `bynar_hardware_temperature_celsius${
        labels({ sensor: t.sensor.slot, name: t.sensor.name })
      } ${t.sensor.readingCelsius}`,
    );
  }
  return [
    family("bynar_hardware_bmc_up", "The BMC was read completely (1), partly or not at all (0).", [
      `bynar_hardware_bmc_up${labels({ endpoint: hw.endpoint })} ${
        a && !hw.problems.length ? 1 : 0
      }`,
    ]),
    family(
      "bynar_hardware_part_info",
      "Part identity as the BMC reports it (value is always 1).",
      info,
    ),
    family(
      "bynar_hardware_part_health",
      "Part health verdict: 0 ok, 1 warning, 2 critical, 3 unknown.",
      health,
    ),
    family("bynar_hardware_temperature_celsius", "Temperature sensor reading.", temps),
  ].join("");
}

/**
 * A plain-text table of every part (for `bynar hardware`), then temperatures, events and
 * problems.
 *
 * @param hw The hardware check.
 * @param options Include the temperature and event sections.
 * @returns Text.
 */
export function formatHardwareTable(
  hw: HardwareCheck,
  options: { temperatures?: boolean; events?: boolean } = {},
): string {
  const a = hw.assessment;
  const out: string[] = [
    `BMC ${hw.endpoint} (Redfish ${hw.inventory?.service.redfishVersion ?? "?"})`,
  ];
  if (a) {
    const head = [
      "KIND",
      "LOCATION",
      "NAME",
      "MODEL",
      "SERIAL",
      "PART",
      "STATE",
      "HEALTH",
      "VERDICT",
    ];
    const rows = a.parts.map((p) => [
      p.part.kind,
      p.part.location ?? p.part.id,
      p.part.name,
      p.part.model ?? "-",
      p.part.serialNumber ?? "-",
      p.part.partNumber ?? "-",
      p.part.state ?? "-",
      p.part.health ?? "-",
      p.verdict + (p.replace ? (p.needsHostDown ? " (replace, host down)" : " (replace)") : ""),
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
    out.push(line(head), ...rows.map(line));
    const why = a.parts.filter((p) => p.reasons.length);
    if (why.length) {
      out.push("", "Reasons:");
      for (const p of why) out.push(`  ${p.part.slot}: ${p.reasons.join("; ")}`);
    }
    if (options.temperatures !== false && a.temperatures.length) {
      out.push("", "Temperatures:");
      for (const t of a.temperatures) {
        const limits = [t.sensor.upperCaution, t.sensor.upperCritical, t.sensor.upperFatal]
          .map((v) => v ?? "-").join("/");
        out.push(
          `  ${t.sensor.name}: ${
            t.sensor.readingCelsius ?? "-"
          } °C (caution/critical/fatal ${limits}) ${t.verdict}`,
        );
      }
    }
    if (options.events !== false && hw.inventory?.events.length) {
      out.push("", "System event log (newest first):");
      for (const e of hw.inventory.events) {
        out.push(`  ${e.created ?? "?"} ${e.severity ?? "?"}: ${e.message}`);
      }
    }
  }
  if (hw.problems.length) {
    out.push("", "Problems:");
    for (const p of hw.problems) out.push(`  ${p}`);
  }
  return out.join("\n");
}

/**
 * A plain-text list of part workflows (for `bynar hardware --workflows`).
 *
 * @param list Workflows, newest first.
 * @returns Text.
 */
export function formatPartWorkflows(list: readonly PartWorkflow[]): string {
  if (!list.length) return "No part workflows.";
  return list.map((w) => {
    const state = w.active ? `active, step ${w.step}` : `done: ${w.outcome ?? "-"}`;
    const bits = [
      `#${w.id} ${w.kind} ${w.name} at ${w.location ?? w.slot} (serial ${
        w.serial ?? "-"
      }): ${state}`,
      `  ticket ${w.ticketKey ?? "-"}${w.ticketState ? ` (${w.ticketState})` : ""}; ` +
      `host maintenance ${w.maintenance}` +
      (w.replacementSerial ? `; replacement serial ${w.replacementSerial}` : ""),
      `  why: ${w.reasons.join("; ")}`,
    ];
    return bits.join("\n");
  }).join("\n");
}
