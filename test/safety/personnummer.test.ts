/**
 * Issue 9, item 4 — personnummer. Valid personnummer (Luhn digit computed) in every place a
 * coordinator might type one — the id column, a name, an activity text, an event's kind and
 * comment, a week-grid sheet named after the participant — must never come out in full in
 * anything Schemakoll writes: `las --json`, `validera --json`, the text reports, and the copy
 * written by `validera --markera` (Schemakoll's own sheets, every note it writes, every sheet
 * name it adds). The masked "YYMMDD-****" / "YYYYMMDD-****" form is allowed.
 * Tolkning: the coordinator's own sheets are copied as they are in the marked copy (they are
 * the coordinator's data, and hold the personnummer by design); what Schemakoll adds is checked.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import {
  displayId,
  isPersonnummer,
  maskPersonnummer,
  maskPersonnummerInText,
} from "../../src/domain/personnummer";
import { MARKS_SHEET_NAME } from "../../src/workbook/port";
import { runCli } from "./cli";
import { leaks, luhnDigit, utc, validPnr, writtenTexts, type GeneratedPnr } from "./helpers";

const dir = mkdtempSync(join(tmpdir(), "schemakoll-pnr-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
let fileNo = 0;

describe("the personnummer functions", () => {
  test("the generator's numbers are valid; one digit off is not", () => {
    fc.assert(
      fc.property(validPnr, (p) => {
        expect(isPersonnummer(p.written)).toBe(true);
        const last = Number(p.ten.slice(-1));
        const wrong = `${p.written.slice(0, -1)}${String((last + 1) % 10)}`;
        expect(isPersonnummer(wrong)).toBe(false);
      }),
      { numRuns: 300 },
    );
    // By hand: 811218-987 → 8·2=16→7, 1, 1·2=2, 2, 1·2=2, 8, 9·2=18→9, 8, 7·2=14→5;
    // 7+1+2+2+2+8+9+8+5 = 44 → check digit 6.
    expect(luhnDigit("811218987")).toBe(6);
    expect(isPersonnummer("811218-9876")).toBe(true);
  });

  test("masking keeps the date part only, in ids and anywhere in a text", () => {
    fc.assert(
      fc.property(
        validPnr,
        fc.string({ maxLength: 10 }),
        fc.string({ maxLength: 10 }),
        (p, a, b) => {
          expect(maskPersonnummer(p.written)).toBe(`${p.datePart}-****`);
          expect(displayId(p.written)).toBe(`${p.datePart}-****`);
          // Padded so that the number does not run into digits around it.
          const text = `${a} ${p.written} ${b}`;
          const masked = maskPersonnummerInText(text);
          expect(leaks(masked, p)).toBe(false);
          expect(masked).toContain(`${p.datePart}-****`);
        },
      ),
      { numRuns: 300 },
    );
  });
});

interface Placement {
  /** Where the personnummer stands besides the id column. */
  name: boolean;
  /** The register leaves kön empty (ROM2.KON then names the participant). */
  noKon: boolean;
  activity: boolean;
  comment: boolean;
  eventKind: boolean;
  gridSheet: boolean;
}

