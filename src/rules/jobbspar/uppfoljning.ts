/**
 * JOBBSPAR.UPPFOLJNING — Jobbspår i samverkan, Koordinering av jobbspår, Genomförandefas:
 * "Säkerställer en strukturerad och regelbunden uppföljning av deltagarna och arbetsgivaren."
 *
 * Every calendar month of the active chain (first insats' start to the last insats' end, cut
 * at slutdatum; see util.ts) has at least N follow-ups of the participant: events "uppföljning"
 * or held activities of category "uppfoljning" (uppföljning, avstämning, trepart). A month is
 * judged once its last active day is before idag; a missing follow-up is a warning naming the
 * follow-ups before and after. Snart: an info when the current month's last active day is
 * within three days and it has no follow-up yet.
 *
 * Tolkning: the source gives no interval ("regelbunden"); the catalog reads it as once per
 * calendar month, and a month the chain only partly covers counts too.
 */
import type { IsoDate } from "../../domain/date";
import { firstDayOf, lastDayOf, MONTH_NAMES, yearMonthOf, nextMonth } from "../../domain/date";
import type { SourceRef } from "../../domain/model";
import { isAbsent, snart, windowRefs } from "../helpers";
import { defineRule, type RuleHit } from "../types";
import { chainSpan } from "./util";

export const JOBBSPAR_UPPFOLJNING = defineRule<{ antal: number }>({
  id: "JOBBSPAR.UPPFOLJNING",
  programmes: ["JOBBSPAR"],
  source: "Jobbspår i samverkan, Koordinering av jobbspår: Genomförandefas",
  summary: "Minst en uppföljning av deltagaren varje kalendermånad som jobbspåret pågår.",
  severities: ["warning", "info"],
  tolkning:
    "Källan säger ”regelbunden uppföljning” utan intervall; katalogen läser det som minst en gång per kalendermånad. En månad som jobbspåret bara delvis täcker räknas också. Uppföljningar är händelsen ”Uppföljning” och genomförda aktiviteter av kategorin uppföljning/avstämning/trepart.",
  params: {
    antal: { default: 1, description: "minsta antal uppföljningar per kalendermånad" },
  },
  check(context) {
    const span = chainSpan(context);
    if (span === null) return [];
    const needed = Math.max(1, Math.round(context.params.antal));
    const followUps: { date: IsoDate; refs: SourceRef[] }[] = [
      ...context.events
        .filter((e) => e.kind === "uppföljning")
        .map((e) => ({ date: e.date, refs: e.refs })),
      ...context.activities
        .filter((a) => a.category === "uppfoljning" && !isAbsent(a))
        .map((a) => ({ date: a.date, refs: a.refs })),
    ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

    const hits: RuleHit[] = [];
    for (
      let month = yearMonthOf(span.from);
      firstDayOf(month) <= span.to;
      month = nextMonth(month)
    ) {
      const first = firstDayOf(month);
      const last = lastDayOf(month);
      const from = first < span.from ? span.from : first;
      const to = last > span.to ? span.to : last;
      const inMonth = followUps.filter((f) => f.date >= from && f.date <= to);
      const [year, m] = month.split("-");
      const name = `${MONTH_NAMES[Number(m) - 1] ?? month} ${year ?? ""}`;
      if (to < context.idag) {
        if (inMonth.length >= needed) continue;
        const before = followUps.filter((f) => f.date < from).at(-1);
        const after = followUps.find((f) => f.date > to);
        const around = [
          before === undefined ? null : `föregående ${before.date}`,
          after === undefined ? null : `nästa ${after.date}`,
        ].filter((s) => s !== null);
        const note = around.length > 0 ? `; ${around.join(", ")}` : "";
        const found = inMonth.length > 0 ? ` ${inMonth.length} av ${needed} uppföljningar.` : "";
        const neighbours = [
          ...(before?.refs ?? []).slice(0, 1),
          ...(after?.refs ?? []).slice(0, 1),
        ];
        hits.push({
          severity: "warning",
          refs: [...windowRefs(context, from, to), ...neighbours],
          from,
          to,
          message: `${inMonth.length > 0 ? "För få uppföljningar" : "Ingen uppföljning"} i ${name} (${from} – ${to}${note}).${found} Krav: minst ${needed} ${needed === 1 ? "uppföljning" : "uppföljningar"} per kalendermånad som jobbspåret pågår.`,
        });
      } else if (inMonth.length < needed) {
        hits.push(
          ...snart(
            context,
            to,
            `Nästa uppföljning i jobbspåret senast ${to} (ingen uppföljning i ${name} ännu).`,
            windowRefs(context, from, to),
          ),
        );
      }
    }
    return hits;
  },
});
