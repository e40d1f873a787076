/**
 * JOBBSPAR.AVSLUT — Jobbspår i samverkan, Koordinering av jobbspår, Avslutningsfas:
 * "Säkerställer att deltagare avslutas enligt plan. Om anställning; att eventuella
 * lönesubventioner är beslutade, om utbildning; att anmälan/ antagning/studieplan finns etc."
 *
 * A chain that has ended (its end, see util.ts chainSpan, is before idag) records its outcome:
 * an event "avslut" whose Avser (or, failing that, Kommentar) names the outcome — anställning
 * (with lönesubvention), utbildning (with antagning) or anything else. No "avslut" event, or
 * one with neither Avser nor Kommentar, is an error pointing at the avslut row (else the
 * register row).
 *
 * Tolkning: the source's "eventuella lönesubventioner" and "etc." make any written outcome
 * acceptable; the rule does not demand a lönesubvention or an antagning in the text.
 */
import { defineRule, type RuleHit } from "../types";
import { chainSpan } from "./util";

export const JOBBSPAR_AVSLUT = defineRule<Record<string, never>>({
  id: "JOBBSPAR.AVSLUT",
  programmes: ["JOBBSPAR"],
  source: "Jobbspår i samverkan, Koordinering av jobbspår: Avslutningsfas",
  summary:
    "Ett avslutat jobbspår har ett registrerat utfall (anställning, utbildning eller annat).",
  severities: ["error"],
  tolkning:
    "Jobbspåret räknas som avslutat när dess sista dag (slutdatum, annars sista insatsens slut) har passerat. Utfallet står i Avser (eller Kommentar) på händelsen ”Avslut”; källans ”eventuella lönesubventioner” och ”etc.” gör att varje skrivet utfall godtas.",
  params: {},
  check(context) {
    const span = chainSpan(context);
    if (span === null || span.to >= context.idag) return [];
    const avslut = context.events.filter((e) => e.kind === "avslut");
    const written = avslut.some(
      (e) => (e.avser ?? "").trim() !== "" || (e.comment ?? "").trim() !== "",
    );
    if (written) return [];
    const hit: RuleHit = {
      severity: "error",
      refs: [...avslut.flatMap((e) => e.refs.slice(0, 1)), ...context.participant.refs.slice(0, 1)],
      from: span.to,
      to: span.to,
      message:
        avslut.length === 0
          ? `Jobbspåret avslutades ${span.to} men ingen avslutshändelse med utfall är registrerad (anställning, utbildning eller annat).`
          : `Jobbspåret avslutades ${span.to} men inget utfall är registrerat (anställning, utbildning eller annat): Avser och Kommentar på avslutsraden är tomma.`,
    };
    return [hit];
  },
});
