import { SEED000_CELLS } from "../../test/fixtures/seed000";
import { toSerial, type IsoDate } from "../domain/date";
import {
  aktivitet,
  dagersattning,
  insatsdagar,
  kravtimmar,
  manadsersattning,
  nastamote,
  rapportfrist,
  timmar,
  tjanstemanad,
} from "./functions";

const serial = (d: string) => toSerial(d as IsoDate);

/** Runs a formula and returns what Excel would show: the number/text, or the error code and message. */
function excel(fn: () => unknown): unknown {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CustomFunctions.Error) return { error: e.code, message: e.message };
    throw e;
  }
}

describe("AMI.DAGERSATTNING", () => {
  test.each([
    ["JPG", 123],
    ["Jobbpeng grund", 123],
    ["  jobbpeng   GRUND ", 123],
    ["JPF", 162],
    ["förstärkt jobbpeng", 162],
    ["SAI", 203],
    ["Språk- och arbetsintroduktion", 203],
  ])("%s → %d kr", (insats, kr) => {
    expect(dagersattning(insats, serial("2024-03-15"))).toBe(kr);
    expect(dagersattning(insats, "2024-03-15")).toBe(kr);
  });

  test("without a date it uses today", () => {
    expect(dagersattning("JPG")).toBe(123);
  });

  test("an unknown programme is #N/A naming what is known", () => {
    expect(excel(() => dagersattning("Jobbpang", 45366))).toEqual({
      error: "#N/A",
      message: expect.stringContaining('Okänd insats "Jobbpang"') as string,
    });
  });

  test("a programme without tariff is #N/A with a Swedish message", () => {
    expect(excel(() => dagersattning("ROM2", 45366))).toEqual({
      error: "#N/A",
      message: expect.stringContaining("Rusta och matcha 2") as string,
    });
  });

  test("an unreadable date is #VALUE!", () => {
    expect(excel(() => dagersattning("JPG", "nästa tisdag"))).toMatchObject({ error: "#VALUE!" });
  });
});

describe("AMI.MANADSERSATTNING", () => {
  test.each<[string, string, string | null, string, number, string]>([
    // [insats, start, end, month, kr, hand calculation]
    ["JPG", "2024-01-10", "2024-12-31", "2024-03", 3686, "hela mars: månadsbeloppet"],
    ["JPG", "2024-03-15", "", "2024-03", 2091, "15–31 mars = 17 dagar × 123"],
    ["JPG", "2024-03-15", null, "2024-04", 3686, "pågående, hela april"],
    ["JPF", "2024-01-01", "2024-03-10", "2024-03", 1620, "1–10 mars = 10 × 162"],
    ["SAI", "2024-03-05", "2024-03-20", "2024-03", 3248, "5–20 mars = 16 × 203"],
    ["JPG", "2024-03-02", "", "2024-03", 3686, "30 dagar × 123 = 3 690 > 3 686: taket"],
    ["JPG", "2024-01-15", "", "2024-02", 3686, "februari 2024 (skottår), alla 29 dagar"],
    ["JPF", "2024-02-10", "", "2024-02", 3240, "10–29 februari 2024 = 20 × 162"],
    ["JPF", "2023-02-10", "", "2023-02", 3078, "10–28 februari 2023 = 19 × 162"],
    ["JPG", "2024-05-01", "", "2024-03", 0, "före start: utanför perioden"],
    ["JPG", "2023-05-01", "2024-01-31", "2024-03", 0, "efter slut: utanför perioden"],
  ])("%s %s–%s, %s → %d kr (%s)", (insats, start, end, month, kr) => {
    expect(manadsersattning(insats, start, end, month)).toBe(kr);
  });

  test("dates as Excel serial numbers and the month as any date in it", () => {
    expect(manadsersattning("JPG", serial("2024-03-15"), null, serial("2024-03-31"))).toBe(2091);
    expect(manadsersattning("JPG", 45366, 0, "mars 2024")).toBe(2091);
  });

  test("an end before the start is #VALUE!", () => {
    expect(
      excel(() => manadsersattning("JPG", "2024-03-15", "2024-03-01", "2024-03")),
    ).toMatchObject({
      error: "#VALUE!",
    });
  });

  test("a programme without tariff is refused, never 0 kr", () => {
    expect(
      excel(() => manadsersattning("Rusta och matcha 2", "2024-03-01", "", "2024-03")),
    ).toEqual({
      error: "#N/A",
      message: expect.stringMatching(/Ingen ersättningsnivå.*Rusta och matcha 2/) as string,
    });
  });
});

describe("AMI.INSATSDAGAR", () => {
  test.each([
    ["2024-03-15", "", "2024-03", 17],
    ["2024-03-15", "2024-03-20", "2024-03", 6],
    ["2024-01-01", "", "2024-02", 29],
    ["2023-01-01", "", "2023-02", 28],
    ["2024-04-01", "", "2024-03", 0],
  ])("%s–%s in %s: %d", (start, end, month, days) => {
    expect(insatsdagar(start, end, month)).toBe(days);
  });

  test("a missing start date is #VALUE!", () => {
    expect(excel(() => insatsdagar("", "", "2024-03"))).toMatchObject({ error: "#VALUE!" });
  });
});

describe("AMI.TJANSTEMANAD", () => {
  test.each([
    ["2024-01-31", "2024-01-31", 1],
    ["2024-01-31", "2024-02-28", 1],
    ["2024-01-31", "2024-02-29", 2],
    ["2024-03-15", "2024-09-14", 6],
    ["2024-03-15", "2024-09-15", 7],
    ["2024-03-15", "2025-03-14", 12],
  ])("start %s, %s → month %d", (start, date, month) => {
    expect(tjanstemanad(start, date)).toBe(month);
  });

  test("a date before the start is #VALUE!", () => {
    expect(excel(() => tjanstemanad("2024-03-15", "2024-03-14"))).toMatchObject({
      error: "#VALUE!",
    });
  });
});

