/**
 * The bundled example workbooks round-trip: what scripts/exempel wrote into assets/exempel is
 * read back by the file port and readWorkbook as exactly the participants, activities and
 * events the generator's data says, and nothing is unreadable but the listed LAS breaches.
 */
import { join } from "node:path";
import { readWorkbook, type WorkbookModel } from "../src/read/workbook";
import { openWorkbookFile } from "../src/workbook/file";
import { EXAMPLES, type ExampleWorkbook } from "../scripts/exempel/data";

const models = new Map<string, WorkbookModel>();

beforeAll(async () => {
  for (const example of EXAMPLES) {
    const workbook = await openWorkbookFile(
      join(__dirname, "..", "assets", "exempel", example.file),
    );
    models.set(example.file, readWorkbook(await workbook.readSheets()));
  }
}, 60_000);

function model(example: ExampleWorkbook): WorkbookModel {
  const m = models.get(example.file);
  if (m === undefined) throw new Error(`not read: ${example.file}`);
  return m;
}

const sortKey = (x: object) => JSON.stringify(x);
const sorted = <T extends object>(xs: T[]) =>
  [...xs].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));

describe.each(EXAMPLES.map((e) => [e.file, e] as const))("%s", (_file, example) => {
  test("participants: id, programme, period, kön", () => {
    const kon = (k: string | null) =>
      k === null
        ? null
        : k.toLowerCase().startsWith("k")
          ? "kvinna"
          : k.toLowerCase().startsWith("m")
            ? "man"
            : "annat";
    expect(
      model(example).participants.map((p) => [p.id, p.programme, p.start, p.end, p.kon]),
    ).toEqual(example.participants.map((p) => [p.id, p.programme, p.start, p.end, kon(p.kon)]));
  });

  test("every activity the generator planned for a registered participant, and no other", () => {
    const registered = new Set(example.participants.map((p) => p.id));
    const expected = example.activities
      .filter((a) => registered.has(a.participantId))
      .map((a) => ({
        participantId: a.participantId,
        date: a.date,
        start: a.start,
        end: a.end,
        category: a.category,
        mode: a.mode,
      }));
    const got = model(example).activities.map((a) => ({
      participantId: a.participantId,
      date: a.date,
      start: a.start,
      end: a.end,
      category: a.category,
      mode: a.mode,
    }));
    expect(got.length).toBe(expected.length);
    expect(sorted(got)).toEqual(sorted(expected));
  });

  test("every event, with its kind and Avser", () => {
    const got = model(example).events.map((e) => ({
      participantId: e.participantId,
      date: e.date,
      kind: e.kind,
    }));
    const expected = example.events.map((e) => ({
      participantId: e.participantId,
      date: e.date,
      kind: e.kind,
    }));
    expect(sorted(got)).toEqual(sorted(expected));
  });

  test("nothing is unreadable except the listed LAS breaches", () => {
    const las = example.breaches.filter((b) => b.ruleId.startsWith("LAS.")).map((b) => b.ruleId);
    expect(model(example).findings.map((f) => f.ruleId)).toEqual(las);
    expect(model(example).notices).toEqual([]);
  });
});

describe("specific cells", () => {
  const rom2 = EXAMPLES.find((e) => e.file.startsWith("rom2"));
  const nacka = EXAMPLES.find((e) => e.file.startsWith("nacka"));

  test("Anna's two-week template puts the seed's Tuesday meeting on every other Tuesday, pointing at its cell", () => {
    if (rom2 === undefined) throw new Error("no ROM2 example");
    const meetings = model(rom2).activities.filter(
      (a) => a.participantId === "R-001" && a.category === 0,
    );
    expect(meetings.length).toBeGreaterThan(5);
    const dates = meetings.map((m) => m.date);
    for (let i = 1; i < dates.length; i++) {
      const gap = (Date.parse(dates[i] ?? "") - Date.parse(dates[i - 1] ?? "")) / 86_400_000;
      expect(gap).toBe(14);
    }
    expect(new Set(meetings.map((m) => `${m.refs[0]?.sheet}!${m.refs[0]?.cell}`)).size).toBe(1);
    expect(meetings[0]?.text).toBe("OBL-Individuellt möte 8.00-8.30");
  });

  test("the unregistered person's grid is LAS.DELTAGARE pointing at the heading", () => {
    if (rom2 === undefined) throw new Error("no ROM2 example");
    const finding = model(rom2).findings.find((f) => f.ruleId === "LAS.DELTAGARE");
    expect(finding?.refs[0]?.text).toMatch(/David Okänd/);
  });

  test("the Nacka list's absences keep reason, certificate and reported date", () => {
    if (nacka === undefined) throw new Error("no Nacka example");
    const absences = model(nacka).activities.filter((a) => a.attendance?.status === "frånvarande");
    const expected = nacka.activities.filter((a) => a.attendance?.status === "frånvarande");
    expect(
      sorted(
        absences.map((a) => ({
          p: a.participantId,
          d: a.date,
          r: a.attendance?.reason ?? null,
          rep: a.attendance?.reportedDate ?? null,
        })),
      ),
    ).toEqual(
      sorted(
        expected.map((a) => ({
          p: a.participantId,
          d: a.date,
          r: a.attendance?.reason ?? null,
          rep: a.attendance?.reported ?? null,
        })),
      ),
    );
    expect(absences.length).toBeGreaterThan(3);
  });

  test("the settings and tariffs sheets are read", () => {
    if (nacka === undefined) throw new Error("no Nacka example");
    expect(model(nacka).settings).toMatchObject({
      anordnare: "Exempel AB",
      idag: nacka.idag,
      fullTimeHours: 40,
    });
    expect(model(nacka).tariffs.map((t) => [t.validFrom, t.monthly, t.dayRate])).toEqual(
      nacka.tariffs.map((t) => [t.validFrom, t.monthly, t.dayRate]),
    );
  });
});
