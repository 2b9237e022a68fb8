// Bynar parsing core (AssemblyScript, compiled with `--runtime stub --noAssert -O3`).
//
// Protocol: the host asks `input(len)` for a pointer, copies the raw bytes there, calls
// one parse function and reads fixed-layout results from `output()`. Every function
// returns 0 (or a positive "need more bytes" code) on success and a negative error code on
// malformed input; no function traps or reads outside the bytes it was given.

// ---------------------------------------------------------------------------------------
// Memory layout: [OUT: OUT_CAP bytes][IN: grows on demand]

const OUT_CAP: usize = 16384 * 128 + 4096;
const PAGE: usize = 65536;
let outBase: usize = 0;
let inBase: usize = 0;
let inCap: usize = 0;

function setup(): void {
  if (outBase != 0) return;
  outBase = (__heap_base + 15) & ~(<usize>15);
  inBase = outBase + OUT_CAP;
  inCap = 0;
}

/** Returns a pointer to an input area of at least `len` bytes (grows memory once). */
export function input(len: u32): usize {
  setup();
  const end = inBase + <usize>len;
  const have = <usize>memory.size() * PAGE;
  if (end > have) {
    const pages = <i32>((end - have + PAGE - 1) / PAGE);
    if (memory.grow(pages) < 0) return 0;
  }
  if (<usize>len > inCap) inCap = <usize>len;
  return inBase;
}

/** Returns the pointer of the output area. */
export function output(): usize {
  setup();
  const end = inBase;
  const have = <usize>memory.size() * PAGE;
  if (end > have) memory.grow(<i32>((end - have + PAGE - 1) / PAGE));
  return outBase;
}

// Error codes (negative). Kept in sync with src/parse/errors.ts.
const E_SHORT: i32 = -1; // input shorter than the structure
const E_NO_TABLE: i32 = -2; // no MBR signature
const E_BAD_MBR: i32 = -3; // invalid boot indicator in an MBR entry
const E_GPT_HEADER: i32 = -4; // both GPT headers invalid
const E_GPT_ENTRIES: i32 = -5; // both GPT entry arrays fail their CRC
const E_GPT_TOO_MANY: i32 = -6; // GPT claims more entries than supported / entry size bad
const E_EBR_LOOP: i32 = -7; // an EBR chain points back to a visited EBR
const E_EBR_TOO_MANY: i32 = -8; // more logical partitions than supported
const E_STATE: i32 = -9; // step called in the wrong state
const E_RANGE: i32 = -10; // a structure points outside the device

@inline function u8at(p: usize): u32 { return <u32>load<u8>(inBase + p); }
@inline function u16at(p: usize): u32 { return <u32>load<u16>(inBase + p); }
@inline function u32at(p: usize): u32 { return load<u32>(inBase + p); }
@inline function u64at(p: usize): u64 { return load<u64>(inBase + p); }

// ---------------------------------------------------------------------------------------
// ATA IDENTIFY DEVICE (512 bytes)
//
// Output (u32 words unless noted):
//  [0] serial length, [1] firmware length, [2] model length,
//  [3] wwn high 32, [4] wwn low 32, [5] wwn valid, [6] rotation rate (word 217),
//  [7] lba48 supported, [8] smart supported, [9] smart enabled,
//  [10] logical sector size, [11] physical sector size, [12] checksum state
//       (0 none, 1 valid, 2 invalid), [13] 0,
//  f64 at byte 56: user capacity in logical sectors,
//  bytes 64..85 serial, 96..105 firmware, 112..153 model (cleaned ASCII).

function ataString(src: usize, len: usize, dst: usize): u32 {
  // libatasmart read_string: swap bytes, cut at NUL, non-printables to ' ',
  // collapse runs of spaces, trim.
  let n: usize = 0;
  let prevSpace = false;
  let started = false;
  for (let i: usize = 0; i < len; i++) {
    const c = u8at(src + (i ^ 1));
    if (c == 0) break;
    const ch: u32 = c < 32 || c >= 127 ? 32 : c;
    if (ch == 32) {
      if (started) prevSpace = true;
      continue;
    }
    if (prevSpace) {
      store<u8>(outBase + dst + n, 32);
      n++;
      prevSpace = false;
    }
    store<u8>(outBase + dst + n, <u8>ch);
    n++;
    started = true;
  }
  return <u32>n;
}

