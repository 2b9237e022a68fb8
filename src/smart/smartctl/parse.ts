/**
 * Pure parser of `smartctl --json -a` output into the normalized {@linkcode SmartReport}.
 *
 * Integers are read losslessly from the JSON text: counters beyond 2^53 (NVMe 128-bit
 * counters, vendor-specific ATA raw values) keep every digit as decimal strings.
 *
 * @module
 */
import { jsonErrorWhere } from "../../shared/mod.ts";
import { ParseError } from "../../errors.ts";
import type {
  NvmeHealth,
  ScsiHealth,
  SmartAttribute,
  SmartIdentify,
  SmartProtocol,
  SmartReport,
} from "../model.ts";

/** Meanings of smartctl's exit status bits (smartctl(8) "RETURN VALUES"). */
export const SMARTCTL_EXIT_BITS: readonly string[] = [
  "command line did not parse",
  "device open failed, or device is in a low-power mode",
  "some SMART or other ATA command to the disk failed, or a checksum error",
  "SMART status check returned DISK FAILING",
  "a pre-failure attribute is at or below its threshold now",
  "an attribute was at or below its threshold in the past",
  "the device error log contains records of errors",
  "the self-test log contains records of errors",
];

/** smartctl's exit status decoded bit by bit. */
export interface SmartctlExitStatus {
  /** The raw status. */
  code: number;
  /** Bit 0: command line did not parse. */
  commandLineError: boolean;
  /** Bit 1: device open failed or device in low-power mode. */
  openFailed: boolean;
  /** Bit 2: a SMART/ATA command failed or a checksum error. */
  commandFailed: boolean;
  /** Bit 3: DISK FAILING. */
  diskFailing: boolean;
  /** Bit 4: pre-failure attribute at or below threshold now. */
  prefailBelowThreshold: boolean;
  /** Bit 5: attribute at or below threshold in the past. */
  pastBelowThreshold: boolean;
  /** Bit 6: the error log has entries. */
  errorLogEntries: boolean;
  /** Bit 7: the self-test log has errors. */
  selfTestErrors: boolean;
  /** The meanings of every set bit, in bit order. */
  meanings: string[];
}

/**
 * Decodes smartctl's exit status bit mask; a non-zero status is not by itself a failure.
 *
 * @param code The exit status (0–255).
 * @returns Each bit decoded.
 */
export function decodeSmartctlExitStatus(code: number): SmartctlExitStatus {
  const bit = (n: number): boolean => (code & (1 << n)) !== 0;
  return {
    code,
    commandLineError: bit(0),
    openFailed: bit(1),
    commandFailed: bit(2),
    diskFailing: bit(3),
    prefailBelowThreshold: bit(4),
    pastBelowThreshold: bit(5),
    errorLogEntries: bit(6),
    selfTestErrors: bit(7),
    meanings: SMARTCTL_EXIT_BITS.filter((_, i) => bit(i)),
  };
}

/** A JSON value whose integers beyond 2^53 are bigint. */
type Json = null | boolean | number | bigint | string | Json[] | { [k: string]: Json };

/**
 * Parses JSON keeping integers that do not fit a double exactly as `bigint`.
 *
 * @param text JSON text.
 * @returns The value.
 * @throws {SyntaxError} On invalid JSON.
 */
export function parseJsonLossless(text: string): unknown {
  return JSON.parse(text, function (_key, value, context?: { source?: string }) {
    if (typeof value === "number" && !Number.isSafeInteger(value) && context?.source) {
      if (/^-?\d+$/.test(context.source)) return BigInt(context.source);
    }
    return value;
  });
}

type Obj = { [k: string]: Json };

function obj(v: unknown): Obj | null {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? v as Obj : null;
}

function num(v: unknown): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return null;
}

function dec(v: unknown): string | null {
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number" && Number.isInteger(v)) return BigInt(v).toString();
  if (typeof v === "string" && /^\d+$/.test(v)) return BigInt(v).toString();
  return null;
}

function str(v: unknown): string | null {
  return typeof v === "string" ? v.trim() : null;
}

