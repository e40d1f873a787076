import type { IsoDate, YearMonth } from "../domain/date";
import type { Activity, Participant, ScheduleEvent, Settings } from "../domain/model";
import type { Programme } from "../domain/programmes";
import { activity, event, participant, settings } from "../rules/testing";
import type { Finding } from "../rules/types";
import { buildMonthlyReport, KON_KEYS, type MonthlyCounts, type MonthlyReport } from "./monthly";
import type { ReportInput } from "./types";

const M = (m: string) => m as YearMonth;
const D = (d: string) => d as IsoDate;

function input(
  participants: Participant[],
  activities: Activity[] = [],
  events: ScheduleEvent[] = [],
  options: { parameters?: Settings["parameters"]; fullTimeHours?: number } = {},
): ReportInput {
  return {
    participants,
    activities,
    weeks: [],
    events,
    acceptances: [],
    findings: [],
    tariffs: [],
    settings: {
      ...settings(options.parameters),
      fullTimeHours: options.fullTimeHours ?? 40,
      anordnare: "Exempel AB",
    },
  };
}

function finding(
  participantId: string | null,
  ruleId: string,
  severity: Finding["severity"],
  from: string | null,
  to: string | null,
  acceptance: Finding["acceptance"] = null,
): Finding {
  return {
    ruleId,
    severity,
    participantId,
    refs: [{ sheet: "Aktiviteter", cell: "A2", text: "x" }],
    from: from === null ? null : D(from),
    to: to === null ? null : D(to),
    message: `${ruleId} ${from ?? "utan datum"}`,
    explanation: null,
    source: "test",
    accepted: acceptance !== null,
    acceptance,
  };
}

const present = {
  status: "närvarande",
  reason: null,
  certificate: null,
  reportedDate: null,
} as const;

function person(
  id: string,
  programme: Programme,
  start: string | null,
  end: string | null,
  kon: Participant["kon"],
): Participant {
  return {
    ...participant(id, programme, start ?? "2024-01-01", end),
    start: start === null ? null : D(start),
    kon,
    name: `Namn ${id}`,
  };
}

// ---- The month under test: May 2024, Idag 2024-05-20 ----------------------------------------
// ISO weeks touching May 2024: v. 18 (29 apr–5 maj), 19 (6–12), 20 (13–19), 21 (20–26), 22 (27 maj–2 jun).

const A = person("A-1", "JPG", "2024-04-15", null, "kvinna");
const B = person("B-2", "ROM2", "2024-05-13", "2024-11-12", "man");
const ENDED = person("C-3", "JPF", "2024-01-01", "2024-04-30", null);
const LATER = person("D-4", "SAI", "2024-06-01", null, "annat");
const NO_KON = person("F-6", "ITA", "2024-05-20", null, null);
const NO_START = person("E-5", "JPG", null, null, "man");

const activities: Activity[] = [
  // A-1 (JPG)
  activity("A-1", "2024-04-30", "jobbsokning", { attendance: present }), // April: not counted
  activity("A-1", "2024-05-02", "jobbsokning", {
    categoryName: "Jobbsökaraktiviteter",
    attendance: present,
  }), // 4 h på plats, held
  activity("A-1", "2024-05-03", "mote", {
    start: 780,
    end: 900,
    hours: 2,
    mode: "distans med handledare",
    categoryName: "Kundmöte (personligt möte)",
    attendance: present,
  }), // 2 h distans, held; a meeting
  activity("A-1", "2024-05-07", "jobbsokning", {
    mode: "eget arbete",
    categoryName: "Jobbsökaraktiviteter",
    text: "Söka jobb hemma",
    attendance: {
      status: "frånvarande",
      reason: "sjuk",
      certificate: D("2024-05-10"),
      reportedDate: D("2024-05-07"),
    },
  }), // 4 h eget arbete, absent
  activity("A-1", "2024-05-08", "praktik", {
    end: 660,
    hours: 3,
    mode: "arbetsplats",
    categoryName: "Praktik",
    text: "Praktik på caféet",
    attendance: { status: "frånvarande", reason: "VAB", certificate: null, reportedDate: null },
  }), // 3 h arbetsplats, absent
  activity("A-1", "2024-05-14", null), // 4 h på plats, no attendance, before Idag: ej rapporterad
  activity("A-1", "2024-05-21", "mote", { categoryName: "Kundmöte (personligt möte)" }), // 4 h på plats, after Idag: kommande
  activity("A-1", "2024-05-31", "kontakt", {
    start: 540,
    end: 630,
    hours: 1.5,
    mode: null,
    categoryName: "Kundkontakt via telefon eller digitalt",
  }), // 1,5 h, no form, kommande
  activity("A-1", "2024-06-03", "jobbsokning", { attendance: present }), // June: not counted
  // B-2 (ROM2, starts Monday 2024-05-13)
  activity("B-2", "2024-05-10", 3, { hours: 2, attendance: present }), // before startdatum: not counted
  activity("B-2", "2024-05-13", 0, {
    end: 540,
    hours: 1,
    categoryName: "Individuellt möte",
    attendance: present,
  }),
  activity("B-2", "2024-05-16", 4, {
    start: 600,
    hours: 2,
    mode: "distans med handledare",
    categoryName: "Information om arbetsmarknaden",
    attendance: present,
  }),
  activity("B-2", "2024-05-20", 0, { end: 540, hours: 1, categoryName: "Individuellt möte" }), // Idag, unrecorded
  activity("B-2", "2024-05-27", 0, { end: 570, hours: 1.5, categoryName: "Individuellt möte" }),
  // C-3 ended in April, D-4 starts in June: never in May's report
  activity("C-3", "2024-05-02", "jobbsokning", { attendance: present }),
  activity("D-4", "2024-05-02", "sfi", { attendance: present }),
  // F-6 (ITA, no kön)
  activity("F-6", "2024-05-20", "kartlaggning", { end: 660, hours: 3, attendance: present }),
  // E-5 without startdatum
  activity("E-5", "2024-05-02", "jobbsokning"),
];

