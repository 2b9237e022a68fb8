/**
 * A small real ticket tracker for the `command` plugin test: one JSON request on stdin,
 * one JSON reply on stdout, state in the JSON file named by the first argument.
 *
 * Usage: deno run --allow-read --allow-write fake_tracker.ts <state.json> [--fail-create-after-filing]
 *
 * @module
 */
interface Ticket {
  id: string;
  key: string;
  label: string;
  summary: string;
  description: string;
  state: "open" | "resolved" | "wont_do";
  comments: string[];
}

const [stateFile, flag] = Deno.args;
if (!stateFile) {
  console.error("usage: fake_tracker.ts <state.json>");
  Deno.exit(2);
}
let tickets: Ticket[] = [];
try {
  tickets = JSON.parse(await Deno.readTextFile(stateFile));
} catch { /* first run */ }
const req = JSON.parse(await new Response(Deno.stdin.readable).text());
const save = () => Deno.writeTextFile(stateFile, JSON.stringify(tickets));
const reply = (r: unknown) => console.log(JSON.stringify(r));
const byId = (id: string) => tickets.find((t) => t.id === id);

if (req.version !== 1) {
  reply({ ok: false, error: `unsupported version ${req.version}` });
} else if (req.op === "find") {
  const t = tickets.find((t) => t.label === req.label && t.state === "open");
  reply({ ok: true, ticket: t ? { id: t.id, key: t.key } : null });
} else if (req.op === "create") {
  const id = String(tickets.length + 1);
  tickets.push({
    id,
    key: `DISK-${id}`,
    label: req.label,
    summary: req.summary,
    description: req.description,
    state: "open",
    comments: [],
  });
  await save();
  if (flag === "--fail-create-after-filing" && tickets.length === 1) {
    console.error("connection reset by tracker");
    Deno.exit(1);
  }
  reply({ ok: true, ticket: { id, key: `DISK-${id}`, url: `https://tracker.example/DISK-${id}` } });
} else if (req.op === "status") {
  reply({
    ok: true,
    statuses: req.tickets.map((r: { id: string }) => {
      const t = byId(r.id);
      return t
        ? { id: t.id, state: t.state, status: t.state, resolution: null }
        : { id: r.id, state: "missing" };
    }),
  });
} else if (req.op === "comment" || req.op === "close") {
  const t = byId(req.ticket.id);
  if (!t) reply({ ok: false, error: `no ticket ${req.ticket.id}` });
  else {
    t.comments.push(req.text);
    if (req.op === "close" && t.state === "open") t.state = "resolved";
    await save();
    reply({ ok: true });
  }
} else {
  reply({ ok: false, error: `unknown op ${req.op}` });
}
