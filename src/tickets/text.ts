/**
 * Pure ticket text: the disk label, summary and description of a dead-disk ticket.
 *
 * The description is built as blocks, rendered as plain text (JIRA v2, the command
 * plugin) or as an Atlassian Document Format document (JIRA Cloud v3).
 *
 * @module
 */
import type { DescriptionBlock, TicketDisk } from "./types.ts";

export type { DescriptionBlock } from "./types.ts";

/** JIRA's maximum label length. */
const LABEL_MAX = 255;

/** The label every Bynar ticket carries. */
export const BYNAR_LABEL = "bynar";

/**
 * Makes a string a valid JIRA label: lower case, no whitespace, only `[a-z0-9._-]`,
 * runs of other characters turned into one `-`, at most 255 characters.
 *
 * @param raw The raw text.
 * @returns The label part (may be empty when `raw` has no usable character).
 */
export function sanitizeLabel(raw: string): string {
  return raw.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "").slice(0, LABEL_MAX);
}

/**
 * The label that identifies a disk's ticket: `bynar-<host>-<serial>`, sanitised.
 *
 * @param disk Host and serial.
 * @returns The label.
 * @throws {TypeError} When host or serial has no usable character.
 */
export function diskLabel(disk: Pick<TicketDisk, "host" | "serial">): string {
  const host = sanitizeLabel(disk.host);
  const serial = sanitizeLabel(disk.serial);
  if (!host || !serial) {
    throw new TypeError(
      `Cannot derive a ticket label for disk "${disk.serial}" on "${disk.host}": ` +
        "host and serial must contain letters or digits",
    );
  }
  return `${BYNAR_LABEL}-${host}-${serial}`.slice(0, LABEL_MAX);
}

/**
 * The ticket summary: `Bynar: dead disk <serial> on <host>` (for a part: `Bynar: <subject> on
 * <host>`).
 *
 * @param disk The disk.
 * @returns The summary (one line, at most 255 characters).
 */
export function ticketSummary(disk: Pick<TicketDisk, "host" | "serial" | "part">): string {
  const what = disk.part ? disk.part.subject : `dead disk ${disk.serial}`;
  return `Bynar: ${what} on ${disk.host}`.replace(/\s+/g, " ").slice(0, 255);
}

/**
 * The description blocks of a dead-disk ticket.
 *
 * @param disk The disk.
 * @returns Blocks: intro, identity fields, reasons, actions, instructions.
 */
export function descriptionBlocks(disk: TicketDisk): DescriptionBlock[] {
  if (disk.part) return disk.part.description;
  const rows: [string, string][] = [["Host", disk.host], ["Device", disk.path]];
  if (disk.slot) rows.push(["Slot", disk.slot]);
  rows.push(["Model", disk.model ?? "unknown"], ["Serial", disk.serial]);
  rows.push(["WWN", disk.wwn ?? "unknown"]);
  if (disk.osdId !== undefined && disk.osdId !== null) rows.push(["Ceph OSD", `osd.${disk.osdId}`]);
  return [
    { kind: "paragraph", text: `Bynar found a dead disk on ${disk.host} that needs replacing.` },
    { kind: "fields", rows },
    { kind: "list", title: "Why", items: disk.reasons.length ? disk.reasons : ["not given"] },
    {
      kind: "list",
      title: "Actions already taken",
      items: disk.actions.length ? disk.actions : ["none yet"],
    },
    { kind: "paragraph", text: instructions(disk) },
  ];
}

/**
 * What people should do, from what Bynar did (never "Bynar adds it back" for a disk it did
 * not remove). Pure.
 *
 * @param disk The disk and its removal state.
 * @returns The instructions paragraph.
 */
export function instructions(disk: TicketDisk): string {
  const wontDo = "A won't-do resolution is reported, not acted on.";
  switch (disk.removal ?? "removed") {
    case "removed":
      return "Replace the disk in the same slot, then resolve this ticket as done. Bynar " +
        "checks the new disk, adds it back" +
        (disk.osdId !== undefined && disk.osdId !== null ? ` as osd.${disk.osdId}` : "") +
        ` and comments here. ${wontDo}`;
    case "not_removed":
      return "Bynar has NOT removed this disk from the cluster" +
        (disk.notRemovedReason ? ` (${disk.notRemovedReason})` : "") +
        ". Do not pull it yet: Bynar removes it when that is safe and comments here; then " +
        "replace it and resolve this ticket, and Bynar adds the new disk. " + wontDo;
    case "awaiting_approval":
      return "Bynar has NOT removed this disk: an operator must approve it first " +
        `(bynar approve ${disk.serial} on ${disk.host}). Do not pull it before Bynar comments ` +
        `that it was removed. ${wontDo}`;
    case "not_in_cluster":
      return "This disk is not part of the Ceph cluster: Bynar removed nothing and adds " +
        "nothing back. Replace it and resolve this ticket as done.";
  }
}

/**
 * Renders description blocks as plain text.
 *
 * @param blocks The blocks.
 * @returns The text.
 */
export function renderPlain(blocks: readonly DescriptionBlock[]): string {
  return blocks.map((b) => {
    switch (b.kind) {
      case "paragraph":
        return b.text;
      case "fields":
        return b.rows.map(([k, v]) => `${k}: ${v}`).join("\n");
      case "list":
        return `${b.title}:\n${b.items.map((i) => `- ${i}`).join("\n")}`;
    }
  }).join("\n\n");
}