export function ataIdentify(len: u32): i32 {
  if (len < 512) return E_SHORT;
  const out = output();
  memory.fill(out, 0, 160);
  store<u32>(out + 0, ataString(20, 20, 64));
  store<u32>(out + 4, ataString(46, 8, 96));
  store<u32>(out + 8, ataString(54, 40, 112));
  // WWN: words 108..111, NAA in the top nibble of word 108; valid when word 87 bit 8.
  const w87 = u16at(87 * 2);
  const hi = (u16at(108 * 2) << 16) | u16at(109 * 2);
  const lo = (u16at(110 * 2) << 16) | u16at(111 * 2);
  store<u32>(out + 12, hi);
  store<u32>(out + 16, lo);
  store<u32>(out + 20, (w87 & 0xC000) == 0x4000 && (w87 & 0x100) != 0 && (hi | lo) != 0 ? 1 : 0);
  store<u32>(out + 24, u16at(217 * 2));
  const w83 = u16at(83 * 2);
  const lba48 = (w83 & 0xC000) == 0x4000 && (w83 & 0x400) != 0;
  store<u32>(out + 28, lba48 ? 1 : 0);
  const w82 = u16at(82 * 2);
  const w85 = u16at(85 * 2);
  const w82ok = w82 != 0 && w82 != 0xFFFF;
  store<u32>(out + 32, w82ok && (w82 & 1) != 0 ? 1 : 0);
  store<u32>(out + 36, w82ok && (w85 & 1) != 0 ? 1 : 0);
  // Sector sizes: word 106 valid when bits 15:14 == 01.
  const w106 = u16at(106 * 2);
  let logical: u32 = 512;
  let physical: u32 = 512;
  if ((w106 & 0xC000) == 0x4000) {
    if ((w106 & 0x1000) != 0) {
      const words = (u16at(118 * 2) << 16) | u16at(117 * 2);
      if (words >= 256 && words <= 0x8000) logical = words * 2;
    }
    if ((w106 & 0x2000) != 0) {
      physical = logical << (w106 & 0xF);
    } else {
      physical = logical;
    }
  }
  store<u32>(out + 40, logical);
  store<u32>(out + 44, physical);
  // Integrity word 255: low byte 0xA5 means the high byte is a checksum.
  const w255 = u16at(255 * 2);
  let state: u32 = 0;
  if ((w255 & 0xFF) == 0xA5) {
    let sum: u32 = 0;
    for (let i: usize = 0; i < 512; i++) sum += u8at(i);
    state = (sum & 0xFF) == 0 ? 1 : 2;
  }
  store<u32>(out + 48, state);
  let capacity: f64 = 0;
  if (lba48) {
    capacity = <f64>u16at(100 * 2) + <f64>u16at(101 * 2) * 65536.0 +
      <f64>u16at(102 * 2) * 4294967296.0 + <f64>u16at(103 * 2) * 281474976710656.0;
  }
  if (capacity == 0) capacity = <f64>((u16at(61 * 2) << 16) | u16at(60 * 2));
  store<f64>(out + 56, capacity);
  return 0;
}

// ---------------------------------------------------------------------------------------
// ATA SMART READ DATA (512 B at input 0) + optional READ THRESHOLDS (512 B at input 512).
//
// Output header (u32 words): [0] attribute count, [1] offline status byte (362),
//  [2] self-test byte (363), [3] total offline seconds, [4] offline capability (367),
//  [5] smart capability (368-369), [6] short polling, [7] extended polling,
//  [8] conveyance polling, [9] data checksum valid, [10] thresholds present,
//  [11] thresholds checksum valid.
// Attribute records from byte 64, 32 bytes each:
//  u8 id, u8 current, u8 worst, u8 threshold, u16 flags, u16 bits, f64 raw (48-bit),
//  u8 raw[6] at +16, pad.
//  bits: 1 prefailure, 2 online, 4 current valid, 8 worst valid, 16 threshold valid,
//        32 good now, 64 good now valid, 128 threshold found, 256 good in the past,
//        512 good in the past valid.

