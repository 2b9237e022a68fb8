import assert from "node:assert/strict";
import { readSmart } from "./read.ts";
import type { CommandResult, CommandRunner, RunOptions } from "../process/run.ts";
import { AtaSmartDisk } from "../../ffi/libatasmart/mod.ts";
import { CommandError, FfiError } from "../errors.ts";
import type { AtaOpener } from "./atasmart_source.ts";
import type { SmartReport } from "./model.ts";

const FIXTURES = new URL("../../../shared/fixtures/", import.meta.url);
const BLOB = new URL("smart-blobs/SAMSUNG_HD501LJ--CR100-12", FIXTURES);
const NVME_JSON = new URL(
  "smartctl-json/nvme-null-SAMSUNG_MZWLL3T2HAJQ-00005-nvme0.json",
  FIXTURES,
);

/** A runner that replays one smartctl output and records calls. */
function recordingRunner(result: Partial<CommandResult>): CommandRunner & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    run(cmd: string, args: string[], _o?: RunOptions): Promise<CommandResult> {
      calls.push([cmd, ...args]);
      return Promise.resolve({ code: 0, signal: null, stdout: "", stderr: "", ...result });
    },
  };
}

/** An opener that fails like libatasmart does on a virtio disk. */
const EPERM_OPENER: AtaOpener = {
  open: (path) =>
    Promise.reject(
      new FfiError("libatasmart", "sk_disk_open failed", {
        op: "sk_disk_open",
        errno: 1,
        device: path,
      }),
    ),
};

/** An opener serving a real dump through the real libatasmart. */
const BLOB_OPENER: AtaOpener = {
  open: (path) => Promise.resolve(AtaSmartDisk.fromBlob(Deno.readFileSync(BLOB), { name: path })),
};

Deno.test("ATA goes through libatasmart's pages, parsed by WASM by default, and smartctl is not run", async () => {
  const runner = recordingRunner({});
  const r = await readSmart("/dev/sdq", { runner, ataOpener: BLOB_OPENER });
  assert.equal(r.source, "wasm");
  assert.equal(r.device, "/dev/sdq");
  assert.equal(r.identify?.model, "SAMSUNG HD501LJ");
  assert.equal(runner.calls.length, 0);
  const ref = await readSmart("/dev/sdq", { runner, ataOpener: BLOB_OPENER, ataParser: null });
  assert.equal(ref.source, "libatasmart", "ataParser: null keeps libatasmart's own parsing");
  // libatasmart does not expose the WWN; the WASM parser decodes it from IDENTIFY words 108-111
  assert.equal(ref.identify?.wwn, null);
  assert.match(r.identify?.wwn ?? "", /^[0-9a-f]{16}$/);
  const noWwn = (x: typeof r) => ({ ...x, source: "x", identify: { ...x.identify!, wwn: null } });
  assert.deepEqual(noWwn(r), noWwn(ref), "apart from the WWN the WASM report equals libatasmart's");
});

Deno.test("NVMe goes straight to smartctl --json -a", async () => {
  const runner = recordingRunner({ code: 8, stdout: Deno.readTextFileSync(NVME_JSON) });
  let opened = false;
  const opener: AtaOpener = { open: () => (opened = true, Promise.reject(new Error("no"))) };
  const r = await readSmart("/dev/nvme0n1", { runner, ataOpener: opener });
  assert.equal(opened, false);
  assert.deepEqual(runner.calls, [["smartctl", "--json", "-a", "/dev/nvme0n1"]]);
  assert.equal(r.source, "smartctl");
  assert.equal(r.device, "/dev/nvme0n1");
  assert.equal(r.smartctlExitStatus, 8);
});

Deno.test("libatasmart failure falls back to smartctl; no SMART anywhere is unavailable", async () => {
  const runner = recordingRunner({
    code: 1,
    stdout:
      '{"smartctl":{"messages":[{"string":"/dev/vda: Unable to detect device type","severity":"error"}],"exit_status":1}}',
  });
  const r = await readSmart("/dev/vda", { runner, ataOpener: EPERM_OPENER });
  assert.equal(r.source, "none");
  assert.equal(runner.calls.length, 1);
  assert.equal(
    r.unavailableReason,
    'SMART is not available for "/dev/vda" (virtio disks have no SMART): libatasmart: ' +
      "sk_disk_open failed (EPERM); smartctl: /dev/vda: Unable to detect device type",
  );
});

Deno.test("smartctl missing or garbage output still yields an unavailable report", async () => {
  const missing: CommandRunner = {
    run: () => Promise.reject(new CommandError(["smartctl"], 'Cannot run "smartctl"')),
  };
  const r = await readSmart("/dev/sdz", { runner: missing, ataOpener: EPERM_OPENER });
  assert.match(r.unavailableReason ?? "", /smartctl: Cannot run "smartctl"/);
  const garbage = recordingRunner({ code: 2, stdout: "", stderr: "Smartctl open device failed" });
  const g = await readSmart("/dev/sdz", { runner: garbage, ataOpener: EPERM_OPENER });
  assert.match(g.unavailableReason ?? "", /Smartctl open device failed/);
});

Deno.test("loop devices are unavailable without running anything", async () => {
  const runner = recordingRunner({});
  const r = await readSmart("/dev/loop3", {
    runner,
    ataOpener: EPERM_OPENER,
    diskType: "LOOPBACK",
  });
  assert.match(r.unavailableReason ?? "", /loop devices have no SMART data/);
  assert.equal(runner.calls.length, 0);
});

Deno.test("a plugged-in ATA page parser receives libatasmart's raw pages", async () => {
  let seen: Uint8Array | null = null;
  let status: Uint8Array | null = null;
  const parser = (
    pages: { identify: Uint8Array | null; status: Uint8Array | null },
    o: { device: string },
  ): SmartReport => {
    seen = pages.identify;
    status = pages.status;
    return {
      source: "wasm",
      protocol: "ATA",
      device: o.device,
      identify: null,
      smartStatusGood: null,
      attributes: [],
      nvme: null,
      scsi: null,
      powerOnHours: null,
      temperatureCelsius: null,
      smartctlExitStatus: null,
      unavailableReason: null,
    };
  };
  const r = await readSmart("/dev/sdq", { ataOpener: BLOB_OPENER, ataParser: parser });
  assert.equal(r.source, "wasm");
  assert.equal(seen!.length, 512);
  assert.equal(status!.length, 4, "the SMART status is queried so the pages include it");
});