const events: ScheduleEvent[] = [
  event("A-1", "2024-04-25", "trepartsmöte"), // April
  event("A-1", "2024-05-06", "månadsrapport klar", "2024-04"), // about April
  event("A-1", "2024-05-15", "kontakt"),
  event("A-1", "2024-05-16", "kontaktförsök"), // not a contact
  event("A-1", "2024-06-05", "månadsrapport klar", "maj 2024"),
];

const findings: Finding[] = [
  finding("A-1", "AMI.KONTAKT", "error", "2024-05-06", "2024-05-12"),
  finding("A-1", "AMI.HELTID", "warning", "2024-04-22", "2024-04-28"), // April only
  finding("A-1", "AMI.HELTID", "error", "2024-04-29", "2024-05-05"), // crosses into May
  finding("A-1", "AMI.INTYG", "error", "2024-05-10", "2024-05-10", {
    reason: "Intyget visades upp på mötet",
    acceptedBy: "Lena",
    date: D("2024-05-13"),
  }),
  finding("A-1", "LAS.OKLAR", "warning", null, null), // no dates: every month
  finding("A-1", "AMI.MANADSRAPPORT", "info", "2024-06-03", "2024-06-07"), // June only
  finding("B-2", "ROM2.MOTE14", "error", "2024-05-13", "2024-05-26"),
  finding(null, "LAS.OKLAR", "warning", null, null), // nobody's
];

const MODEL = input([A, B, ENDED, LATER, NO_KON, NO_START], activities, events);
const report: MonthlyReport = buildMonthlyReport(MODEL, M("2024-05"), findings, {
  idag: D("2024-05-20"),
});
const of = (id: string) => {
  const p = report.participants.find((x) => x.rawParticipantId === id);
  if (p === undefined) throw new Error(`${id} saknas`);
  return p;
};

describe("which participants", () => {
  test("those whose period overlaps the month, in register order", () => {
    expect(report.participants.map((p) => p.participantId)).toEqual(["A-1", "B-2", "F-6"]);
  });

  test("a register row without startdatum is named, not dropped silently", () => {
    expect(report.omitted).toEqual([
      { participantId: "E-5", reason: "startdatum saknas i deltagarregistret" },
    ]);
  });

  test("a period starting mid-month counts from startdatum", () => {
    expect([of("B-2").from, of("B-2").to]).toEqual(["2024-05-13", "2024-05-31"]);
  });
});

