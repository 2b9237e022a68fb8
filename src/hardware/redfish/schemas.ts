/**
 * zod shapes of the Redfish resources Bynar reads, per the DMTF schemas (DSP0268). Only
 * the properties Bynar relies on are declared; every object is loose, so unknown, newer
 * and OEM properties pass through untouched, and every property is optional and nullable
 * (Redfish services omit or null what they do not implement).
 *
 * @module
 */
import { z } from "zod";

const str = z.string().nullish();
const num = z.number().nullish();
const bool = z.boolean().nullish();

/** `{ "@odata.id": … }`. */
export const LinkSchema = z.looseObject({ "@odata.id": z.string() });

/** `Resource.Status`. */
export const StatusSchema = z.looseObject({
  State: str,
  Health: str,
  HealthRollup: str,
}).nullish();

/** `Resource.Location` (PartLocation) and the older `PhysicalLocation`. */
export const LocationSchema = z.looseObject({
  PartLocation: z.looseObject({
    ServiceLabel: str,
    LocationType: str,
    LocationOrdinalValue: num,
  }).nullish(),
  Info: str,
}).nullish();

/** Identity fields shared by every part. */
const part = {
  "@odata.id": z.string().optional(),
  Id: z.string().optional(),
  Name: str,
  Manufacturer: str,
  Model: str,
  SerialNumber: str,
  PartNumber: str,
  SparePartNumber: str,
  Status: StatusSchema,
  Location: LocationSchema,
  Oem: z.record(z.string(), z.unknown()).nullish(),
};

/** A resource collection. */
export const CollectionSchema = z.looseObject({
  Members: z.array(z.looseObject({ "@odata.id": z.string() })),
});

/** The service root. */
export const ServiceRootSchema = z.looseObject({
  RedfishVersion: str,
  UUID: str,
  Vendor: str,
  Product: str,
  Chassis: LinkSchema.nullish(),
  Systems: LinkSchema.nullish(),
  Managers: LinkSchema.nullish(),
  SessionService: LinkSchema.nullish(),
  Links: z.looseObject({ Sessions: LinkSchema.nullish() }).nullish(),
});

/** A chassis. */
export const ChassisSchema = z.looseObject({
  ...part,
  ChassisType: str,
  PowerSubsystem: LinkSchema.nullish(),
  ThermalSubsystem: LinkSchema.nullish(),
  Sensors: LinkSchema.nullish(),
  Power: LinkSchema.nullish(),
  Thermal: LinkSchema.nullish(),
});

/** `PowerSubsystem`. */
export const PowerSubsystemSchema = z.looseObject({ PowerSupplies: LinkSchema.nullish() });

/** `ThermalSubsystem`. */
export const ThermalSubsystemSchema = z.looseObject({ Fans: LinkSchema.nullish() });

/** `PowerSupply` (PowerSubsystem). */
export const PowerSupplySchema = z.looseObject({ ...part, LineInputStatus: str });

/** `Fan` (ThermalSubsystem). */
export const FanSchema = z.looseObject({ ...part });

/** `Sensor`. */
export const SensorSchema = z.looseObject({
  "@odata.id": z.string().optional(),
  Id: z.string().optional(),
  Name: str,
  ReadingType: str,
  ReadingUnits: str,
  Reading: num,
  PhysicalContext: str,
  Status: StatusSchema,
  Thresholds: z.looseObject({
    UpperCaution: z.looseObject({ Reading: num }).nullish(),
    UpperCritical: z.looseObject({ Reading: num }).nullish(),
    UpperFatal: z.looseObject({ Reading: num }).nullish(),
  }).nullish(),
});

const legacyMember = {
  "@odata.id": z.string().optional(),
  MemberId: z.string().optional(),
  Name: str,
  Status: StatusSchema,
};

/** The legacy `Power` resource (deprecated in 2020 for PowerSubsystem; still what most BMCs serve). */
export const LegacyPowerSchema = z.looseObject({
  PowerSupplies: z.array(z.looseObject({
    ...legacyMember,
    Manufacturer: str,
    Model: str,
    SerialNumber: str,
    PartNumber: str,
    SparePartNumber: str,
    LineInputVoltage: num,
    Location: LocationSchema,
  })).nullish(),
});

