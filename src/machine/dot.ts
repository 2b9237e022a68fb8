/**
 * Renders the transition table as Graphviz DOT (`bynar disks --graph`).
 *
 * @module
 */
import { DISK_STATES, TERMINAL_STATES } from "./states.ts";
import { TRANSITIONS } from "./table.ts";

/**
 * Renders the machine as a Graphviz digraph: one node per state (terminal states drawn
 * double), one edge per transition labelled `step: outcome`, and a dashed edge for the
 * budget rule that sends a stuck disk to replacement.
 *
 * @returns The DOT text, ending with a newline.
 */
export function renderDot(): string {
  const lines = [
    "digraph bynar_disk_machine {",
    "  rankdir=LR;",
    '  node [shape=box, style=rounded, fontname="Helvetica"];',
  ];
  for (const s of DISK_STATES) {
    lines.push(`  ${s}${TERMINAL_STATES.has(s) ? " [peripheries=2]" : ""};`);
  }
  for (const e of TRANSITIONS) {
    lines.push(`  ${e.from} -> ${e.to} [label="${e.step}: ${e.on}"];`);
  }
  lines.push('  good -> unscanned [style=dotted, label="next pass"];');
  lines.push(
    '  budget [shape=note, label="any state: attempt budget exhausted\\n(per pass and per disk)"];',
  );
  lines.push('  budget -> waiting_for_replacement [style=dashed, label="give up"];');
  lines.push('  vanished [shape=note, label="any state: disk gone from host"];');
  lines.push('  vanished -> waiting_for_replacement [style=dashed, label="vanished"];');
  lines.push("}");
  return lines.join("\n") + "\n";
}
