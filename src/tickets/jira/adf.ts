/**
 * Atlassian Document Format (ADF) for JIRA Cloud v3 descriptions and comments.
 *
 * @module
 */
import type { DescriptionBlock } from "../text.ts";

/** An ADF node (the subset Bynar writes). */
export interface AdfNode {
  /** Node type (`doc`, `paragraph`, `text`, `bulletList`, `listItem`, `hardBreak`). */
  type: string;
  /** Document version (only on `doc`). */
  version?: number;
  /** Text (only on `text`). */
  text?: string;
  /** Marks such as strong. */
  marks?: { type: string }[];
  /** Children. */
  content?: AdfNode[];
}

function textNode(text: string, strong = false): AdfNode {
  return strong ? { type: "text", text, marks: [{ type: "strong" }] } : { type: "text", text };
}

function paragraphOfLines(lines: string[]): AdfNode {
  const content: AdfNode[] = [];
  lines.forEach((line, i) => {
    if (i > 0) content.push({ type: "hardBreak" });
    if (line) content.push(textNode(line));
  });
  return { type: "paragraph", content };
}

/**
 * Converts plain text to an ADF document: blank lines separate paragraphs, single
 * newlines become hard breaks.
 *
 * @param text Plain text.
 * @returns The ADF document.
 */
export function plainToAdf(text: string): AdfNode {
  const paras = text.split(/\n{2,}/).map((p) => paragraphOfLines(p.split("\n")));
  return { type: "doc", version: 1, content: paras };
}

/**
 * Renders description blocks as an ADF document (fields in bold, lists as bullets).
 *
 * @param blocks The blocks.
 * @returns The ADF document.
 */
export function blocksToAdf(blocks: readonly DescriptionBlock[]): AdfNode {
  const content: AdfNode[] = [];
  for (const b of blocks) {
    if (b.kind === "paragraph") content.push(paragraphOfLines(b.text.split("\n")));
    else if (b.kind === "fields") {
      const nodes: AdfNode[] = [];
      b.rows.forEach(([k, v], i) => {
        if (i > 0) nodes.push({ type: "hardBreak" });
        nodes.push(textNode(`${k}: `, true), textNode(v));
      });
      content.push({ type: "paragraph", content: nodes });
    } else {
      content.push({ type: "paragraph", content: [textNode(`${b.title}:`, true)] });
      content.push({
        type: "bulletList",
        content: b.items.map((item) => ({
          type: "listItem",
          content: [{ type: "paragraph", content: [textNode(item)] }],
        })),
      });
    }
  }
  return { type: "doc", version: 1, content };
}

/**
 * Extracts the plain text of an ADF node (paragraphs joined by blank lines).
 *
 * @param node An ADF node, or a plain string (v2 bodies).
 * @returns The text.
 */
export function adfToPlain(node: unknown): string {
  if (typeof node === "string") return node;
  if (!node || typeof node !== "object") return "";
  const n = node as AdfNode;
  if (n.type === "text") return n.text ?? "";
  if (n.type === "hardBreak") return "\n";
  const inner = (n.content ?? []).map(adfToPlain);
  return n.type === "doc" || n.type === "bulletList" ? inner.join("\n\n") : inner.join("");
}
