/**
 * The versioned JSON envelope of `bynar --check --format json`.
 *
 * @module
 */
import type { CheckResult } from "../check/model.ts";
import type { SmartReport } from "../smart/model.ts";
import { hardwareToJson } from "./hardware.ts";

function smartSummary(r: SmartReport): Record<string, unknown> {
  const raw = (id: number) => r.attributes.find((a) => a.id === id)?.raw ?? null;
  return {
    source: r.source,
    protocol: r.protocol,
    status_good: r.smartStatusGood,
    unavailable_reason: r.unavailableReason,
    power_on_hours: r.powerOnHours,
    temperature_celsius: r.temperatureCelsius,
    reallocated_sectors: raw(5),
    reported_uncorrectable: raw(187),
    command_timeout: raw(188),
    pending_sectors: raw(197),
    offline_uncorrectable: raw(198),
    nvme: r.nvme
      ? {
        critical_warning: r.nvme.criticalWarning,
        available_spare: r.nvme.availableSpare,
        available_spare_threshold: r.nvme.availableSpareThreshold,
        percentage_used: r.nvme.percentageUsed,
        media_errors: r.nvme.mediaErrors,
        num_err_log_entries: r.nvme.numErrLogEntries,
      }
      : null,
    scsi: r.scsi
      ? {
        grown_defects: r.scsi.grownDefects,
        read_uncorrected: r.scsi.readUncorrected,
        write_uncorrected: r.scsi.writeUncorrected,
      }
      : null,
  };
}

/**
 * Builds the JSON document (envelope version 1).
 *
 * @param result The check result.
 * @returns A plain object ready for `JSON.stringify`.
 */
export function checkToJson(result: CheckResult): Record<string, unknown> {
  return {
    version: result.version,
    host: {
      hostname: result.host.hostname,
      fqdn: result.host.fqdn,
      ip: result.host.ip,
      kernel: result.host.kernel,
      arch: result.host.arch,
      product_name: result.host.productName,
      product_serial: result.host.productSerial,
    },
    status: result.status,
    summary: result.summary,
    checked_at: result.checkedAt.toISOString(),
    duration_ms: result.durationMs,
    disks: result.disks.map((d) => ({
      path: d.disk.path,
      identity: {
        key: d.disk.identity.key,
        model: d.disk.identity.model,
        serial: d.disk.identity.serial,
        wwn: d.disk.identity.wwn,
        by_id: d.disk.identity.byIdPath,
      },
      type: d.disk.type,
      size_bytes: d.disk.sizeBytes,
      system_disk: d.disk.systemReason !== null,
      system_reason: d.disk.systemReason,
      verdict: d.verdict,
      reasons: d.reasons,
      smart: smartSummary(d.report),
    })),
    vanished: result.vanished.map((v) => ({
      key: v.diskKey,
      path: v.path,
      model: v.model,
      serial: v.serial,
      wwn: v.wwn,
      last_seen: v.lastSeen,
      verdict: "critical",
      reasons: ["disk vanished from the host"],
    })),
    skipped: result.skipped,
    warnings: result.warnings,
    problems: result.problems,
    ...(result.hardware ? { hardware: hardwareToJson(result.hardware) } : {}),
  };
}

/**
 * Formats the check result as pretty JSON text.
 *
 * @param result The check result.
 * @returns JSON text.
 */
export function formatJson(result: CheckResult): string {
  return JSON.stringify(checkToJson(result), null, 2);
}
