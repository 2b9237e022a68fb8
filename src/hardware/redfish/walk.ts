/**
 * Walks a BMC's Redfish tree into a {@linkcode HardwareInventory}: service root →
 * Chassis (PowerSubsystem/PowerSupplies, ThermalSubsystem/Fans, Sensors; the legacy Power
 * and Thermal resources when the newer ones are not linked), Systems (Processors, Memory
 * with MemoryMetrics, Storage controllers and Drives, SimpleStorage when there is no
 * Storage), Managers, and the system event log.
 *
 * A resource that cannot be read is listed in `problems` and the walk goes on: a partial
 * inventory is still reported, and a read failure is never a failed part.
 *
 * @module
 */
import type { z } from "zod";
import { errorMessage } from "../../errors.ts";
import type {
  BmcLogEntry,
  HardwareInventory,
  HardwarePart,
  Health,
  PartEvidence,
  PartKind,
  TemperatureSensor,
} from "../model.ts";
import type { RedfishClient } from "./client.ts";
import {
  ChassisSchema,
  CollectionSchema,
  DriveSchema,
  FanSchema,
  LegacyPowerSchema,
  LegacyThermalSchema,
  type LocationSchema,
  LogEntryCollectionSchema,
  LogServiceSchema,
  ManagerSchema,
  MemoryMetricsSchema,
  MemorySchema,
  PowerSubsystemSchema,
  PowerSupplySchema,
  ProcessorSchema,
  SensorSchema,
  SimpleStorageSchema,
  type StatusSchema,
  StorageControllerSchema,
  StorageSchema,
  SystemSchema,
  ThermalSubsystemSchema,
} from "./schemas.ts";

/** Options of {@linkcode walkInventory}. */
export interface WalkOptions {
  /**
   * Newest system event log entries kept.
   * @default 20
   */
  eventLimit?: number;
}

type Status = z.infer<typeof StatusSchema>;
type Location = z.infer<typeof LocationSchema>;

const OWNER_KINDS: ReadonlySet<PartKind> = new Set<PartKind>(["system", "chassis", "manager"]);

const HEALTH = new Set(["OK", "Warning", "Critical"]);

function health(v: string | null | undefined): Health | null {
  return v && HEALTH.has(v) ? v as Health : null;
}

function lastSegment(uri: string): string {
  return uri.replace(/\/+$/, "").split("/").pop() ?? uri;
}

function locationText(loc: Location): string | null {
  const p = loc?.PartLocation;
  if (p?.ServiceLabel) return p.ServiceLabel;
  if (p?.LocationType && p.LocationOrdinalValue !== null && p.LocationOrdinalValue !== undefined) {
    return `${p.LocationType} ${p.LocationOrdinalValue}`;
  }
  return loc?.Info ?? null;
}

function oemNotes(oem: Record<string, unknown> | null | undefined): string[] | undefined {
  const keys = Object.keys(oem ?? {});
  return keys.length ? keys.map((k) => `OEM section "${k}" present (not interpreted)`) : undefined;
}

interface PartFields {
  "@odata.id"?: string | undefined;
  Id?: string | undefined;
  Name?: string | null | undefined;
  Manufacturer?: string | null | undefined;
  Model?: string | null | undefined;
  SerialNumber?: string | null | undefined;
  PartNumber?: string | null | undefined;
  SparePartNumber?: string | null | undefined;
  Status?: Status;
  Location?: Location;
  Oem?: Record<string, unknown> | null | undefined;
}

function toPart(
  kind: PartKind,
  owner: string,
  uri: string,
  r: PartFields,
  extra: { source: string; location?: string | null; evidence?: PartEvidence; id?: string },
): HardwarePart {
  const id = extra.id ?? r.Id ?? lastSegment(uri);
  const oem = oemNotes(r.Oem);
  return {
    kind,
    slot: OWNER_KINDS.has(kind) ? `${kind}:${id}` : `${kind}:${owner}/${id}`,
    uri,
    id,
    name: r.Name ?? id,
    manufacturer: r.Manufacturer ?? null,
    model: r.Model ?? null,
    serialNumber: r.SerialNumber?.trim() || null,
    partNumber: r.PartNumber ?? null,
    sparePartNumber: r.SparePartNumber ?? null,
    location: extra.location ?? locationText(r.Location),
    state: r.Status?.State ?? null,
    health: health(r.Status?.Health),
    healthRollup: health(r.Status?.HealthRollup),
    source: extra.source,
    evidence: { ...extra.evidence, ...(oem ? { oem } : {}) },
  };
}

