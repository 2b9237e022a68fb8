/**
 * Vendor-ready ticket text for a server part (pure): what failed, where it sits, the
 * identity a vendor asks for (model, serial, part and spare part numbers), the BMC's own
 * evidence, and what the technician must do.
 *
 * @module
 */
import type { TicketDisk } from "../tickets/types.ts";
import type { DescriptionBlock } from "../tickets/types.ts";
import type { PartKind } from "./model.ts";
import { partTicketKey, type PartWorkflow } from "./workflow.ts";

const KIND_TEXT: Record<PartKind, string> = {
  power_supply: "power supply",
  fan: "fan",
  memory: "memory module (DIMM)",
  processor: "processor",
  storage_controller: "storage controller",
  drive: "drive",
  chassis: "chassis",
  system: "system board",
  manager: "BMC",
};

function evidenceLines(wf: PartWorkflow): string[] {
  const e = wf.evidence;
  const s = wf.status;
  const out = [
    `Status: State ${s.state ?? "-"}, Health ${s.health ?? "-"}` +
    (s.healthRollup ? `, HealthRollup ${s.healthRollup}` : ""),
  ];
  if (e.correctableErrors !== undefined) out.push(`Correctable ECC errors: ${e.correctableErrors}`);
  if (e.uncorrectableErrors !== undefined) {
    out.push(`Uncorrectable ECC errors: ${e.uncorrectableErrors}`);
  }
  if (e.alarmTrips?.length) out.push(`Alarm trips: ${e.alarmTrips.join(", ")}`);
  if (e.failurePredicted !== undefined) out.push(`FailurePredicted: ${e.failurePredicted}`);
  if (e.predictedMediaLifeLeftPercent !== undefined) {
    out.push(`PredictedMediaLifeLeftPercent: ${e.predictedMediaLifeLeftPercent}`);
  }
  if (e.controller) out.push(`Behind controller: ${e.controller}`);
  for (const ev of wf.events) {
    out.push(`Event log ${ev.created ?? "?"} ${ev.severity ?? "?"}: ${ev.message}`);
  }
  return out;
}

/**
 * The ticket input for a part workflow (label from the part serial, else the slot).
 *
 * @param wf The workflow.
 * @param actions Actions already taken (e.g. host maintenance).
 * @returns What the ticket plugins file.
 */
export function partTicket(wf: PartWorkflow, actions: string[] = []): TicketDisk {
  const what = KIND_TEXT[wf.kind];
  const where = wf.location ?? wf.name;
  const rows: [string, string][] = [
    ["Host", wf.host],
    ["Part", what],
    ["Name", wf.name],
    ["Location", where],
    ["Manufacturer", wf.manufacturer ?? "unknown"],
    ["Model", wf.model ?? "unknown"],
    ["Serial", wf.serial ?? "not reported by the BMC"],
    ["Part number", wf.partNumber ?? "unknown"],
  ];
  if (wf.sparePartNumber) rows.push(["Spare part number", wf.sparePartNumber]);
  rows.push(["BMC", wf.endpoint], ["BMC resource", wf.uri]);
  const todo = wf.needsHostDown
    ? `Replacing it needs the host powered down. Bynar asks the storage cluster first and ` +
      `comments here when the host may go down; wait for that comment. Then power the host ` +
      `down, replace the part in the same slot, power it up and resolve this ticket. Bynar ` +
      `verifies the new part through the BMC (a new serial, Health OK), gives the host back ` +
      `to the cluster and closes this ticket.`
    : `The part is replaced with the host running. Replace it in the same slot and resolve ` +
      `this ticket; Bynar verifies the new part through the BMC (a new serial, Health OK) and ` +
      `closes this ticket. A won't-do resolution is reported, not acted on.`;
  const description: DescriptionBlock[] = [
    { kind: "paragraph", text: `Bynar found a failed ${what} on ${wf.host} that needs replacing.` },
    { kind: "fields", rows },
    { kind: "list", title: "Why", items: wf.reasons.length ? wf.reasons : ["not given"] },
    { kind: "list", title: "BMC evidence", items: evidenceLines(wf) },
    {
      kind: "list",
      title: "Actions already taken",
      items: actions.length ? actions : ["none yet"],
    },
    { kind: "paragraph", text: todo },
  ];
  return {
    host: wf.host,
    serial: partTicketKey(wf),
    path: where,
    slot: where,
    model: wf.model,
    reasons: wf.reasons,
    actions,
    part: { subject: `failed ${what} ${wf.serial ?? where}`, description },
  };
}