/** A workbook with the personnummer as the participant's id and in the chosen free texts. */
async function workbookWith(p: GeneratedPnr, where: Placement): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const reg = wb.addWorksheet("Deltagare");
  reg.addRow(["Deltagar-ID", "Namn", "Kön", "Insats", "Startdatum", "Slutdatum"]);
  reg.addRow([
    p.written,
    where.name ? `Anna Ek ${p.written}` : "Anna Ek",
    where.noKon ? "" : "Kvinna",
    "ROM2",
    utc(2024, 3, 4),
    utc(2024, 4, 26),
  ]);
  const list = wb.addWorksheet("Aktiviteter");
  list.addRow(["Deltagare", "Datum", "Start", "Slut", "Aktivitet"]);
  list.addRow([p.written, utc(2024, 3, 5), "8:00", "12:00", "Praktiskt stöd: CV"]);
  list.addRow([
    p.written,
    utc(2024, 3, 6),
    "8:00",
    "12:00",
    where.activity ? `Möte om ${p.written} hos AF` : "Möte hos AF",
  ]);
  list.addRow([p.written, "inget datum", "8:00", "12:00", "Praktiskt stöd: CV"]); // LAS.OKLAR
  // The same number written another way: the list's id may not match the register's.
  list.addRow([p.ten, utc(2024, 3, 7), "8:00", "12:00", "Praktiskt stöd: CV"]);
  list.addRow([`${p.ten.slice(0, 6)}-${p.ten.slice(6)}`, utc(2024, 3, 8), "8:00", "12:00", "x"]);
  const log = wb.addWorksheet("Händelser");
  log.addRow(["Deltagare", "Datum", "Händelse", "Kommentar"]);
  log.addRow([
    p.written,
    utc(2024, 3, 4),
    "Uppstartsmöte",
    where.comment ? `Ring om ${p.written}` : "Ring",
  ]);
  log.addRow([
    p.written,
    utc(2024, 3, 7),
    where.eventKind ? `Samtal ${p.written}` : "Samtal",
    where.comment ? `pnr ${p.written}` : "",
  ]);
  if (where.gridSheet) {
    const grid = wb.addWorksheet(p.written.slice(0, 31));
    grid.addRow(["Vecka 11 2024", "Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag"]);
    grid.addRow(["8.00-12.00", "Praktiskt stöd: CV", "hej hej", "", "Lunch", "#N/A"]);
  }
  const path = join(dir, `pnr-${String(++fileNo)}.xlsx`);
  await wb.xlsx.writeFile(path);
  return path;
}

interface Exposure {
  place: string;
  text: string;
}

/** Every text Schemakoll produced for this workbook, with where it came from. */
async function everythingWritten(
  path: string,
  inputSheets: readonly string[],
): Promise<Exposure[]> {
  const out: Exposure[] = [];
  const copy = path.replace(/\.xlsx$/, "-markerad.xlsx");
  for (const args of [
    ["las", path, "--json"],
    ["las", path],
    ["validera", path, "--json", "--idag", "2024-04-30"],
    ["validera", path, "--idag", "2024-04-30", "--markera", copy],
  ]) {
    const run = await runCli(...args);
    out.push({ place: `${args.join(" ")} (stdout)`, text: run.out });
    out.push({ place: `${args.join(" ")} (stderr)`, text: run.err });
  }
  const written = await writtenTexts(readFileSync(copy));
  for (const name of written.sheetNames) {
    if (!inputSheets.includes(name)) out.push({ place: `sheet name`, text: name });
  }
  for (const [at, text] of written.cells) {
    const sheet = at.slice(0, at.lastIndexOf("!"));
    if (!inputSheets.includes(sheet)) out.push({ place: at, text });
  }
  // Every note in the copy is Schemakoll's (the input has none).
  for (const [at, text] of written.notes) out.push({ place: `note ${at}`, text });
  return out;
}

async function leaksFor(p: GeneratedPnr, where: Placement): Promise<string[]> {
  const path = await workbookWith(p, where);
  const input = ["Deltagare", "Aktiviteter", "Händelser", ...(where.gridSheet ? [p.written] : [])];
  const all = await everythingWritten(path, input);
  // Where it leaks, with the words around it, so that a failure names the place.
  const pattern = new RegExp(`.{0,60}${p.ten.split("").join("[\\s+-]*")}.{0,20}`);
  // A sheet the coordinator named with a personnummer keeps its name: the hidden marks sheet
  // must point at it to restore its cells, and a link must name it to reach it. Those two
  // references to the coordinator's own sheet are not copies of participant data; every
  // text shown (the "Celler" text, notes, messages, JSON) must still be masked.
  const own = `'${p.written}'!`;
  const reference = (e: { place: string; text: string }) =>
    where.gridSheet &&
    (e.place.startsWith(`${MARKS_SHEET_NAME}!`) ||
      (e.text.includes(`"hyperlink":"#${own}`) &&
        !leaks(e.text.split(`"hyperlink":"#${own}`).join(""), p)));
  return all
    .filter((e) => leaks(e.text, p) && !reference(e))
    .map((e) => `${e.place}: …${pattern.exec(e.text)?.[0] ?? e.text.slice(0, 80)}…`);
}

