/**
 * Renders a SMART report and its assessment for `bynar smart`: a JSON document with exact
 * integers, or a readable text table. Pure: returns strings.
 *
 * @module
 */
import type { Assessment, SmartReport } from "./model.ts";

/** `JSON.rawJSON` (V8, TC39 "JSON.parse source text access"); not yet in the TS lib. */
const rawJSON = (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON;

/** A JSON integer with every digit kept (beyond 2^53 too). */
function exactInt(digits: string): unknown {
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : rawJSON(digits);
}

/**
 * Builds the `bynar smart --format json` document.
 *
 * @param report The report.
 * @param assessment Its assessment.
 * @returns A plain object (serialize with `JSON.stringify`; big integers are raw JSON).
 */
export function reportToJson(report: SmartReport, assessment: Assessment): Record<string, unknown> {
  const out: Record<string, unknown> = {
    device: report.device,
    source: report.source,
    protocol: report.protocol,
    identify: report.identify && {
      model: report.identify.model,
      serial: report.identify.serial,
      firmware: report.identify.firmware,
      ...(report.identify.wwn ? { wwn: report.identify.wwn } : {}),
    },
    smart_status_good: report.smartStatusGood,
    attributes: report.attributes.map((a) => ({
      id: a.id,
      name: a.name,
      current: a.current,
      worst: a.worst,
      threshold: a.threshold,
      raw: exactInt(a.rawExact ?? String(a.raw)),
      prefailure: a.prefailure,
      online: a.online,
      ...(a.pretty !== undefined ? { pretty: a.pretty } : {}),
    })),
  };
  const n = report.nvme;
  if (n) {
    Object.assign(out, {
      critical_warning: n.criticalWarning,
      available_spare: n.availableSpare,
      available_spare_threshold: n.availableSpareThreshold,
      percentage_used: n.percentageUsed,
      media_errors: exactInt(n.mediaErrors),
      num_err_log_entries: exactInt(n.numErrLogEntries),
      unsafe_shutdowns: n.unsafeShutdowns === null ? null : exactInt(n.unsafeShutdowns),
      data_units_read: n.dataUnitsRead === null ? null : exactInt(n.dataUnitsRead),
      data_units_written: n.dataUnitsWritten === null ? null : exactInt(n.dataUnitsWritten),
    });
  }
  if (report.scsi) {
    out.scsi = {
      grown_defects: report.scsi.grownDefects,
      read_uncorrected: report.scsi.readUncorrected,
      write_uncorrected: report.scsi.writeUncorrected,
    };
  }
  Object.assign(out, {
    power_on_hours: report.powerOnHours,
    power_cycles: report.powerCycles ?? null,
    temperature_celsius: report.temperatureCelsius,
    smartctl_exit_status: report.smartctlExitStatus,
    ...(report.ataOverall !== undefined ? { libatasmart_overall: report.ataOverall } : {}),
    unavailable_reason: report.unavailableReason,
    ...(report.attempts
      ? {
        read_by: report.attempts.find((x) => x.answered)?.reader ?? null,
        attempts: report.attempts.map((x) => ({
          reader: x.reader,
          answered: x.answered,
          reason: x.reason,
          sandbox_refused: x.sandboxRefused,
        })),
      }
      : {}),
    ...(report.configurationProblem ? { configuration_problem: report.configurationProblem } : {}),
    verdict: assessment.verdict,
    reasons: assessment.reasons,
  });
  return out;
}

/**
 * Renders the report as JSON text.
 *
 * @param report The report.
 * @param assessment Its assessment.
 * @returns Pretty-printed JSON.
 */
export function renderJson(report: SmartReport, assessment: Assessment): string {
  return JSON.stringify(reportToJson(report, assessment), null, 2);
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

/**
 * Renders the report as a readable text table.
 *
 * @param report The report.
 * @param assessment Its assessment.
 * @returns Multi-line text.
 */
export function renderText(report: SmartReport, assessment: Assessment): string {
  const lines: string[] = [];
  const readBy = report.attempts?.find((x) => x.answered)?.reader;
  const via = readBy && readBy !== report.source
    ? `${readBy}, parsed by ${report.source}`
    : report.source;
  lines.push(`Device:        ${report.device} (${report.protocol}, via ${via})`);
  for (const x of report.attempts ?? []) {
    if (!x.answered) lines.push(`Not read by:   ${x.reader}: ${x.reason}`);
  }
  if (report.identify) {
    lines.push(`Model:         ${report.identify.model}`);
    lines.push(`Serial:        ${report.identify.serial}`);
    lines.push(`Firmware:      ${report.identify.firmware}`);
  }
  if (report.unavailableReason !== null) {
    lines.push("SMART:         not available (see the reason below)");
  } else {
    const st = report.smartStatusGood === null
      ? "not reported"
      : report.smartStatusGood
      ? "PASSED"
      : "FAILING";
    lines.push(`SMART status:  ${st}`);
  }
  const facts: string[] = [];
  if (report.powerOnHours !== null) facts.push(`power-on ${report.powerOnHours} h`);
  if (report.powerCycles != null) facts.push(`${report.powerCycles} power cycles`);
  if (report.temperatureCelsius !== null) facts.push(`${report.temperatureCelsius} °C`);
  if (report.ataOverall) facts.push(`libatasmart overall ${report.ataOverall}`);
  if (report.smartctlExitStatus !== null) facts.push(`smartctl exit ${report.smartctlExitStatus}`);
  if (facts.length) lines.push(`Facts:         ${facts.join(", ")}`);
  if (report.attributes.length) {
    lines.push("");
    lines.push(
      `${pad("ID", 3, true)}  ${pad("Name", 28)} ${pad("Value", 5, true)} ${
        pad("Worst", 5, true)
      } ` +
        `${pad("Thres", 5, true)}  ${pad("Raw", 18)} ${pad("Type", 8)} Updates`,
    );
    for (const a of report.attributes) {
      const raw = a.pretty && a.pretty !== (a.rawExact ?? String(a.raw))
        ? `${a.rawExact ?? a.raw} (${a.pretty})`
        : `${a.rawExact ?? a.raw}`;
      lines.push(
        `${pad(String(a.id), 3, true)}  ${pad(a.name, 28)} ${pad(String(a.current), 5, true)} ` +
          `${pad(String(a.worst), 5, true)} ${
            pad(a.threshold === null ? "-" : String(a.threshold), 5, true)
          }  ` +
          `${pad(raw, 18)} ${pad(a.prefailure ? "prefail" : "old-age", 8)} ${
            a.online ? "online" : "offline"
          }`,
      );
    }
  }
  const n = report.nvme;
  if (n) {
    lines.push("");
    lines.push(`NVMe critical_warning:      0x${n.criticalWarning.toString(16).padStart(2, "0")}`);
    lines.push(
      `NVMe available_spare:       ${n.availableSpare}% (threshold ${n.availableSpareThreshold}%)`,
    );
    lines.push(`NVMe percentage_used:       ${n.percentageUsed}%`);
    lines.push(`NVMe media_errors:          ${n.mediaErrors}`);
    lines.push(`NVMe num_err_log_entries:   ${n.numErrLogEntries}`);
  }
  const s = report.scsi;
  if (s) {
    lines.push("");
    lines.push(`SCSI grown defects:         ${s.grownDefects ?? "n/a"}`);
    lines.push(
      `SCSI uncorrected read/write: ${s.readUncorrected ?? "n/a"} / ${s.writeUncorrected ?? "n/a"}`,
    );
  }
  lines.push("");
  lines.push(`Verdict:       ${assessment.verdict.toUpperCase()}`);
  for (const r of assessment.reasons) lines.push(`  - ${r}`);
  return lines.join("\n");
}
