import assert from "node:assert/strict";
import { readSmart } from "./read.ts";
import type { CommandResult, CommandRunner, RunOptions } from "../process/run.ts";
import { AtaSmartDisk } from "../../ffi/libatasmart/mod.ts";
import { CommandError, FfiError } from "../errors.ts";
import type { AtaOpener } from "./ata/libatasmart.ts";
import type { SmartIdentify, SmartReport } from "./model.ts";
import type { NvmeLogReader } from "./nvme/source.ts";
import { assess } from "./policy.ts";
import { ataDriveDouble } from "../../tests/builders/ata_drive.ts";

const FIXTURES = new URL("../../../shared/fixtures/", import.meta.url);
const BLOB = new URL("smart-blobs/SAMSUNG_HD501LJ--CR100-12", FIXTURES);
const NVME_JSON = new URL(
  "smartctl-json/nvme-null-SAMSUNG_MZWLL3T2HAJQ-00005-nvme0.json",
  FIXTURES,
);

const ID: SmartIdentify = { model: "NVMe Model", serial: "S123", firmware: "1.0", wwn: null };

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
      new FfiError("libatasmart", "sk_disk_open failed (EPERM)", {
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
  const r = await readSmart("/dev/sdq", { runner, ataOpener: BLOB_OPENER, ataPassThrough: null });
  assert.equal(r.source, "wasm");
  assert.equal(r.device, "/dev/sdq");
  assert.equal(r.identify?.model, "SAMSUNG HD501LJ");
  assert.equal(runner.calls.length, 0);
  const ref = await readSmart("/dev/sdq", {
    runner,
    ataOpener: BLOB_OPENER,
    ataParser: null,
    ataPassThrough: null,
  });
  assert.equal(ref.source, "libatasmart", "ataParser: null keeps libatasmart's own parsing");
  // libatasmart does not expose the WWN; the WASM parser decodes it from IDENTIFY words 108-111
  assert.equal(ref.identify?.wwn, null);
  assert.match(r.identify?.wwn ?? "", /^[0-9a-f]{16}$/);
  const noWwn = (x: typeof r) => ({ ...x, source: "x", identify: { ...x.identify!, wwn: null } });
  assert.deepEqual(noWwn(r), noWwn(ref), "apart from the WWN the WASM report equals libatasmart's");
});

/** A log reader failing like the admin ioctl on a device that is not NVMe. */
const ENOTTY_READER: NvmeLogReader = {
  read: (path) =>
    Promise.reject(
      new FfiError("libc", `Cannot read NVMe log page 0x02 of "${path}": ENOTTY`, {
        op: "ioctl NVME_IOCTL_ADMIN_CMD",
        errno: 25,
        device: path,
      }),
    ),
};

Deno.test("NVMe: a failing log page read falls back to smartctl --json -a, saying why", async () => {
  const failures: [string, NvmeLogReader][] = [
    ["ENOTTY", ENOTTY_READER],
    ["EACCES", { read: () => Promise.reject(new Deno.errors.PermissionDenied("EACCES")) }],
    ["ENOENT", { read: () => Promise.reject(new Deno.errors.NotFound("ENOENT")) }],
    ["sandbox", { read: () => Promise.reject(new Deno.errors.NotCapable("sandbox")) }],
    ["short page", {
      read: () => Promise.resolve({ healthLog: new Uint8Array(100), identify: ID }),
    }],
  ];
  for (const [why, reader] of failures) {
    const runner = recordingRunner({ code: 8, stdout: Deno.readTextFileSync(NVME_JSON) });
    let opened = false;
    const opener: AtaOpener = { open: () => (opened = true, Promise.reject(new Error("no"))) };
    const r = await readSmart("/dev/nvme0n1", { runner, ataOpener: opener, nvmeLogReader: reader });
    assert.equal(opened, false, "libatasmart is never asked about NVMe");
    assert.deepEqual(runner.calls, [["smartctl", "--json", "-a", "/dev/nvme0n1"]], why);
    assert.equal(r.source, "smartctl");
    assert.equal(r.device, "/dev/nvme0n1");
    assert.equal(r.smartctlExitStatus, 8);
    assert.match(r.messages?.[0] ?? "", /^fell back to smartctl: NVMe health log page: /, why);
    assert.match(
      r.messages![0]!,
      why === "short page"
        ? /Cannot parse the NVMe health log page for "\/dev\/nvme0n1"/
        : new RegExp(why),
    );
  }
});