describe("hours", () => {
  test("planned, held, absent, ej rapporterad and kommande", () => {
    // A-1 in May: 4 (05-02) + 2 (05-03) + 4 (05-07) + 3 (05-08) + 4 (05-14) + 4 (05-21) + 1,5 (05-31) = 22,5
    // held: 4 + 2 = 6; absent: 4 + 3 = 7; ej rapporterad (≤ Idag, no attendance): 4 (05-14);
    // kommande: 4 + 1,5 = 5,5; and 6 + 7 + 4 + 5,5 = 22,5.
    expect(of("A-1").hours).toEqual({
      planned: 22.5,
      held: 6,
      absent: 7,
      unreported: 4,
      upcoming: 5.5,
    });
    // B-2: 05-10 is before startdatum. 1 + 2 + 1 + 1,5 = 5,5; held 1 + 2 = 3; 05-20 is Idag: ej rapporterad 1.
    expect(of("B-2").hours).toEqual({
      planned: 5.5,
      held: 3,
      absent: 0,
      unreported: 1,
      upcoming: 1.5,
    });
  });

  test("by form: på plats is hos leverantör; arbetsplats and no form are their own rows", () => {
    // på plats: 4 (05-02, held) + 4 (05-14) + 4 (05-21) = 12, held 4
    expect(of("A-1").forms).toEqual({
      "på plats": { planned: 12, held: 4 },
      distans: { planned: 2, held: 2 },
      "eget arbete": { planned: 4, held: 0 },
      arbetsplats: { planned: 3, held: 0 },
      "annan aktör": { planned: 0, held: 0 },
      "ej angiven": { planned: 1.5, held: 0 },
    });
  });

  test("by category, Okategoriserad for an unrecognised one, most hours first", () => {
    expect(of("A-1").categories).toEqual([
      { name: "Jobbsökaraktiviteter", planned: 8, held: 4 }, // 4 + 4
      { name: "Kundmöte (personligt möte)", planned: 6, held: 2 }, // 2 + 4
      { name: "Okategoriserad", planned: 4, held: 0 },
      { name: "Praktik", planned: 3, held: 0 },
      { name: "Kundkontakt via telefon eller digitalt", planned: 1.5, held: 0 },
    ]);
  });
});

describe("weeks", () => {
  test("a week crossing the month boundary counts only the month's days", () => {
    const weeks = of("A-1").weeks;
    expect(weeks.map((w) => [w.label, w.from, w.to, w.planned, w.held])).toEqual([
      ["v. 18 2024", "2024-05-01", "2024-05-05", 6, 6], // 04-30 is April: 4 + 2 only
      ["v. 19 2024", "2024-05-06", "2024-05-12", 7, 0], // 4 + 3, both absent
      ["v. 20 2024", "2024-05-13", "2024-05-19", 4, 0],
      ["v. 21 2024", "2024-05-20", "2024-05-26", 4, 0],
      ["v. 22 2024", "2024-05-27", "2024-05-31", 1.5, 0], // 06-03 is June
    ]);
  });

  test.each<[string, Programme, string, Participant["upptrappning"], number, (number | null)[]]>([
    ["JPG: full time", "JPG", "2024-04-15", [], 40, [40, 40, 40, 40, 40]],
    ["JPG: Heltid timmar from Inställningar", "JPG", "2024-04-15", [], 38, [38, 38, 38, 38, 38]],
    // 2024-05-13 start: weeks 20–22 are service month 1: 1 h
    ["ROM2 months 1–6: 1 h", "ROM2", "2024-05-13", [], 40, [1, 1, 1]],
    // 2023-10-02 start: May 2024 is service month 8: 2 h
    ["ROM2 from month 7: 2 h", "ROM2", "2023-10-02", [], 40, [2, 2, 2, 2, 2]],
    ["ITA: no minimum", "ITA", "2024-04-01", [], 40, [null, null, null, null, null]],
    // FAI2 started 2024-04-01: May is month 2, no minimum yet
    ["FAI2 months 1–3: 0 h", "FAI2", "2024-04-01", [], 40, [0, 0, 0, 0, 0]],
    // The step from 2024-05-06 applies from v. 19; v. 18 has no step yet: full time
    [
      "JPF upptrappning",
      "JPF",
      "2024-04-01",
      [{ from: D("2024-05-06"), hoursPerWeek: 20 }],
      40,
      [40, 20, 20, 20, 20],
    ],
  ])("requirement per week: %s", (_name, programme, start, upptrappning, fullTime, expected) => {
    const p = { ...participant("X-1", programme, start), upptrappning };
    const r = buildMonthlyReport(
      input([p], [], [], { fullTimeHours: fullTime }),
      M("2024-05"),
      [],
      { idag: D("2024-05-20") },
    );
    expect(r.participants[0]?.weeks.map((w) => w.requirement)).toEqual(expected);
  });
});