class Walker {
  readonly parts: HardwarePart[] = [];
  readonly temperatures: TemperatureSensor[] = [];
  readonly events: BmcLogEntry[] = [];
  readonly problems: string[] = [];
  constructor(readonly client: RedfishClient, readonly eventLimit: number) {}

  /** Reads a resource; a failure becomes a problem and null. */
  async read<S extends z.ZodType>(uri: string, schema: S): Promise<z.infer<S> | null> {
    try {
      return await this.client.get(uri, schema);
    } catch (err) {
      this.problems.push(errorMessage(err));
      return null;
    }
  }

  /** Reads every member of a collection. */
  async members<S extends z.ZodType>(
    uri: string,
    schema: S,
  ): Promise<{ uri: string; body: z.infer<S> }[]> {
    const c = await this.read(uri, CollectionSchema);
    if (!c) return [];
    const out: { uri: string; body: z.infer<S> }[] = [];
    await Promise.all(c.Members.map(async (m, i) => {
      const body = await this.read(m["@odata.id"], schema);
      if (body !== null) out[i] = { uri: m["@odata.id"], body };
    }));
    return out.filter((x) => x !== undefined);
  }

  async chassis(uri: string, c: z.infer<typeof ChassisSchema>): Promise<void> {
    const owner = c.Id ?? lastSegment(uri);
    this.parts.push(toPart("chassis", owner, uri, c, { source: "Chassis" }));
    const jobs: Promise<void>[] = [];
    let legacyThermal: Promise<z.infer<typeof LegacyThermalSchema> | null> | null = null;
    const thermal = () => {
      legacyThermal ??= c.Thermal
        ? this.read(c.Thermal["@odata.id"], LegacyThermalSchema)
        : Promise.resolve(null);
      return legacyThermal;
    };
    // Power supplies: PowerSubsystem, else the legacy Power resource.
    if (c.PowerSubsystem) {
      jobs.push((async () => {
        const ps = await this.read(c.PowerSubsystem!["@odata.id"], PowerSubsystemSchema);
        if (!ps?.PowerSupplies) return;
        for (
          const { uri: u, body } of await this.members(
            ps.PowerSupplies["@odata.id"],
            PowerSupplySchema,
          )
        ) {
          this.parts.push(toPart("power_supply", owner, u, body, { source: "PowerSubsystem" }));
        }
      })());
    } else if (c.Power) {
      jobs.push((async () => {
        const p = await this.read(c.Power!["@odata.id"], LegacyPowerSchema);
        (p?.PowerSupplies ?? []).forEach((m, i) => {
          const id = m.MemberId ?? String(i);
          const u = m["@odata.id"] ?? `${c.Power!["@odata.id"]}#/PowerSupplies/${i}`;
          this.parts.push(toPart("power_supply", owner, u, m, { source: "Power (legacy)", id }));
        });
      })());
    }
    // Fans: ThermalSubsystem, else legacy Thermal.
    if (c.ThermalSubsystem) {
      jobs.push((async () => {
        const ts = await this.read(c.ThermalSubsystem!["@odata.id"], ThermalSubsystemSchema);
        if (!ts?.Fans) return;
        for (const { uri: u, body } of await this.members(ts.Fans["@odata.id"], FanSchema)) {
          this.parts.push(toPart("fan", owner, u, body, { source: "ThermalSubsystem" }));
        }
      })());
    } else if (c.Thermal) {
      jobs.push((async () => {
        const t = await thermal();
        (t?.Fans ?? []).forEach((m, i) => {
          const id = m.MemberId ?? String(i);
          const u = m["@odata.id"] ?? `${c.Thermal!["@odata.id"]}#/Fans/${i}`;
          const name = m.Name ?? m.FanName ?? id;
          this.parts.push(
            toPart("fan", owner, u, { ...m, Name: name }, { source: "Thermal (legacy)", id }),
          );
        });
      })());
    }
    // Temperatures: Sensors, else legacy Thermal.
    if (c.Sensors) {
      jobs.push((async () => {
        for (
          const { uri: u, body: s } of await this.members(c.Sensors!["@odata.id"], SensorSchema)
        ) {
          if (s.ReadingType !== "Temperature" && s.ReadingUnits !== "Cel") continue;
          const t = s.Thresholds;
          this.temperatures.push({
            slot: `temperature:${owner}/${s.Id ?? lastSegment(u)}`,
            uri: u,
            name: s.Name ?? s.Id ?? lastSegment(u),
            context: s.PhysicalContext ?? null,
            readingCelsius: s.Reading ?? null,
            upperCaution: t?.UpperCaution?.Reading ?? null,
            upperCritical: t?.UpperCritical?.Reading ?? null,
            upperFatal: t?.UpperFatal?.Reading ?? null,
            state: s.Status?.State ?? null,
            health: health(s.Status?.Health),
            source: "Sensors",
          });
        }
      })());
    } else if (c.Thermal) {
      jobs.push((async () => {
        const t = await thermal();
        (t?.Temperatures ?? []).forEach((m, i) => {
          const id = m.MemberId ?? String(i);
          this.temperatures.push({
            slot: `temperature:${owner}/${id}`,
            uri: m["@odata.id"] ?? `${c.Thermal!["@odata.id"]}#/Temperatures/${i}`,
            name: m.Name ?? id,
            context: m.PhysicalContext ?? null,
            readingCelsius: m.ReadingCelsius ?? null,
            upperCaution: m.UpperThresholdNonCritical ?? null,
            upperCritical: m.UpperThresholdCritical ?? null,
            upperFatal: m.UpperThresholdFatal ?? null,
            state: m.Status?.State ?? null,
            health: health(m.Status?.Health),
            source: "Thermal (legacy)",
          });
        });
      })());
    }
    await Promise.all(jobs);
  }