Deno.test("NVMe: the real log reader on an absent device falls back to smartctl", async () => {
  if ([...Deno.readDirSync("/dev")].some((e) => /^nvme\d/.test(e.name))) return; // real NVMe here
  const runner = recordingRunner({ code: 8, stdout: Deno.readTextFileSync(NVME_JSON) });
  const r = await readSmart("/dev/nvme0n1", { runner });
  assert.equal(r.source, "smartctl");
  assert.equal(runner.calls.length, 1);
  assert.match(r.messages![0]!, /NVMe health log page: .*nvme0n1/);
});

Deno.test("NVMe: a readable log page is parsed by WASM and smartctl is not run", async () => {
  const runner = recordingRunner({});
  const page = new Uint8Array(512);
  page[0] = 0x04; // reliability degraded
  page[1] = 0x2c; // 300 K = 27 °C
  page[2] = 0x01;
  page[3] = 90;
  page[4] = 10;
  page[5] = 3;
  page[128] = 0x10; // 16 power-on hours
  const reader: NvmeLogReader = { read: () => Promise.resolve({ healthLog: page, identify: ID }) };
  const r = await readSmart("/dev/nvme1n1", { runner, nvmeLogReader: reader, diskType: "NVME" });
  assert.equal(runner.calls.length, 0);
  assert.equal(r.source, "wasm");
  assert.equal(r.protocol, "NVMe");
  assert.deepEqual(r.identify, ID);
  assert.equal(r.smartStatusGood, false);
  assert.equal(r.temperatureCelsius, 27);
  assert.equal(r.powerOnHours, 16);
  assert.deepEqual(
    [r.nvme?.criticalWarning, r.nvme?.availableSpare, r.nvme?.availableSpareThreshold],
    [4, 90, 10],
  );
  const skip = await readSmart("/dev/nvme1n1", {
    runner: recordingRunner({ code: 0, stdout: Deno.readTextFileSync(NVME_JSON) }),
    nvmeLogReader: reader,
    prefer: "smartctl",
  });
  assert.equal(skip.source, "smartctl", "prefer: smartctl skips the log page");
  assert.deepEqual(skip.messages?.filter((m) => m.startsWith("fell back")), []);
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
  const r = await readSmart("/dev/sdz", {
    runner: missing,
    ataOpener: EPERM_OPENER,
    ataPassThrough: null,
  });
  assert.match(r.unavailableReason ?? "", /smartctl: Cannot run "smartctl"/);
  const garbage = recordingRunner({ code: 2, stdout: "", stderr: "Smartctl open device failed" });
  const g = await readSmart("/dev/sdz", {
    runner: garbage,
    ataOpener: EPERM_OPENER,
    ataPassThrough: null,
  });
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
  const r = await readSmart("/dev/sdq", {
    ataOpener: BLOB_OPENER,
    ataParser: parser,
    ataPassThrough: null,
  });
  assert.equal(r.source, "wasm");
  assert.equal(seen!.length, 512);
  assert.equal(status!.length, 4, "the SMART status is queried so the pages include it");
});

/** A libatasmart disk that opens and then fails, as on SCSI/SAS disks and scsi_debug. */
const OPENS_THEN_FAILS: AtaOpener = {
  open: (path) =>
    Promise.resolve(
      {
        smartStatus: () => Promise.resolve(null),
        getBlob: () => {
          throw new FfiError("libatasmart", `sk_disk_get_blob failed (ENODATA) for "${path}"`, {
            op: "sk_disk_get_blob",
            errno: 61,
            device: path,
          });
        },
        close: () => {},
        [Symbol.dispose]: () => {},
      } as unknown as AtaSmartDisk,
    ),
};