export function ataSmart(len: u32): i32 {
  if (len < 512) return E_SHORT;
  const hasThr = len >= 1024;
  const out = output();
  let sum: u32 = 0;
  for (let i: usize = 0; i < 512; i++) sum += u8at(i);
  let tsum: u32 = 0;
  if (hasThr) for (let i: usize = 512; i < 1024; i++) tsum += u8at(i);
  store<u32>(out + 4, u8at(362));
  store<u32>(out + 8, u8at(363));
  store<u32>(out + 12, u16at(364));
  store<u32>(out + 16, u8at(367));
  store<u32>(out + 20, u16at(368));
  store<u32>(out + 24, u8at(372));
  store<u32>(out + 28, u8at(373) != 0xFF ? u8at(373) : (u8at(376) << 8) | u8at(375));
  store<u32>(out + 32, u8at(374));
  store<u32>(out + 36, (sum & 0xFF) == 0 ? 1 : 0);
  store<u32>(out + 40, hasThr ? 1 : 0);
  store<u32>(out + 44, hasThr && (tsum & 0xFF) == 0 ? 1 : 0);
  let count: u32 = 0;
  for (let n: usize = 0; n < 30; n++) {
    const p: usize = 2 + n * 12;
    const id = u8at(p);
    if (id == 0) continue;
    const rec = out + 64 + <usize>count * 32;
    const f1 = u8at(p + 1);
    const cur = u8at(p + 3);
    const worst = u8at(p + 4);
    let bits: u32 = (f1 & 1) | (f1 & 2);
    const curValid = cur >= 1 && cur <= 0xFD;
    const worstValid = worst >= 1 && worst <= 0xFD;
    if (curValid) bits |= 4;
    if (worstValid) bits |= 8;
    let thr: u32 = 0;
    if (hasThr) {
      for (let m: usize = 0; m < 30; m++) {
        const q: usize = 512 + 2 + m * 12;
        if (u8at(q) == id) {
          thr = u8at(q + 1);
          bits |= 128 | 32 | 256;
          if (thr != 0xFE) bits |= 16;
          if (thr >= 1 && thr <= 0xFD) {
            if (worstValid) {
              if (worst <= thr) bits &= ~(<u32>256);
              bits |= 512;
            }
            if (curValid) {
              if (cur <= thr) bits &= ~(<u32>32);
              bits |= 64;
            }
          }
          break;
        }
      }
    }
    store<u8>(rec, <u8>id);
    store<u8>(rec + 1, <u8>cur);
    store<u8>(rec + 2, <u8>worst);
    store<u8>(rec + 3, <u8>thr);
    store<u16>(rec + 4, <u16>((u8at(p + 2) << 8) | f1));
    store<u16>(rec + 6, <u16>bits);
    const raw: f64 = <f64>u32at(p + 5) + <f64>u16at(p + 9) * 4294967296.0;
    store<f64>(rec + 8, raw);
    store<u32>(rec + 16, u32at(p + 5));
    store<u16>(rec + 20, <u16>u16at(p + 9));
    count++;
  }
  store<u32>(out, count);
  return 0;
}

// ---------------------------------------------------------------------------------------
// NVMe SMART / Health Information log page 02h (512 B).
//
// Output: u32 [0] critical warning, [1] composite temperature (K), [2] available spare,
//  [3] spare threshold, [4] percentage used, [5] endurance group warning,
//  [6] warning temperature time, [7] critical temperature time,
//  [8..15] temperature sensors 1-8 (K, 0 = not reported);
//  from byte 64: eleven 128-bit counters as 16 little-endian bytes each, in order:
//  data units read, data units written, host reads, host writes, controller busy time,
//  power cycles, power-on hours, unsafe shutdowns, media errors, error log entries,
//  (reserved: thermal transition counts packed as u32s at byte 240..255).

export function nvmeHealth(len: u32): i32 {
  if (len < 512) return E_SHORT;
  const out = output();
  store<u32>(out + 0, u8at(0));
  store<u32>(out + 4, u16at(1));
  store<u32>(out + 8, u8at(3));
  store<u32>(out + 12, u8at(4));
  store<u32>(out + 16, u8at(5));
  store<u32>(out + 20, u8at(6));
  store<u32>(out + 24, u32at(192));
  store<u32>(out + 28, u32at(196));
  for (let i: usize = 0; i < 8; i++) store<u32>(out + 32 + i * 4, u16at(200 + i * 2));
  // counters at 32, 48, ... 176 (10 counters of 16 bytes)
  for (let i: usize = 0; i < 10; i++) {
    store<u64>(out + 64 + i * 16, u64at(32 + i * 16));
    store<u64>(out + 72 + i * 16, u64at(40 + i * 16));
  }
  return 0;
}

// ---------------------------------------------------------------------------------------
// CRC32 (IEEE 802.3, reflected, as used by GPT)

const CRC_TABLE: usize = memory.data(1024);
let crcReady = false;

function crcInit(): void {
  for (let i: u32 = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
    store<u32>(CRC_TABLE + (<usize>i << 2), c);
  }
  crcReady = true;
}