function wwnHex(v: unknown): string | null {
  const w = obj(v);
  if (!w) return null;
  const naa = num(w.naa), oui = num(w.oui), id = num(w.id);
  if (naa === null || oui === null || id === null) return null;
  const value = (BigInt(naa) << 60n) | (BigInt(oui) << 36n) | BigInt(id);
  return value.toString(16).padStart(16, "0");
}

function identifyOf(j: Obj): SmartIdentify | null {
  const vendorProduct = [str(j.scsi_vendor), str(j.scsi_product)].filter(Boolean).join(" ");
  const model = str(j.model_name) ?? str(j.scsi_model_name) ?? (vendorProduct || null);
  const serial = str(j.serial_number);
  const firmware = str(j.firmware_version) ?? str(j.scsi_revision);
  if (model === null && serial === null && firmware === null) return null;
  return { model: model ?? "", serial: serial ?? "", firmware: firmware ?? "", wwn: wwnHex(j.wwn) };
}

/**
 * The count in smartctl's raw string: `12` → 12; `2 2 2` (three 16-bit counters) → the
 * largest; `36 (Min/Max 20/45)` → 36.
 */
function countFromRawString(s: string | null): string | null {
  if (s === null) return null;
  if (/^\d+$/.test(s)) return s;
  const words = /^(\d+) (\d+) (\d+)$/.exec(s);
  if (words) return String(Math.max(Number(words[1]), Number(words[2]), Number(words[3])));
  const lead = /^(\d+) \(/.exec(s);
  return lead ? lead[1]! : null;
}

function attributesOf(j: Obj, file: string): SmartAttribute[] {
  const table = obj(j.ata_smart_attributes)?.table;
  if (table === undefined || table === null) return [];
  if (!Array.isArray(table)) {
    throw new ParseError(
      `Cannot parse smartctl JSON "${file}": ata_smart_attributes.table is not a list`,
    );
  }
  return table.map((row, i): SmartAttribute => {
    const a = obj(row);
    const id = num(a?.id);
    if (!a || id === null) {
      throw new ParseError(
        `Cannot parse smartctl JSON "${file}": ata_smart_attributes.table[${i}] has no id`,
      );
    }
    const flags = obj(a.flags);
    const raw = obj(a.raw);
    const rawExact = dec(raw?.value) ?? "0";
    return {
      id,
      name: str(a.name) ?? `attribute-${id}`,
      current: num(a.value) ?? 0,
      worst: num(a.worst) ?? 0,
      threshold: num(a.thresh),
      raw: Number(rawExact),
      prefailure: flags?.prefailure === true,
      online: flags?.updated_online === true,
      flags: num(flags?.value),
      rawExact,
      pretty: str(raw?.string) ?? rawExact,
      count: countFromRawString(str(raw?.string)) ?? rawExact,
    };
  });
}

function nvmeOf(j: Obj): NvmeHealth | null {
  const n = obj(j.nvme_smart_health_information_log);
  if (!n) return null;
  return {
    criticalWarning: num(n.critical_warning) ?? 0,
    temperatureCelsius: num(n.temperature),
    availableSpare: num(n.available_spare) ?? 100,
    availableSpareThreshold: num(n.available_spare_threshold) ?? 0,
    percentageUsed: num(n.percentage_used) ?? 0,
    mediaErrors: dec(n.media_errors) ?? "0",
    numErrLogEntries: dec(n.num_err_log_entries) ?? "0",
    powerOnHours: dec(n.power_on_hours),
    unsafeShutdowns: dec(n.unsafe_shutdowns),
    powerCycles: dec(n.power_cycles),
    dataUnitsRead: dec(n.data_units_read),
    dataUnitsWritten: dec(n.data_units_written),
  };
}

function scsiOf(j: Obj): ScsiHealth | null {
  const log = obj(j.scsi_error_counter_log);
  if (j.scsi_grown_defect_list === undefined && !log) return null;
  return {
    grownDefects: num(j.scsi_grown_defect_list),
    readUncorrected: num(obj(log?.read)?.total_uncorrected_errors),
    writeUncorrected: num(obj(log?.write)?.total_uncorrected_errors),
  };
}

function protocolOf(j: Obj): SmartProtocol {
  const p = str(obj(j.device)?.protocol);
  return p === "ATA" || p === "NVMe" || p === "SCSI" ? p : "unknown";
}

function messagesOf(s: Obj | null): string[] {
  const m = s?.messages;
  if (!Array.isArray(m)) return [];
  return m.map((x) => str(obj(x)?.string)).filter((x): x is string => x !== null);
}

/**
 * Converts a parsed `smartctl --json` document into a report.
 *
 * A document without any SMART section (e.g. "Unable to detect device type" on a virtio
 * disk) becomes a report with `unavailableReason` set; it is not an error.
 *
 * @param doc The parsed JSON (see {@linkcode parseJsonLossless}).
 * @param options `device` overrides the device name; `file` names the input in errors.
 * @returns The report.
 * @throws {ParseError} When the document is not smartctl JSON output.
 */
export function smartctlDocToReport(
  doc: unknown,
  options: { device?: string; file?: string } = {},
): SmartReport {
  const file = options.file ?? options.device ?? "<input>";
  const j = obj(doc);
  const sc = obj(j?.smartctl);
  if (!j || !sc) {
    throw new ParseError(
      `Cannot parse smartctl JSON "${file}": no "smartctl" object; is it \`smartctl --json\` output?`,
    );
  }
  const exit = num(sc.exit_status);
  const messages = messagesOf(sc);
  const argv = Array.isArray(sc.argv) ? sc.argv : [];
  const lastArg = argv.length > 1 ? str(argv[argv.length - 1]) : null;
  const device = options.device ?? str(obj(j.device)?.name) ??
    (lastArg?.startsWith("/dev/") ? lastArg : null) ?? file;
  const status = obj(j.smart_status);
  const passed = status?.passed;
  const attributes = attributesOf(j, file);
  const nvme = nvmeOf(j);
  const scsi = scsiOf(j);
  const hasData = typeof passed === "boolean" || attributes.length > 0 || nvme !== null ||
    scsi !== null;
  let unavailableReason: string | null = null;
  if (!hasData) {
    const support = obj(j.smart_support);
    const why = messages.length > 0
      ? messages.join("; ")
      : support?.available === false
      ? "the device does not support SMART"
      : exit !== null && exit !== 0
      ? decodeSmartctlExitStatus(exit).meanings.join("; ")
      : "smartctl returned no SMART data";
    unavailableReason = `SMART is not available for "${device}": smartctl: ${why}`;
  }
  return {
    source: "smartctl",
    protocol: protocolOf(j),
    device,
    identify: identifyOf(j),
    smartStatusGood: typeof passed === "boolean" ? passed : null,
    attributes,
    nvme,
    scsi,
    powerOnHours: num(obj(j.power_on_time)?.hours),
    temperatureCelsius: num(obj(j.temperature)?.current),
    smartctlExitStatus: exit,
    unavailableReason,
    powerCycles: num(j.power_cycle_count) ?? (nvme?.powerCycles ? Number(nvme.powerCycles) : null),
    messages,
  };
}

/**
 * Parses `smartctl --json -a` text into a report.
 *
 * @param text The JSON text.
 * @param options `device` overrides the device name; `file` names the input in errors.
 * @returns The report.
 * @throws {ParseError} When the text is not valid smartctl JSON.
 */
export function parseSmartctlJson(
  text: string,
  options: { device?: string; file?: string } = {},
): SmartReport {
  let doc: unknown;
  try {
    doc = parseJsonLossless(text);
  } catch (err) {
    throw new ParseError(
      `Cannot parse smartctl JSON "${options.file ?? options.device ?? "<input>"}": ` +
        `not valid JSON (${jsonErrorWhere(err)})`,
      { cause: err, device: options.device },
    );
  }
  return smartctlDocToReport(doc, options);
}