/** smartctl on a scsi_debug disk with failure prediction set (sdparm --set=TEST=1 -p ie). */
const SCSI_FAILURE_PREDICTION = JSON.stringify({
  smartctl: { exit_status: 8, messages: [] },
  device: { name: "/dev/sdc", type: "scsi", protocol: "SCSI" },
  scsi_vendor: "Linux",
  scsi_product: "scsi_debug",
  serial_number: "2000",
  smart_status: {
    passed: false,
    scsi: { asc: 93, ascq: 0, ie_string: "FAILURE PREDICTION THRESHOLD EXCEEDED" },
  },
});

Deno.test("the chain is never blind: native ATA answers first; a refused reader falls through", async () => {
  const blob = Deno.readFileSync(BLOB);
  const runner = recordingRunner({});
  let opened = false;
  const opener: AtaOpener = { open: (p) => ((opened = true), BLOB_OPENER.open(p)) };
  const native = await readSmart("/dev/sdq", {
    runner,
    ataOpener: opener,
    ataPassThrough: ataDriveDouble(blob),
  });
  assert.equal(native.source, "wasm");
  assert.deepEqual(native.attempts, [
    { reader: "ata-sg-io", answered: true, reason: null, sandboxRefused: false },
  ]);
  assert.equal(opened, false);
  assert.equal(runner.calls.length, 0);

  // scsi_debug: ATA PASS-THROUGH is refused, libatasmart opens then fails, smartctl answers.
  const scsi = recordingRunner({ code: 8, stdout: SCSI_FAILURE_PREDICTION });
  const r = await readSmart("/dev/sdc", {
    runner: scsi,
    ataOpener: OPENS_THEN_FAILS,
    ataPassThrough: ataDriveDouble(blob, { notAta: true }),
  });
  assert.equal(r.source, "smartctl");
  assert.equal(r.protocol, "SCSI");
  assert.deepEqual(r.attempts?.map((a) => [a.reader, a.answered]), [
    ["ata-sg-io", false],
    ["libatasmart", false],
    ["smartctl", true],
  ]);
  assert.match(r.attempts![0]!.reason!, /does not accept ATA PASS-THROUGH/);
  assert.match(r.attempts![1]!.reason!, /sk_disk_get_blob failed \(ENODATA\)/);
  assert.match(r.messages![0]!, /^fell back to smartctl: ATA PASS-THROUGH \(SG_IO\): /);
  const a = assess(r);
  assert.equal(a.verdict, "critical");
  assert.ok(a.reasons.some((x) => /FAILING/.test(x)), a.reasons.join("; "));
});

Deno.test("a sandbox refusal of every reader is UNKNOWN, a Bynar configuration problem", async () => {
  const denied = (what: string) =>
    new Deno.errors.NotCapable(`Requires ${what}, run again with the --allow-run flag`);
  const runner: CommandRunner = { run: () => Promise.reject(denied('run access to "smartctl"')) };
  const r = await readSmart("/dev/sdq", {
    runner,
    ataOpener: { open: () => Promise.reject(denied("ffi access")) },
    ataPassThrough: { send: () => Promise.reject(denied('read access to "/dev/sdq"')) },
  });
  assert.equal(r.source, "none");
  assert.deepEqual(r.attempts?.map((a) => a.sandboxRefused), [true, true, true]);
  assert.match(r.configurationProblem ?? "", /^Bynar configuration problem, not a disk fault/);
  assert.match(
    r.unavailableReason ?? "",
    /ATA PASS-THROUGH \(SG_IO\): Requires read access.*libatasmart: Requires ffi.*smartctl: Requires run/,
  );
  const a = assess(r);
  assert.equal(a.verdict, "unknown");
  assert.match(
    a.reasons[0]!,
    /configuration problem.*Fix: run Bynar as root through its packaged launcher/,
  );
});
