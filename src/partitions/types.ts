/**
 * Typed results of the partition table parser.
 *
 * Pure data.
 *
 * @module
 */

/** The partition table kind, named like sfdisk's `label`. */
export type PartitionTableKind = "gpt" | "dos";

/** One partition; start and size in 512-byte sectors like sfdisk on a 512-byte device. */
export interface PartitionEntry {
  /** Partition number (GPT: entry index + 1; DOS: 1–4 primary, 5+ logical). */
  number: number;
  /** Start, 512-byte sectors. */
  start: number;
  /** Size, 512-byte sectors. */
  size: number;
  /** GPT type GUID (upper case) or the DOS type byte as hex ("83", "5"). */
  type: string;
  /** GPT unique partition GUID (upper case), or for DOS the PARTUUID `<disk id>-<NN>`. */
  uuid: string;
  /** GPT partition name, or null for DOS. */
  name: string | null;
  /** DOS boot flag (always false for GPT). */
  bootable: boolean;
}

/** A parsed partition table. */
export interface PartitionTable {
  /** "gpt" or "dos". */
  table: PartitionTableKind;
  /** GPT disk GUID (upper case) or the DOS disk id as "0x" + 8 hex digits. */
  id: string;
  /** Which GPT copy was used ("primary" for DOS). */
  source: "primary" | "backup";
  /** The logical sector size the table was read with. */
  sectorSize: number;
  /** The partitions in table order. */
  partitions: PartitionEntry[];
}