  async memory(owner: string, uri: string, m: z.infer<typeof MemorySchema>): Promise<void> {
    const evidence: PartEvidence = {};
    if (m.Metrics && m.Status?.State !== "Absent") {
      const metrics = await this.read(m.Metrics["@odata.id"], MemoryMetricsSchema);
      const counts = metrics?.CurrentPeriod ?? metrics?.LifeTime;
      const ce = metrics?.CurrentPeriod?.CorrectableECCErrorCount ??
        metrics?.LifeTime?.CorrectableECCErrorCount;
      const ue = metrics?.CurrentPeriod?.UncorrectableECCErrorCount ??
        metrics?.LifeTime?.UncorrectableECCErrorCount;
      if (counts !== undefined && ce !== null && ce !== undefined) evidence.correctableErrors = ce;
      if (ue !== null && ue !== undefined) evidence.uncorrectableErrors = ue;
      const trips = Object.entries(metrics?.HealthData?.AlarmTrips ?? {})
        .filter(([k, v]) => v === true && !k.startsWith("@")).map(([k]) => k);
      if (trips.length) evidence.alarmTrips = trips;
    }
    const ml = m.MemoryLocation;
    const location = m.DeviceLocator ?? locationText(m.Location) ??
      (ml
        ? `Socket ${ml.Socket ?? "?"} Channel ${ml.Channel ?? "?"} Slot ${ml.Slot ?? "?"}`
        : null);
    this.parts.push(toPart("memory", owner, uri, m, { source: "Memory", location, evidence }));
  }

  async storage(owner: string, uri: string, s: z.infer<typeof StorageSchema>): Promise<void> {
    const storageId = s.Id ?? lastSegment(uri);
    const controllers: HardwarePart[] = [];
    (s.StorageControllers ?? []).forEach((c, i) => {
      const id = `${storageId}.${c.MemberId ?? c.Id ?? i}`;
      const u = c["@odata.id"] ?? `${uri}#/StorageControllers/${i}`;
      controllers.push(toPart("storage_controller", owner, u, c, { source: "Storage", id }));
    });
    if (!controllers.length && s.Controllers) {
      for (
        const { uri: u, body } of await this.members(
          s.Controllers["@odata.id"],
          StorageControllerSchema,
        )
      ) {
        const id = `${storageId}.${body.Id ?? lastSegment(u)}`;
        controllers.push(toPart("storage_controller", owner, u, body, { source: "Storage", id }));
      }
    }
    this.parts.push(...controllers);
    const controller = controllers[0]?.location ?? controllers[0]?.name;
    await Promise.all((s.Drives ?? []).map(async (link) => {
      const d = await this.read(link["@odata.id"], DriveSchema);
      if (!d) return;
      const evidence: PartEvidence = {};
      if (typeof d.FailurePredicted === "boolean") evidence.failurePredicted = d.FailurePredicted;
      if (typeof d.PredictedMediaLifeLeftPercent === "number") {
        evidence.predictedMediaLifeLeftPercent = d.PredictedMediaLifeLeftPercent;
      }
      if (controller) evidence.controller = controller;
      const location = locationText(d.Location) ?? locationText(d.PhysicalLocation);
      this.parts.push(
        toPart("drive", owner, link["@odata.id"], d, { source: "Storage", location, evidence }),
      );
    }));
  }

  simpleStorage(owner: string, uri: string, s: z.infer<typeof SimpleStorageSchema>): void {
    const storageId = s.Id ?? lastSegment(uri);
    (s.Devices ?? []).forEach((d, i) => {
      const name = d.Name ?? `Device ${i}`;
      this.parts.push(
        toPart("drive", owner, `${uri}#/Devices/${i}`, { ...d, Name: name }, {
          source: "SimpleStorage",
          id: `${storageId}.${i}`,
          location: name,
          evidence: { controller: s.Name ?? storageId },
        }),
      );
    });
  }