function crc32(p: usize, len: usize): u32 {
  if (!crcReady) crcInit();
  let c: u32 = 0xFFFFFFFF;
  for (let i: usize = 0; i < len; i++) {
    const b: u32 = <u32>load<u8>(p + i);
    c = load<u32>(CRC_TABLE + (<usize>((c ^ b) & 0xFF) << 2)) ^ (c >>> 8);
  }
  return c ^ 0xFFFFFFFF;
}

/** CRC32 of `len` input bytes (exported for tests and the TS side). */
export function crc32Input(len: u32): u32 {
  setup();
  return crc32(inBase, len);
}

// ---------------------------------------------------------------------------------------
// Partition tables: a resumable state machine driven by the host.
//
// ptBegin(sectorSize, deviceBytes) then repeatedly: read `ptNeedLength()` bytes at
// `ptNeedOffset()` into input(), call ptStep(bytesRead). ptStep returns 1 while it needs
// more bytes, 0 when done (results in output()), or a negative error code.
//
// Output header (u32): [0] table (1 gpt, 2 dos), [1] source (0 primary, 1 backup),
//  [2] count, [3] sector size, [4] dos disk id, [5] primary error code (0 = none),
//  bytes 32..47 GPT disk GUID (canonical byte order), f64 at 48 first usable (512 units),
//  f64 at 56 last usable (512 units).
// Records from byte 128, 128 bytes each: u32 number, u32 type (dos type byte, or 0),
//  f64 start (512-byte sectors), f64 size (512-byte sectors), bytes 24..39 type GUID,
//  40..55 unique GUID, 56..127 name (UTF-16LE, 36 units); dos: type | 0x100 when bootable.

const S_IDLE: i32 = 0;
const S_START: i32 = 1;
const S_GPT_ENTRIES: i32 = 2;
const S_GPT_BACKUP_HDR: i32 = 3;
const S_EBR: i32 = 4;

const MAX_ENTRIES: u32 = 16384;
const MAX_LOGICAL: u32 = 1024;
const REC: usize = 128;

let state: i32 = S_IDLE;
let ss: u64 = 512;
let devBytes: u64 = 0;
let needOff: u64 = 0;
let needLen: u32 = 0;
let usingBackup = false;
let primaryError: i32 = 0;
// GPT header fields of the header in use
let hEntriesLba: u64 = 0;
let hCount: u32 = 0;
let hEntrySize: u32 = 0;
let hEntriesCrc: u32 = 0;
let hFirstUsable: u64 = 0;
let hLastUsable: u64 = 0;
// DOS extended chain
let extStart: u64 = 0;
let ebrCur: u64 = 0;
let logicalNo: u32 = 5;
const VISITED: usize = memory.data(<i32>(MAX_LOGICAL * 8));
let visitedCount: u32 = 0;

export function ptNeedOffset(): f64 { return <f64>needOff; }
export function ptNeedLength(): u32 { return needLen; }

function need(off: u64, len: u32, next: i32): i32 {
  if (off + <u64>len > devBytes || off + <u64>len < off) return E_RANGE;
  needOff = off;
  needLen = len;
  state = next;
  return 1;
}

export function ptBegin(sectorSize: u32, deviceBytes: f64): i32 {
  setup();
  const out = output();
  memory.fill(out, 0, 128);
  ss = <u64>sectorSize;
  devBytes = <u64>deviceBytes;
  usingBackup = false;
  primaryError = 0;
  visitedCount = 0;
  logicalNo = 5;
  const want: u64 = devBytes < 8192 ? devBytes : 8192;
  if (want < 512) return E_SHORT;
  return need(0, <u32>want, S_START);
}

function fail(code: i32): i32 {
  state = S_IDLE;
  return code;
}

function done(): i32 {
  state = S_IDLE;
  return 0;
}

function hasSig(p: usize, len: u32): bool {
  // "EFI PART"
  return <usize>len >= p + 8 && u32at(p) == 0x20494645 && u32at(p + 4) == 0x54524150;
}

export function ptStep(len: u32): i32 {
  if (len != needLen) return fail(E_SHORT);
  if (state == S_START) return stepStart(len);
  if (state == S_GPT_ENTRIES) return stepEntries(len);
  if (state == S_GPT_BACKUP_HDR) return stepBackupHeader(len);
  if (state == S_EBR) return stepEbr(len);
  return fail(E_STATE);
}