/** The legacy `Thermal` resource. */
export const LegacyThermalSchema = z.looseObject({
  Temperatures: z.array(z.looseObject({
    ...legacyMember,
    ReadingCelsius: num,
    UpperThresholdNonCritical: num,
    UpperThresholdCritical: num,
    UpperThresholdFatal: num,
    PhysicalContext: str,
  })).nullish(),
  Fans: z.array(z.looseObject({
    ...legacyMember,
    FanName: str,
    Manufacturer: str,
    Model: str,
    SerialNumber: str,
    PartNumber: str,
    SparePartNumber: str,
    Reading: num,
    ReadingUnits: str,
    LowerThresholdCritical: num,
    LowerThresholdFatal: num,
    Location: LocationSchema,
  })).nullish(),
});

/** `ComputerSystem`. */
export const SystemSchema = z.looseObject({
  ...part,
  Processors: LinkSchema.nullish(),
  Memory: LinkSchema.nullish(),
  Storage: LinkSchema.nullish(),
  SimpleStorage: LinkSchema.nullish(),
  LogServices: LinkSchema.nullish(),
});

/** `Processor`. */
export const ProcessorSchema = z.looseObject({ ...part, Socket: str, ProcessorType: str });

/** `Memory`. */
export const MemorySchema = z.looseObject({
  ...part,
  DeviceLocator: str,
  MemoryLocation: z.looseObject({
    Socket: num,
    MemoryController: num,
    Channel: num,
    Slot: num,
  }).nullish(),
  Metrics: LinkSchema.nullish(),
});

const eccCounts = z.looseObject({
  CorrectableECCErrorCount: num,
  UncorrectableECCErrorCount: num,
}).nullish();

/** `MemoryMetrics`. */
export const MemoryMetricsSchema = z.looseObject({
  CurrentPeriod: eccCounts,
  LifeTime: eccCounts,
  HealthData: z.looseObject({
    AlarmTrips: z.record(z.string(), z.unknown()).nullish(),
  }).nullish(),
});

/** `Storage`. */
export const StorageSchema = z.looseObject({
  "@odata.id": z.string().optional(),
  Id: z.string().optional(),
  Name: str,
  Status: StatusSchema,
  StorageControllers: z.array(z.looseObject({
    ...part,
    MemberId: z.string().optional(),
  })).nullish(),
  Controllers: LinkSchema.nullish(),
  Drives: z.array(LinkSchema).nullish(),
});

/** `StorageController` (the newer collection member). */
export const StorageControllerSchema = z.looseObject({ ...part });

/** `Drive`. */
export const DriveSchema = z.looseObject({
  ...part,
  FailurePredicted: bool,
  PredictedMediaLifeLeftPercent: num,
  PhysicalLocation: LocationSchema,
  MediaType: str,
  Protocol: str,
});

/** `SimpleStorage` (older systems without Storage). */
export const SimpleStorageSchema = z.looseObject({
  "@odata.id": z.string().optional(),
  Id: z.string().optional(),
  Name: str,
  Status: StatusSchema,
  Devices: z.array(z.looseObject({
    Name: str,
    Manufacturer: str,
    Model: str,
    Status: StatusSchema,
  })).nullish(),
});

/** `Manager`. */
export const ManagerSchema = z.looseObject({
  ...part,
  FirmwareVersion: str,
  ManagerType: str,
  LogServices: LinkSchema.nullish(),
});

/** `LogService`. */
export const LogServiceSchema = z.looseObject({ Entries: LinkSchema.nullish() });

/** `LogEntry`. */
export const LogEntrySchema = z.looseObject({
  "@odata.id": z.string().optional(),
  Created: str,
  Severity: str,
  Message: str,
  EntryCode: str,
  Links: z.looseObject({ OriginOfCondition: LinkSchema.nullish() }).nullish(),
});

/** A log entry collection: members are usually inline entries, sometimes links. */
export const LogEntryCollectionSchema = z.looseObject({
  Members: z.array(LogEntrySchema),
  "Members@odata.count": num,
});

/** A session creation reply body. */
export const SessionSchema = z.looseObject({ "@odata.id": z.string().optional() });