  async logs(uri: string): Promise<void> {
    for (const { body: svc } of await this.members(uri, LogServiceSchema)) {
      if (!svc.Entries) continue;
      const c = await this.read(svc.Entries["@odata.id"], LogEntryCollectionSchema);
      if (!c) continue;
      const entries = c.Members.map((e) => ({
        uri: e["@odata.id"] ?? svc.Entries!["@odata.id"],
        created: e.Created ?? null,
        severity: e.Severity ?? null,
        message: e.Message ?? e.EntryCode ?? "(no message)",
        origin: e.Links?.OriginOfCondition?.["@odata.id"] ?? null,
      }));
      entries.sort((a, b) => (b.created ?? "").localeCompare(a.created ?? ""));
      this.events.push(...entries.slice(0, this.eventLimit));
    }
  }

  async system(uri: string, s: z.infer<typeof SystemSchema>): Promise<void> {
    const owner = s.Id ?? lastSegment(uri);
    this.parts.push(toPart("system", owner, uri, s, { source: "ComputerSystem" }));
    const jobs: Promise<void>[] = [];
    if (s.Processors) {
      jobs.push((async () => {
        for (
          const { uri: u, body } of await this.members(s.Processors!["@odata.id"], ProcessorSchema)
        ) {
          const location = body.Socket ?? locationText(body.Location);
          this.parts.push(toPart("processor", owner, u, body, { source: "Processors", location }));
        }
      })());
    }
    if (s.Memory) {
      jobs.push((async () => {
        const mods = await this.members(s.Memory!["@odata.id"], MemorySchema);
        await Promise.all(mods.map(({ uri: u, body }) => this.memory(owner, u, body)));
      })());
    }
    if (s.Storage) {
      jobs.push((async () => {
        const list = await this.members(s.Storage!["@odata.id"], StorageSchema);
        await Promise.all(list.map(({ uri: u, body }) => this.storage(owner, u, body)));
      })());
    } else if (s.SimpleStorage) {
      jobs.push((async () => {
        for (
          const { uri: u, body } of await this.members(
            s.SimpleStorage!["@odata.id"],
            SimpleStorageSchema,
          )
        ) {
          this.simpleStorage(owner, u, body);
        }
      })());
    }
    if (s.LogServices) jobs.push(this.logs(s.LogServices["@odata.id"]));
    await Promise.all(jobs);
  }
}

const KIND_ORDER: PartKind[] = [
  "system",
  "chassis",
  "manager",
  "power_supply",
  "fan",
  "processor",
  "memory",
  "storage_controller",
  "drive",
];

/**
 * Walks the BMC and builds the inventory.
 *
 * @param client A client of the BMC.
 * @param options Event log limit.
 * @returns The inventory; unreadable resources are listed in `problems`.
 * @throws {RedfishError} When the service root itself cannot be read (nothing is known).
 */
export async function walkInventory(
  client: RedfishClient,
  options: WalkOptions = {},
): Promise<HardwareInventory> {
  const root = await client.serviceRoot();
  const w = new Walker(client, options.eventLimit ?? 20);
  const jobs: Promise<void>[] = [];
  if (root.Chassis) {
    jobs.push((async () => {
      const list = await w.members(root.Chassis!["@odata.id"], ChassisSchema);
      await Promise.all(list.map(({ uri, body }) => w.chassis(uri, body)));
    })());
  }
  if (root.Systems) {
    jobs.push((async () => {
      const list = await w.members(root.Systems!["@odata.id"], SystemSchema);
      await Promise.all(list.map(({ uri, body }) => w.system(uri, body)));
    })());
  }
  if (root.Managers) {
    jobs.push((async () => {
      for (const { uri, body } of await w.members(root.Managers!["@odata.id"], ManagerSchema)) {
        w.parts.push(
          toPart("manager", body.Id ?? lastSegment(uri), uri, body, { source: "Managers" }),
        );
      }
    })());
  }
  await Promise.all(jobs);
  w.parts.sort((a, b) =>
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.slot.localeCompare(b.slot)
  );
  w.temperatures.sort((a, b) => a.slot.localeCompare(b.slot));
  return {
    endpoint: client.endpoint,
    service: {
      redfishVersion: root.RedfishVersion ?? null,
      uuid: root.UUID ?? null,
      vendor: root.Vendor ?? null,
    },
    parts: w.parts,
    temperatures: w.temperatures,
    events: w.events,
    problems: w.problems,
  };
}