describe("AMI.KRAVTIMMAR", () => {
  test.each([
    ["ROM2", "2024-01-01", "2024-06-30", 1],
    ["ROM2", "2024-01-01", "2024-07-01", 2],
    ["Rusta och matcha 2", "2024-01-01", "2024-12-31", 2],
    ["FAI1", "2024-01-01", "2024-01-01", 10],
    ["FAI 2", "2024-01-01", "2024-03-31", 0],
    ["FAI 2", "2024-01-01", "2024-04-01", 10],
    ["JPG", "2024-01-01", "2024-02-01", 40],
    ["JPF", "2024-01-01", "2024-02-01", 40],
    ["SAI", "2024-01-01", "2024-02-01", 40],
  ])("%s start %s at %s → %d h", (insats, start, date, hours) => {
    expect(kravtimmar(insats, start, date)).toBe(hours);
  });

  test("ITA has no weekly hours requirement: #N/A", () => {
    expect(excel(() => kravtimmar("ITA", "2024-01-01", "2024-02-01"))).toEqual({
      error: "#N/A",
      message: "Introduktion till arbete har inget timkrav per vecka.",
    });
  });
});

describe("AMI.NASTAMOTE", () => {
  test("ROM2 (also the default): 14 calendar days after the meeting", () => {
    expect(nastamote("2024-03-04")).toBe(serial("2024-03-18"));
    expect(nastamote(serial("2024-03-04"), "ROM2")).toBe(serial("2024-03-18"));
  });

  test("Nacka programmes: Sunday of the following week (a contact every week)", () => {
    // 2024-03-06 is a Wednesday in week 10; week 11 ends Sunday 2024-03-17.
    expect(nastamote("2024-03-06", "JPG")).toBe(serial("2024-03-17"));
  });

  test("a programme without a meeting frequency is #N/A", () => {
    expect(excel(() => nastamote("2024-03-06", "Jobbspår"))).toMatchObject({ error: "#N/A" });
  });
});

describe("AMI.RAPPORTFRIST", () => {
  test.each([
    ["2024-03", "2024-04-07"],
    ["mars 2024", "2024-04-07"],
    ["2024-12-15", "2025-01-07"],
  ])("%s → %s", (month, deadline) => {
    expect(rapportfrist(month)).toBe(serial(deadline));
  });

  test("a month given as a serial date", () => {
    expect(rapportfrist(serial("2024-02-29"))).toBe(serial("2024-03-07"));
  });

  test("nonsense is #VALUE!", () => {
    expect(excel(() => rapportfrist("snart"))).toMatchObject({ error: "#VALUE!" });
  });
});

describe("AMI.TIMMAR", () => {
  test("time ranges inside the text", () => {
    expect(timmar([["OBL-Individuellt möte 8.00-8.30 därefter Praktiskt stöd 13-16.30"]])).toBe(4);
  });

  test("a whole week of the nivå C example, with its row labels: 5 × (4 + 3.5) hours", () => {
    const week = SEED000_CELLS.filter((c) => c.schedule.includes("nivå C"));
    const labels = [...new Set(week.map((c) => c.rowLabel))];
    const days = ["Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag"];
    const grid: unknown[][] = [
      ["Vecka 21", ...days],
      ...labels.map((label) => [
        label,
        ...days.map((d) => week.find((c) => c.day === d && c.rowLabel === label)?.text ?? ""),
      ]),
    ];
    grid.splice(2, 0, ["Lunch", "Lunch", "Lunch", "Lunch", "Lunch", "Lunch"]);
    expect(week).toHaveLength(10);
    expect(timmar(grid)).toBe(37.5);
  });

  test("lunch never counts, even with a time", () => {
    expect(timmar([["Lunch 12-13", "Lunch"]])).toBe(0);
  });

  test("without labels, only the cells' own ranges count", () => {
    expect(timmar([["Eget arbete- praktiskt stöd: Skriva CV", "Praktiskt stöd 13-15"]])).toBe(2);
  });

  test("empty cells, numbers and booleans are ignored", () => {
    expect(timmar([["", 8, true, null]])).toBe(0);
  });
});

describe("AMI.AKTIVITET", () => {
  const fixture = { cells: SEED000_CELLS };
  const names = [
    "Individuellt möte",
    "Motivationshöjande samtal",
    "Vägledning mot arbete eller utbildning",
    "Praktiskt stöd",
    "Information om arbetsmarknaden",
    "Kontakter med arbetsgivare eller andra relevanta aktörer",
    "Kost och hälsa",
    "Stöd för att stärka deltagarens digitala kompetens",
    "Stöd för att stärka deltagarens språkkunskaper",
  ];

  test.each(
    fixture.cells.map((c) => [c.text, c.activities.map((a) => names[a.category]).join("; ")]),
  )("%j → %s", (text, expected) => {
    expect(aktivitet(text)).toBe(expected);
  });

  test("an activity outside the catalog is #N/A with the closest category", () => {
    expect(excel(() => aktivitet("Gympass med personlig tränare"))).toMatchObject({
      error: "#N/A",
    });
    const result = excel(() => aktivitet("Samtal om motiverande mål"));
    expect(result).toMatchObject({
      error: "#N/A",
      message: expect.stringContaining("Närmast: Motivationshöjande samtal") as string,
    });
  });

  test("Lunch is not an activity", () => {
    expect(excel(() => aktivitet("Lunch"))).toMatchObject({ error: "#N/A" });
  });
});