function stepStart(len: u32): i32 {
  const out = outBase;
  if (u16at(510) != 0xAA55) return fail(E_NO_TABLE);
  if (ss == 0) {
    if (hasSig(512, len)) ss = 512;
    else if (hasSig(4096, len)) ss = 4096;
    else ss = 512;
  }
  store<u32>(out + 12, <u32>ss);
  let protective = false;
  for (let i: usize = 0; i < 4; i++) {
    const p: usize = 446 + i * 16;
    const boot = u8at(p);
    if (boot != 0 && boot != 0x80) return fail(E_BAD_MBR);
    if (u8at(p + 4) == 0xEE) protective = true;
  }
  if (protective) {
    store<u32>(out, 1);
    if (devBytes < ss * 3) return fail(E_SHORT);
    let code: i32 = E_SHORT;
    if (<u64>len >= ss * 2) code = gptHeader(<usize>ss, 1, <usize>ss);
    if (code == 0) return requestEntries();
    primaryError = code;
    store<u32>(out + 20, <u32>(-code));
    return requestBackupHeader();
  }
  // DOS / MBR
  store<u32>(out, 2);
  store<u32>(out + 16, u32at(440));
  const scale = ss / 512;
  let count: u32 = 0;
  let ext: u64 = 0;
  for (let i: usize = 0; i < 4; i++) {
    const p: usize = 446 + i * 16;
    const type = u8at(p + 4);
    const start = <u64>u32at(p + 8);
    const size = <u64>u32at(p + 12);
    if (size == 0) continue;
    const rec = out + 128 + <usize>count * REC;
    memory.fill(rec, 0, REC);
    store<u32>(rec, <u32>(i + 1));
    store<u32>(rec + 4, type | (u8at(p) == 0x80 ? 0x100 : 0));
    store<f64>(rec + 8, <f64>(start * scale));
    store<f64>(rec + 16, <f64>(size * scale));
    count++;
    if (ext == 0 && (type == 0x05 || type == 0x0F || type == 0x85) && start != 0) ext = start;
  }
  store<u32>(out + 8, count);
  if (ext == 0) return done();
  extStart = ext;
  ebrCur = ext;
  return requestEbr();
}

function requestEbr(): i32 {
  for (let i: u32 = 0; i < visitedCount; i++) {
    if (load<u64>(VISITED + (<usize>i << 3)) == ebrCur) return fail(E_EBR_LOOP);
  }
  if (visitedCount >= MAX_LOGICAL) return fail(E_EBR_TOO_MANY);
  store<u64>(VISITED + (<usize>visitedCount << 3), ebrCur);
  visitedCount++;
  const off = ebrCur * ss;
  if (off + ss > devBytes) return done(); // chain runs off the device: stop like the kernel
  return need(off, <u32>ss, S_EBR);
}

function stepEbr(len: u32): i32 {
  const out = outBase;
  if (u16at(510) != 0xAA55) return done();
  const scale = ss / 512;
  let next: u64 = 0;
  let haveLogical = false;
  for (let i: usize = 0; i < 4; i++) {
    const p: usize = 446 + i * 16;
    const type = u8at(p + 4);
    const start = <u64>u32at(p + 8);
    const size = <u64>u32at(p + 12);
    if (size == 0) continue;
    if (type == 0x05 || type == 0x0F || type == 0x85) {
      if (next == 0) next = extStart + start;
      continue;
    }
    if (haveLogical) continue;
    haveLogical = true;
    const count = load<u32>(out + 8);
    if (count >= MAX_ENTRIES) return fail(E_EBR_TOO_MANY);
    const rec = out + 128 + <usize>count * REC;
    memory.fill(rec, 0, REC);
    store<u32>(rec, logicalNo);
    store<u32>(rec + 4, type | (u8at(p) == 0x80 ? 0x100 : 0));
    store<f64>(rec + 8, <f64>((ebrCur + start) * scale));
    store<f64>(rec + 16, <f64>(size * scale));
    store<u32>(out + 8, count + 1);
    logicalNo++;
  }
  if (next == 0) return done();
  ebrCur = next;
  return requestEbr();
}

