/**
 * Prometheus text exposition of a check, and the atomic textfile writer for
 * node_exporter's textfile collector.
 *
 * Disks are labelled by their stable key (serial/WWN), never by `/dev/sdX` alone.
 *
 * @module
 */
import type { CheckResult } from "../check/model.ts";
import { hardwarePrometheus } from "./hardware.ts";

const VERDICT_VALUE = { ok: 0, warning: 1, critical: 2, unknown: 3 } as const;
const STATUS_VALUE = { OK: 0, WARNING: 1, CRITICAL: 2, UNKNOWN: 3 } as const;

/**
 * Escapes a label value per the exposition format (backslash, double quote, newline).
 *
 * @param v The value.
 * @returns The escaped value.
 */
export function escapeLabel(v: string): string {
  return v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

function labels(obj: Record<string, string | null | undefined>): string {
  const parts = Object.entries(obj)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}="${escapeLabel(v as string)}"`);
  return `{${parts.join(",")}}`;
}

class Family {
  readonly lines: string[] = [];
  constructor(readonly name: string, readonly help: string, readonly type: "gauge" | "counter") {}
  add(l: Record<string, string | null | undefined>, value: number | string): void {
    this.lines.push(`${this.name}${labels(l)} ${value}`);
  }
  render(): string {
    if (!this.lines.length) return "";
    return `# HELP ${this.name} ${this.help}\n# TYPE ${this.name} ${this.type}\n${
      this.lines.join("\n")
    }\n`;
  }
}

/**
 * Formats a check result in the Prometheus text exposition format.
 *
 * @param result The check result.
 * @returns The exposition text.
 */
export function formatPrometheus(result: CheckResult): string {
  const host = result.host.hostname;
  const info = new Family("bynar_disk_info", "Disk identity (value is always 1).", "gauge");
  const health = new Family(
    "bynar_disk_health",
    "Disk health verdict: 0 ok, 1 warning, 2 critical, 3 unknown (no SMART).",
    "gauge",
  );
  const smartOk = new Family(
    "bynar_disk_smart_status_good",
    "Overall SMART status: 1 passed, 0 failing (absent when not reported).",
    "gauge",
  );
  const attr = new Family(
    "bynar_disk_smart_attribute_raw",
    "Raw value of key ATA SMART attributes.",
    "gauge",
  );
  const nvmeUsed = new Family("bynar_disk_nvme_percentage_used", "NVMe percentage used.", "gauge");
  const nvmeMedia = new Family(
    "bynar_disk_nvme_media_errors",
    "NVMe media and data integrity errors.",
    "gauge",
  );
  const nvmeSpare = new Family(
    "bynar_disk_nvme_available_spare_ratio",
    "NVMe available spare (0-1).",
    "gauge",
  );
  const temp = new Family("bynar_disk_temperature_celsius", "Drive temperature.", "gauge");
  const poh = new Family("bynar_disk_power_on_hours", "Power-on hours.", "gauge");
  const vanished = new Family(
    "bynar_disk_vanished",
    "A known disk is gone from the host (1).",
    "gauge",
  );

  for (const d of result.disks) {
    const key = d.disk.identity.key;
    info.add({
      disk: key,
      path: d.disk.path,
      model: d.disk.identity.model,
      serial: d.disk.identity.serial,
      wwn: d.disk.identity.wwn,
      type: d.disk.type,
      system: d.disk.systemReason ? "true" : "false",
    }, 1);
    health.add({ disk: key }, VERDICT_VALUE[d.verdict]);
    const r = d.report;
    if (r.smartStatusGood !== null) smartOk.add({ disk: key }, r.smartStatusGood ? 1 : 0);
    for (const a of r.attributes) {
      if ([5, 187, 188, 197, 198, 199].includes(a.id)) {
        attr.add({ disk: key, id: String(a.id), name: a.name }, a.raw);
      }
    }
    if (r.nvme) {
      nvmeUsed.add({ disk: key }, r.nvme.percentageUsed);
      nvmeMedia.add({ disk: key }, r.nvme.mediaErrors);
      nvmeSpare.add({ disk: key }, r.nvme.availableSpare / 100);
    }
    if (r.temperatureCelsius !== null) temp.add({ disk: key }, r.temperatureCelsius);
    if (r.powerOnHours !== null) poh.add({ disk: key }, r.powerOnHours);
  }
  for (const v of result.vanished) {
    vanished.add({ disk: v.diskKey, path: v.path, serial: v.serial, wwn: v.wwn }, 1);
  }
  const status = new Family(
    "bynar_check_status",
    "Overall check status: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.",
    "gauge",
  );
  status.add({ host }, STATUS_VALUE[result.status]);
  const dur = new Family("bynar_check_duration_seconds", "Wall time of the check.", "gauge");
  dur.add({ host }, result.durationMs / 1000);
  const ts = new Family("bynar_check_timestamp_seconds", "Unix time the check ran.", "gauge");
  ts.add({ host }, Math.floor(result.checkedAt.getTime() / 1000));
  return [
    status,
    dur,
    ts,
    info,
    health,
    smartOk,
    attr,
    nvmeUsed,
    nvmeMedia,
    nvmeSpare,
    temp,
    poh,
    vanished,
  ]
    .map((f) => f.render()).join("") + (result.hardware ? hardwarePrometheus(result.hardware) : "");
}

/**
 * Writes `bynar.prom` into a node_exporter textfile directory atomically (temp file in
 * the same directory, then rename), so a scrape never sees half a file.
 *
 * @param dir The textfile directory.
 * @param text The exposition text.
 * @param options The file name (`bynar.prom` for the check, `bynar_detect.prom` for the
 *   detector).
 * @returns The final path.
 */
export async function writeTextfile(
  dir: string,
  text: string,
  options: { name?: string | undefined } = {},
): Promise<string> {
  const final = `${dir.replace(/\/+$/, "")}/${options.name ?? "bynar.prom"}`;
  const tmp = `${final}.${Deno.pid}.tmp`;
  try {
    await Deno.writeTextFile(tmp, text, { mode: 0o644 });
    await Deno.rename(tmp, final);
  } catch (err) {
    await Deno.remove(tmp).catch(() => {});
    throw err;
  }
  return final;
}