describe("meetings and absences", () => {
  test("meetings and contacts from the schedule and Händelser, with dates and status", () => {
    expect(of("A-1").meetings.map((m) => [m.date, m.source, m.status])).toEqual([
      ["2024-05-03", "schema", "genomförd"],
      ["2024-05-15", "händelse", "genomförd"], // kontakt; the kontaktförsök 05-16 is not a contact
      ["2024-05-21", "schema", "planerad"],
      ["2024-05-31", "schema", "planerad"],
    ]);
    expect(of("A-1").counts.meetings).toBe(4);
    // ROM2: category 0 (Individuellt möte) on 05-13, 05-20, 05-27; 05-16 (category 4) is not one.
    expect(of("B-2").meetings.map((m) => m.date)).toEqual([
      "2024-05-13",
      "2024-05-20",
      "2024-05-27",
    ]);
  });

  test("every absence with date, time, reason, certificate and reported date", () => {
    expect(of("A-1").absences).toEqual([
      {
        date: "2024-05-07",
        start: 480,
        end: 720,
        hours: 4,
        text: "Söka jobb hemma",
        reason: "sjuk",
        certificate: "2024-05-10",
        reportedDate: "2024-05-07",
      },
      {
        date: "2024-05-08",
        start: 480,
        end: 660,
        hours: 3,
        text: "Praktik på caféet",
        reason: "VAB",
        certificate: null,
        reportedDate: null,
      },
    ]);
    expect(of("A-1").counts.absences).toBe(2);
  });
});

describe("findings", () => {
  test("open findings overlapping the month only (and those without dates)", () => {
    expect(of("A-1").openFindings.map((f) => [f.ruleId, f.severity, f.from])).toEqual([
      ["AMI.KONTAKT", "error", "2024-05-06"],
      ["AMI.HELTID", "error", "2024-04-29"],
      ["LAS.OKLAR", "warning", null],
    ]);
    expect(of("A-1").counts).toMatchObject({ openErrors: 2, openWarnings: 1, accepted: 1 });
  });

  test("accepted findings are listed with their reason", () => {
    expect(of("A-1").acceptedFindings).toEqual([
      {
        ruleId: "AMI.INTYG",
        severity: "error",
        from: "2024-05-10",
        to: "2024-05-10",
        message: "AMI.INTYG 2024-05-10",
        acceptance: {
          reason: "Intyget visades upp på mötet",
          acceptedBy: "Lena",
          date: "2024-05-13",
        },
      },
    ]);
  });

  test("another participant's findings stay with them", () => {
    expect(of("B-2").openFindings.map((f) => f.ruleId)).toEqual(["ROM2.MOTE14"]);
  });
});

describe("klarmarkering", () => {
  test("May 2024 is klarmarkerad by 2024-06-07; the klar event about May is found", () => {
    expect(of("A-1").klarmarkering).toEqual({
      deadline: "2024-06-07",
      reported: "2024-06-05",
    });
  });

  test("the AMI.MANADSRAPPORT dag parameter moves the deadline; none for ROM2", () => {
    const r = buildMonthlyReport(
      input([A, B], [], [], { parameters: { "AMI.MANADSRAPPORT.dag": 5 } }),
      M("2024-05"),
      [],
      { idag: D("2024-05-20") },
    );
    expect(r.participants.map((p) => p.klarmarkering)).toEqual([
      { deadline: "2024-06-05", reported: null },
      null,
    ]);
  });
});

describe("kön", () => {
  test("one row per kön, with the hand-computed figures", () => {
    const row = (k: string) => report.byKon.find((x) => x.kon === k);
    expect(row("kvinna")).toMatchObject({ participants: 1, planned: 22.5, held: 6 });
    expect(row("man")).toMatchObject({ participants: 1, planned: 5.5, held: 3 });
    expect(row("annat")).toMatchObject({ participants: 0, planned: 0, held: 0 }); // D-4 starts in June
    expect(row("ej angivet")).toMatchObject({ participants: 1, planned: 3, held: 3 });
    // 22,5 + 5,5 + 3 = 31; 6 + 3 + 3 = 12
    expect(report.total).toMatchObject({ participants: 3, planned: 31, held: 12 });
  });

  test("every count split by kön sums to the total", () => {
    expect(report.byKon.map((k) => k.kon)).toEqual([...KON_KEYS]);
    for (const key of Object.keys(report.total) as (keyof MonthlyCounts | "participants")[]) {
      const sum = report.byKon.reduce((s, k) => s + k[key], 0);
      expect([key, sum]).toEqual([key, report.total[key]]);
    }
  });
});

describe("masking", () => {
  test("a personnummer id is masked, in the id and in free text", () => {
    const id = "19850101-1234";
    const p = person(id, "JPG", "2024-05-01", null, "kvinna");
    const f = { ...finding(id, "AMI.KONTAKT", "error", "2024-05-06", "2024-05-12") };
    f.message = `Ingen kontakt med ${id} vecka 19.`;
    const r = buildMonthlyReport(input([p]), M("2024-05"), [f], { idag: D("2024-05-20") });
    expect(r.participants[0]?.participantId).toBe("19850101-****");
    expect(r.participants[0]?.openFindings[0]?.message).toBe(
      "Ingen kontakt med 19850101-**** vecka 19.",
    );
    expect(r.masked).toBe(true);
    expect(report.masked).toBe(false);
  });
});