// Validates a GPT header located at input byte `p` for LBA `lba`; on success fills the
// h* globals and the disk GUID/usable range in the output header.
function gptHeader(p: usize, lba: u64, avail: usize): i32 {
  if (!hasSig(p, <u32>(p + avail))) return E_GPT_HEADER;
  const hs = u32at(p + 12);
  if (hs < 92 || <u64>hs > ss || <usize>hs > avail) return E_GPT_HEADER;
  const crc = u32at(p + 16);
  store<u32>(inBase + p + 16, 0);
  const actual = crc32(inBase + p, hs);
  store<u32>(inBase + p + 16, crc);
  if (actual != crc) return E_GPT_HEADER;
  if (u64at(p + 24) != lba) return E_GPT_HEADER;
  const first = u64at(p + 40);
  const last = u64at(p + 48);
  const lastLba = devBytes / ss - 1;
  if (first > last || last > lastLba) return E_GPT_HEADER;
  const count = u32at(p + 80);
  const esz = u32at(p + 84);
  if (count > MAX_ENTRIES || esz < 128 || esz > 4096 || (esz & 7) != 0) return E_GPT_TOO_MANY;
  const entriesLba = u64at(p + 72);
  const bytes = <u64>count * <u64>esz;
  if (entriesLba > lastLba || entriesLba * ss + bytes > devBytes) return E_RANGE;
  hEntriesLba = entriesLba;
  hCount = count;
  hEntrySize = esz;
  hEntriesCrc = u32at(p + 88);
  hFirstUsable = first;
  hLastUsable = last;
  const out = outBase;
  guid(p + 56, out + 32);
  const scale = <f64>(ss / 512);
  store<f64>(out + 48, <f64>first * scale);
  store<f64>(out + 56, <f64>last * scale);
  return 0;
}

// Copies a GPT GUID (mixed-endian) into canonical RFC 4122 byte order.
function guid(src: usize, dst: usize): void {
  store<u8>(dst + 0, <u8>u8at(src + 3));
  store<u8>(dst + 1, <u8>u8at(src + 2));
  store<u8>(dst + 2, <u8>u8at(src + 1));
  store<u8>(dst + 3, <u8>u8at(src + 0));
  store<u8>(dst + 4, <u8>u8at(src + 5));
  store<u8>(dst + 5, <u8>u8at(src + 4));
  store<u8>(dst + 6, <u8>u8at(src + 7));
  store<u8>(dst + 7, <u8>u8at(src + 6));
  for (let i: usize = 8; i < 16; i++) store<u8>(dst + i, <u8>u8at(src + i));
}

function requestEntries(): i32 {
  const bytes = hCount * hEntrySize;
  if (bytes == 0) {
    // an empty entry array: CRC of nothing
    if (hEntriesCrc != 0) return entriesFailed();
    store<u32>(outBase + 8, 0);
    store<u32>(outBase + 4, usingBackup ? 1 : 0);
    return done();
  }
  return need(hEntriesLba * ss, bytes, S_GPT_ENTRIES);
}

function requestBackupHeader(): i32 {
  usingBackup = true;
  const lastLba = devBytes / ss - 1;
  if (lastLba < 2) return fail(primaryError != 0 ? primaryError : E_GPT_HEADER);
  return need(lastLba * ss, <u32>ss, S_GPT_BACKUP_HDR);
}

function entriesFailed(): i32 {
  if (!usingBackup) {
    primaryError = E_GPT_ENTRIES;
    store<u32>(outBase + 20, <u32>(-E_GPT_ENTRIES));
    return requestBackupHeader();
  }
  return fail(primaryError != 0 && primaryError != E_GPT_ENTRIES ? primaryError : E_GPT_ENTRIES);
}

function stepBackupHeader(len: u32): i32 {
  const code = gptHeader(0, devBytes / ss - 1, <usize>len);
  if (code != 0) return fail(primaryError != 0 ? primaryError : code);
  return requestEntries();
}

function stepEntries(len: u32): i32 {
  if (crc32(inBase, len) != hEntriesCrc) return entriesFailed();
  const out = outBase;
  const scale = ss / 512;
  let count: u32 = 0;
  for (let i: u32 = 0; i < hCount; i++) {
    const p = <usize>i * <usize>hEntrySize;
    if ((u64at(p) | u64at(p + 8)) == 0) continue;
    const first = u64at(p + 32);
    const last = u64at(p + 40);
    if (first < hFirstUsable || last > hLastUsable || first > last) continue;
    const rec = out + 128 + <usize>count * REC;
    store<u32>(rec, i + 1);
    store<u32>(rec + 4, 0);
    store<f64>(rec + 8, <f64>(first * scale));
    store<f64>(rec + 16, <f64>((last - first + 1) * scale));
    guid(p, rec + 24);
    guid(p + 16, rec + 40);
    memory.copy(rec + 56, inBase + p + 56, 72);
    count++;
  }
  store<u32>(out + 8, count);
  store<u32>(out + 4, usingBackup ? 1 : 0);
  return done();
}
