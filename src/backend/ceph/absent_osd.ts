/**
 * Finding the OSD of a disk that is gone (B-24): a dead or pulled disk can no longer be
 * read, but the cluster still knows its OSD. Pure: decides from `osd metadata` (this
 * host's OSDs whose device path or device ids name the disk), the OSD map, the OSD id the
 * caller passed and the OSD ids this host's journal recorded for that path.
 *
 * @module
 */
import { SafetyError } from "../../errors.ts";
import type { DiskRef } from "../types.ts";
import type { OsdDump, OsdMetadata } from "./parse.ts";

/** What {@linkcode findAbsentOsd} decides from. */
export interface AbsentOsdFacts {
  /** This host's short name (as OSDs report it in their metadata). */
  host: string;
  /** `osd metadata` of every OSD. */
  metadata: readonly OsdMetadata[];
  /** `osd dump`. */
  dump: OsdDump;
  /** OSD ids this host's journal recorded for the device path (oldest last or first). */
  journaled: readonly number[];
}

function shortHost(name: string): string {
  return name.split(".")[0] ?? name;
}

/**
 * Tells whether OSD metadata device ids (`sdc=ATA_MODEL_SERIAL`) name a disk identity
 * (`serial:…`, `wwn:…` or the bare serial/WWN).
 *
 * @param identity The identity the caller gave.
 * @param m The metadata.
 * @returns True, false, or null when the metadata has no device ids to compare.
 */
export function metadataNamesIdentity(
  identity: string | undefined,
  m: OsdMetadata,
): boolean | null {
  if (m.deviceIds.length === 0 || !identity) return null;
  const bare = identity.replace(/^(serial|wwn):/i, "").replace(/^0x/i, "").toLowerCase();
  if (bare.length < 4) return null;
  return m.deviceIds.some((d) => {
    const id = (d.split("=").pop() ?? "").toLowerCase();
    return id === bare || id.endsWith(`_${bare}`) || id.endsWith(`-${bare}`);
  });
}

function fsidOf(dump: OsdDump, id: number): string {
  return dump.osds.find((o) => o.id === id)?.uuid ?? "";
}

function isDestroyed(dump: OsdDump, id: number): boolean {
  return !!dump.osds.find((o) => o.id === id)?.state.includes("destroyed");
}

/**
 * Finds the OSD that used a device that is no longer present.
 *
 * A candidate is an OSD of this host whose metadata names the device path or whose
 * device ids name the caller's identity, and whose device ids (when the metadata has
 * any) do not name another disk. With `disk.osdId` that OSD must be such a candidate (or,
 * when its metadata is gone, be recorded for this path in the journal or be destroyed
 * already); without it the candidate must be unique among OSDs not yet destroyed.
 *
 * @param disk Path, identity and optional OSD id from the caller.
 * @param facts Metadata, map, host and journal.
 * @returns The OSD id and fsid, or null when no OSD of this host used the device.
 * @throws {SafetyError} `osd_not_here` (another host's OSD), `osd_mismatch` (the OSD
 *   used another device), `osd_ambiguous` (several live OSDs match: pass `osdId`).
 */
export function findAbsentOsd(
  disk: DiskRef,
  facts: AbsentOsdFacts,
): { id: number; fsid: string } | null {
  const host = shortHost(facts.host);
  const ours = facts.metadata.filter((m) => shortHost(m.hostname) === host);
  const matches = ours.filter((m) => {
    const named = metadataNamesIdentity(disk.identity, m);
    if (named === false) return false; // its device ids name another disk
    return m.devicePath === disk.path || named === true;
  });
  if (disk.osdId !== undefined) {
    const id = disk.osdId;
    const m = facts.metadata.find((x) => x.id === id);
    if (m && shortHost(m.hostname) !== host) {
      throw new SafetyError(
        "osd_not_here",
        `Cannot remove osd.${id} for "${disk.path}": it runs on host ${m.hostname}, not ${host}`,
        { device: disk.path },
      );
    }
    if (m && !matches.includes(m)) {
      throw new SafetyError(
        "osd_mismatch",
        `Cannot remove osd.${id} for "${disk.path}": its metadata names device ${
          m.devicePath ?? "unknown"
        }${m.deviceIds.length ? ` (${m.deviceIds.join(", ")})` : ""}, not this disk`,
        { device: disk.path },
      );
    }
    if (!facts.dump.osds.some((o) => o.id === id)) return null;
    if (!m && !facts.journaled.includes(id) && !isDestroyed(facts.dump, id)) {
      throw new SafetyError(
        "osd_mismatch",
        `Cannot remove osd.${id} for "${disk.path}": the cluster has no metadata tying it to this host and device`,
        { device: disk.path },
      );
    }
    return { id, fsid: fsidOf(facts.dump, id) };
  }
  const existing = matches.filter((m) => facts.dump.osds.some((o) => o.id === m.id));
  const live = existing.filter((m) => !isDestroyed(facts.dump, m.id));
  if (live.length > 1) {
    const byIdentity = live.filter((m) => metadataNamesIdentity(disk.identity, m) === true);
    if (byIdentity.length !== 1) {
      throw new SafetyError(
        "osd_ambiguous",
        `Cannot tell which OSD used "${disk.path}": ${
          live.map((m) => `osd.${m.id}`).join(", ")
        } all name it; pass the OSD id`,
        { device: disk.path },
      );
    }
    return { id: byIdentity[0]!.id, fsid: fsidOf(facts.dump, byIdentity[0]!.id) };
  }
  const pick = live[0] ?? existing[0];
  if (pick) return { id: pick.id, fsid: fsidOf(facts.dump, pick.id) };
  // Metadata gone: a destroyed OSD this host's journal had on that path (already removed).
  const known = facts.journaled.find((id) => isDestroyed(facts.dump, id));
  return known !== undefined ? { id: known, fsid: fsidOf(facts.dump, known) } : null;
}
