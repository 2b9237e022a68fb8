/**
 * The disk service behind the routes: merges the inventory (identity, type) with the
 * backend's cluster roles, and resolves a request's device path + identity to one disk,
 * refusing unsafe names and identity mismatches before any backend call.
 *
 * @module
 */
import type { BackendDisk, ClusterRole, DiskRef } from "../backend/types.ts";
import type { DiskIdentity } from "../inventory/model.ts";
import { ApiError } from "./problem.ts";
import type { ClusterRoleMsg, DiskMsg } from "./codec/messages.ts";
import type { DiskDeps, InventoryDisk, SeenIdentity } from "./types.ts";

/**
 * Accepted device names: `/dev/<name>` or `/dev/disk/by-{id,path,uuid,partuuid,label}/<name>`,
 * with only `[A-Za-z0-9_.:+-]` characters and no `..`.
 */
export const DEVICE_PATH_REGEXP =
  /^\/dev\/(?:[A-Za-z0-9][A-Za-z0-9_.:+-]{0,63}|disk\/by-(?:id|path|uuid|partuuid|label)\/[A-Za-z0-9_.:+-]{1,200})$/;

/** A resolved disk. */
export interface ResolvedDisk {
  /** The inventory entry; null for a disk that is gone (`allowAbsent`). */
  disk: InventoryDisk | null;
  /** What is passed to the backend. */
  ref: DiskRef;
  /** Keys locked while an operation runs on it. */
  lockKeys: string[];
}

/**
 * Validates a device path from a request.
 *
 * @param path The path.
 * @throws {ApiError} 400 `invalid_device` on anything but a plain /dev name.
 */
export function checkDevicePath(path: string): void {
  if (!DEVICE_PATH_REGEXP.test(path) || path.split("/").some((s) => s === ".." || s === ".")) {
    throw new ApiError(
      400,
      "invalid_device",
      `Cannot use device "${path.slice(0, 80).replace(/[^\x20-\x7e]/g, "?")}": ` +
        "give a path like /dev/sdb or /dev/disk/by-id/<id>",
    );
  }
}

/**
 * Tells whether the identity named by a client designates this disk. Accepts the key
 * (`wwn:…`, `serial:…`, `loop:…`) or the bare serial/WWN (WWN with or without `0x`),
 * case-insensitively.
 *
 * @param given What the client sent.
 * @param id The disk's identity.
 * @returns True on a match.
 */
export function identityMatches(
  given: string,
  id: SeenIdentity | DiskIdentity,
): boolean {
  const g = given.trim().toLowerCase();
  if (g === "") return false;
  const cands = new Set<string>([id.key.toLowerCase()]);
  if (id.serial) {
    cands.add(id.serial.toLowerCase());
    cands.add(`serial:${id.serial.toLowerCase()}`);
  }
  if (id.wwn) {
    const w = id.wwn.toLowerCase();
    const bare = w.replace(/^0x/, "").replace(/^naa\./, "");
    for (const v of [w, bare, `0x${bare}`, `naa.${bare}`]) {
      cands.add(v);
      cands.add(`wwn:${v}`);
    }
  }
  return cands.has(g);
}

function roleMsg(role: ClusterRole | undefined): ClusterRoleMsg {
  if (!role) return { kind: "unknown" };
  if (role.kind === "osd") {
    return {
      kind: "osd",
      osd_id: role.osdId,
      up: role.up,
      is_in: role.in,
      destroyed: role.destroyed,
    };
  }
  return { kind: role.kind };
}

/** Disk listing and request resolution. */
export class DiskService {
  #deps: DiskDeps;

  /**
   * Creates the service.
   *
   * @param deps Backend, inventory, state lookup, tickets.
   */
  constructor(deps: DiskDeps) {
    this.#deps = deps;
  }