const NONE: Placement = {
  name: false,
  noKon: false,
  activity: false,
  comment: false,
  eventKind: false,
  gridSheet: false,
};

test("a personnummer in the id column never comes out in full (random valid numbers)", async () => {
  await fc.assert(
    fc.asyncProperty(validPnr, async (p) => {
      expect(await leaksFor(p, NONE)).toEqual([]);
    }),
    { numRuns: 6 },
  );
}, 120_000);

// Each place on its own, with one fixed valid number (860304-0451: 8·2=16→7, 6, 0, 3, 0,
// 4, 0·2=0, 4, 5·2=10→1; 7+6+0+3+0+4+0+4+1 = 25 → check digit 5? No: 8,6,0,3,0,4,0,4,5 at
// positions 0–8; doubled at even positions: 16→7, 0, 0, 0, 10→1 = 8; odd: 6+3+4+4 = 17;
// 8 + 17 = 25 → check digit 5), so a failure names the place.
const FIXED: GeneratedPnr = { written: "860304-0455", ten: "8603040455", datePart: "860304" };

test("the fixed number is valid (its check digit computed by hand above)", () => {
  expect(luhnDigit("860304045")).toBe(5);
  expect(isPersonnummer(FIXED.written)).toBe(true);
});

test.each([
  ["an event comment", { ...NONE, comment: true }],
  // Masked at the write boundary (app/marks.ts writableMessage) since this suite was written.
  ["the id of a participant without kön (ROM2.KON names them)", { ...NONE, noKon: true }],
  ["an activity text (quoted by ROM2.TILLATNA)", { ...NONE, activity: true }],
])(
  "never comes out in full: a personnummer in %s",
  async (_what, where) => {
    expect(await leaksFor(FIXED, where)).toEqual([]);
  },
  60_000,
);

// BUG (reported to the integrator): these still leak the full number (a failure lists every
// place). validera now masks finding messages at the write boundary (app/marks.ts
// writableMessage), but:
//  - `las` prints ReadFinding messages unmasked (an unknown event kind quoted by LAS.OKLAR)
//    and the participant's name as read (JSON participants[].name, the text listing), and
//    `validera`'s text headings show the name too (valideraText title);
//  - a sheet named after the participant shows in `las` (sheets[].name), in validera's JSON
//    "sheet", the text report's "[860304-0455!F2]" and the findings sheet's "Celler" text
//    (link targets and the marks' hidden sheet must keep the real name: see README-notes).
// Fix: writableMessage/maskPersonnummerInText on ReadFinding.message and Participant.name in
// cli/las.ts (finding(), participants[].name, shown()) and cli/validera.ts (valideraText
// title); maskPersonnummerInText on sheet names where they are shown as text. Flip to test().
test.each([
  ["a participant's name", { ...NONE, name: true }],
  ["an unknown event kind", { ...NONE, eventKind: true }],
  ["a sheet named after the participant", { ...NONE, gridSheet: true }],
])(
  "never comes out in full: a personnummer in %s",
  async (_what, where) => {
    expect(await leaksFor(FIXED, where)).toEqual([]);
  },
  60_000,
);

test("deliberate break: the unmasked id (no displayId) is caught by the same check", () => {
  // What the JSON would hold if toOutput wrote participant ids as read.
  const unmasked = JSON.stringify({ participants: [{ id: FIXED.written }] });
  expect(leaks(unmasked, FIXED)).toBe(true);
  expect(leaks(JSON.stringify({ participants: [{ id: displayId(FIXED.written) }] }), FIXED)).toBe(
    false,
  );
});

test("the marks' hidden sheet exists in the copy and is checked too", async () => {
  const path = await workbookWith(FIXED, NONE);
  const all = await everythingWritten(path, ["Deltagare", "Aktiviteter", "Händelser"]);
  expect(all.some((e) => e.place.startsWith(`${MARKS_SHEET_NAME}!`))).toBe(true);
  expect(all.some((e) => e.place.startsWith("Schemakoll fynd!"))).toBe(true);
  expect(all.some((e) => e.place.startsWith("note "))).toBe(true);
}, 60_000);
