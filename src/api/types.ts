/**
 * Types shared by the disk-manager API: the Hono environment, the authenticated
 * principal, and the dependencies the app is built from.
 *
 * @module
 */
import type { Backend } from "../backend/types.ts";
import type { BlockDisk, DiskIdentity } from "../inventory/model.ts";

/** The authenticated caller, from a verified JWT. */
export interface Principal {
  /** Token subject (Vault entity id, or the local token's `sub`). */
  sub: string;
  /** Scopes granted (`disks:read`, `disks:write`). */
  scopes: ReadonlySet<string>;
  /** Hosts the token is bound to. */
  hosts: readonly string[];
  /** Expiry, epoch milliseconds. */
  expiresAt: number;
}

/** Hono environment of the API app. */
export interface AppEnv {
  /** Per-request variables. */
  Variables: {
    /** Cleaned request id. */
    requestId: string;
    /** The caller (set by the auth middleware). */
    principal: Principal;
    /** Client address. */
    clientAddr: string;
    /** Why destructive calls fail closed now (verification keys stale past the grace). */
    keysStale: string | undefined;
  };
}

/** A disk as the inventory reports it (the fields the API needs). */
export type InventoryDisk = Pick<
  BlockDisk,
  "name" | "path" | "type" | "identity" | "sizeBytes" | "systemReason" | "partitions"
>;

/** Lists the host's disks (src/inventory in production, a fake in tests). */
export interface DiskInventory {
  /**
   * Lists the disks of this host.
   *
   * @returns The disks.
   */
  list(): Promise<InventoryDisk[]>;
}

/** One ticket created by Bynar. */
export interface TicketInfo {
  /** Ticket id, e.g. `OPS-123`. */
  ticketId: string;
  /** Host the ticket is about. */
  serverName: string;
}

/** Lists tickets created by Bynar that are still open. */
export interface TicketSource {
  /**
   * Lists pending tickets.
   *
   * @returns The tickets.
   */
  list(): Promise<TicketInfo[]>;
}

/** Looks up the health/repair state of a disk by identity key (null when unknown). */
export type DiskStateLookup = (diskKey: string) => string | null;

/** Identity of a disk this host saw earlier. */
export type SeenIdentity = Pick<DiskIdentity, "key" | "serial" | "wwn">;

/**
 * Looks up the disks this host last saw at a device path (the host's disk records), to
 * check the identity a caller names for a disk that is gone.
 */
export type SeenAtLookup = (path: string) => SeenIdentity[];

/** Everything the disk service needs. */
export interface DiskDeps {
  /** Storage backend. */
  backend: Backend;
  /** Disk inventory. */
  inventory: DiskInventory;
  /** Disk state lookup. */
  stateOf?: DiskStateLookup;
  /** Disks last seen at a path (checks the identity named for a disk that is gone). */
  seenAt?: SeenAtLookup;
  /** Tickets. */
  tickets?: TicketSource;
}