  /**
   * Lists the host's disks with identity, type, state and cluster role.
   *
   * @param options Which disks are busy with an operation.
   * @returns The disks in wire form.
   */
  async list(options: { busy?: (path: string) => boolean } = {}): Promise<DiskMsg[]> {
    const [disks, roles] = await Promise.all([
      this.#deps.inventory.list(),
      this.#deps.backend.listDisks().catch(() => null),
    ]);
    const byPath = new Map<string, BackendDisk>((roles ?? []).map((r) => [r.path, r]));
    const out: DiskMsg[] = disks.map((d) => {
      const role = roles === null
        ? undefined
        : (byPath.get(d.path)?.role ?? (d.systemReason ? { kind: "system" } : { kind: "none" }));
      const state = options.busy?.(d.path)
        ? "busy"
        : (this.#deps.stateOf?.(d.identity.key) ?? "unknown");
      const msg: DiskMsg = {
        type: d.type,
        dev_path: d.path,
        partitions: {
          partition: d.partitions.map((p) => ({
            uuid: "",
            first_lba: p.start,
            last_lba: p.start + Math.max(1, Math.floor(p.sizeBytes / 512)) - 1,
            flags: 0,
            name: p.name,
          })),
        },
        identity: {
          key: d.identity.key,
          ...(d.identity.serial ? { serial: d.identity.serial } : {}),
          ...(d.identity.wwn ? { wwn: d.identity.wwn } : {}),
          ...(d.identity.model ? { model: d.identity.model } : {}),
        },
        state,
        role: roleMsg(role as ClusterRole | undefined),
        size_bytes: d.sizeBytes,
      };
      if (d.identity.serial) msg.serial_number = d.identity.serial;
      return msg;
    });
    // The slots of destroyed OSDs whose disk is gone (pulled, dead): shown so operators see
    // what awaits a replacement.
    const listed = new Set(disks.map((d) => d.path));
    for (const r of roles ?? []) {
      if (listed.has(r.path) || r.role.kind !== "osd" || !r.role.destroyed) continue;
      out.push({
        type: "UNKNOWN",
        dev_path: r.path,
        partitions: { partition: [] },
        identity: { key: "" },
        state: "gone",
        role: roleMsg(r.role),
        size_bytes: 0,
      });
    }
    return out;
  }

  /**
   * Resolves a device path and identity to one disk of this host. With `allowAbsent`, a
   * path no longer in the inventory (a dead or pulled disk) resolves to a reference the
   * backend looks up in the cluster metadata (B-24); it must name the identity the caller
   * last saw there, and may name the OSD id.
   *
   * @param path Device path from the request.
   * @param identity Serial/WWN/key from the request.
   * @param options Whether the identity is mandatory (every mutating call), whether a
   *   disk that is gone is accepted, and the caller's OSD id.
   * @returns The disk.
   * @throws {ApiError} 400 bad name / missing identity, 404 unknown disk, 412 mismatch,
   *   422 disk without a stable identity.
   */
  async resolve(
    path: string,
    identity: string | undefined,
    options: { requireIdentity: boolean; allowAbsent?: boolean; osdId?: number | undefined },
  ): Promise<ResolvedDisk> {
    checkDevicePath(path);
    if (options.requireIdentity && !identity) {
      throw new ApiError(
        400,
        "identity_required",
        `Cannot change disk "${path}": name its serial or WWN in "disk_identity" as well`,
        { device: path },
      );
    }
    const disks = await this.#deps.inventory.list();
    const disk = disks.find((d) => d.path === path || d.identity.byIdPath === path);
    const osd = options.osdId !== undefined ? { osdId: options.osdId } : {};
    if (!disk && options.allowAbsent) {
      const last = identity?.trim();
      if (!last) {
        throw new ApiError(
          400,
          "identity_required",
          `Cannot act on disk "${path}": it is not on this host any more; name the serial or ` +
            `WWN last seen there in "disk_identity"`,
          { device: path },
        );
      }
      const seen = this.#deps.seenAt?.(path) ?? [];
      if (seen.length > 0 && !seen.some((s) => identityMatches(last, s))) {
        throw new ApiError(
          412,
          "identity_mismatch",
          `Cannot act on disk "${path}": the disk last seen there is "${
            seen.map((s) => s.key).join('", "')
          }", not "${last.slice(0, 80)}"`,
          { device: path },
        );
      }
      return {
        disk: null,
        ref: { path, identity: last, ...osd },
        lockKeys: [`path:${path}`, `id:${last}`],
      };
    }
    if (!disk) {
      throw new ApiError(404, "disk_not_found", `Cannot find disk "${path}" on this host`, {
        device: path,
      });
    }
    if (identity !== undefined) {
      if (options.requireIdentity && disk.identity.key.startsWith("path:")) {
        throw new ApiError(
          422,
          "no_stable_identity",
          `Cannot change disk "${path}": it has no serial or WWN to check the request against`,
          { device: path },
        );
      }
      if (!identityMatches(identity, disk.identity)) {
        throw new ApiError(
          412,
          "identity_mismatch",
          `Cannot act on disk "${path}": it is "${disk.identity.key}", not ` +
            `"${identity.slice(0, 80)}"; list the disks again`,
          { device: path },
        );
      }
    }
    return {
      disk,
      ref: { path: disk.path, identity: disk.identity.key, ...osd },
      lockKeys: [`path:${disk.path}`, `id:${disk.identity.key}`],
    };
  }
}
