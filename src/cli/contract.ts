/**
 * The public JSON contract of `schemakoll validera --json` (issue: rule engine). Rule ids and
 * these field names are relied on by others; change them only with a new contract version.
 * A personnummer never appears: an id that is one is masked ("850101-****").
 */
import { z } from "zod";
import { isoDateSchema } from "../domain/date";
import { programmeSchema } from "../domain/programmes";

export const validationOutputSchema = z.object({
  participants: z.array(
    z.object({
      id: z.string(),
      programme: programmeSchema.nullable(),
      start: isoDateSchema.nullable(),
      end: isoDateSchema.nullable(),
    }),
  ),
  findings: z.array(
    z.object({
      ruleId: z.string().regex(/^[A-Z0-9]+(\.[A-Z0-9]+)+$/),
      severity: z.enum(["error", "warning", "info"]),
      participantId: z.string().nullable(),
      sheet: z.string().nullable(),
      cells: z.array(z.string()),
      /** Null only for read problems (LAS.*), which belong to a cell rather than a period. */
      from: isoDateSchema.nullable(),
      to: isoDateSchema.nullable(),
      message: z.string(),
      source: z.string(),
      accepted: z.boolean(),
    }),
  ),
});
export type ValidationOutput = z.infer<typeof validationOutputSchema>;
