import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { InvoiceResult, ReportResult, SchemakollApp } from "../../app/api";
import { defaultReportMonth, formatKronor, parseMonthInput, programmeLabel } from "../format";
import { useAction } from "../useAction";
import { SeverityBadge } from "./FindingsPanel";
import { ActionProgress, ErrorMessage, SuccessMessage } from "./Status";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  heading: { margin: 0 },
  total: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

export interface ReportsPanelProps {
  app: SchemakollApp;
  /** For tests: the machine's "now" when Inställningar has no Idag. */
  now?: Date;
}

function sheetSentence(sheet: string, replaced: boolean): string {
  return replaced ? `Bladet ${sheet} fanns redan och har ersatts.` : `Bladet ${sheet} är skapat.`;
}

export function ReportsPanel({ app, now }: ReportsPanelProps) {
  const styles = useStyles();
  const [month, setMonth] = useState<string>(() => defaultReportMonth(null, now));
  const [tried, setTried] = useState(false);
  const touched = useRef(false);
  const monthly = useAction();
  const invoice = useAction();
  const [report, setReport] = useState<ReportResult | null>(null);
  const [invoiceResult, setInvoiceResult] = useState<InvoiceResult | null>(null);

  // The default month follows the workbook's Idag (Inställningar) when it has one.
  useEffect(() => {
    let live = true;
    app.readSettings().then(
      (settings) => {
        if (live && !touched.current && settings.idag !== null) {
          setMonth(defaultReportMonth(settings.idag, now));
        }
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [app, now]);

  const parsed = parseMonthInput(month);
  const invalid = tried && parsed === null;
  const busy = monthly.running || invoice.running;

  const createMonthly = () => {
    setTried(true);
    if (parsed === null) return;
    setReport(null);
    void monthly
      .run((progress) => app.createMonthlyReport(parsed, progress))
      .then((r) => {
        if (r) setReport(r);
      });
  };

  const createInvoice = () => {
    setTried(true);
    if (parsed === null) return;
    setInvoiceResult(null);
    void invoice
      .run((progress) => app.createInvoice(parsed, progress))
      .then((r) => {
        if (r) setInvoiceResult(r);
      });
  };

  return (
    <div className={styles.root}>
      <Field
        label="Månad"
        hint="Skriv månaden som ÅÅÅÅ-MM, t.ex. 2024-05."
        validationState={invalid ? "error" : "none"}
        validationMessage={invalid ? "Skriv månaden som ÅÅÅÅ-MM, t.ex. 2024-05." : undefined}
      >
        <Input
          value={month}
          placeholder="ÅÅÅÅ-MM"
          inputMode="numeric"
          onChange={(_, data) => {
            touched.current = true;
            setMonth(data.value);
          }}
        />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={createMonthly} disabled={busy}>
          {monthly.running ? "Skapar månadsrapport…" : "Skapa månadsrapport"}
        </Button>
        <Button appearance="secondary" onClick={createInvoice} disabled={busy}>
          {invoice.running ? "Skapar fakturaunderlag…" : "Skapa fakturaunderlag"}
        </Button>
      </div>
      <ActionProgress
        slow={monthly.slow}
        step={monthly.step}
        fraction={monthly.fraction}
        label="Skapar månadsrapport"
      />
      <ActionProgress
        slow={invoice.slow}
        step={invoice.step}
        fraction={invoice.fraction}
        label="Skapar fakturaunderlag"
      />
      <ErrorMessage message={monthly.error} title="Månadsrapporten kunde inte skapas" />
      <ErrorMessage message={invoice.error} title="Fakturaunderlaget kunde inte skapas" />

      {report ? (
        <SuccessMessage>
          {sheetSentence(report.sheet, report.replaced)} Den omfattar {report.participants}{" "}
          deltagare.
        </SuccessMessage>
      ) : null}

      {invoiceResult ? (
        <section aria-labelledby="schemakoll-invoice" className={styles.root}>
          <Subtitle2 as="h2" id="schemakoll-invoice" className={styles.heading}>
            Fakturaunderlag {invoiceResult.invoice.month}
          </Subtitle2>
          <SuccessMessage>
            {sheetSentence(invoiceResult.sheet, invoiceResult.replaced)}
          </SuccessMessage>
          <Body1>
            Summa: <Text className={styles.total}>{formatKronor(invoiceResult.invoice.total)}</Text>{" "}
            ({invoiceResult.invoice.rows.length}{" "}
            {invoiceResult.invoice.rows.length === 1 ? "rad" : "rader"})
          </Body1>
          {invoiceResult.invoice.refused.length > 0 ? (
            <>
              <Subtitle2 as="h3" className={styles.heading}>
                Kan inte faktureras
              </Subtitle2>
              <ul className={styles.list}>
                {invoiceResult.invoice.refused.map((r, i) => (
                  <li key={i} className={styles.item}>
                    <Badge appearance="filled" color="danger" shape="rounded">
                      Nekad
                    </Badge>
                    <Body1>
                      {programmeLabel(r.programme)}: {r.message}
                    </Body1>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {invoiceResult.invoice.problems.length > 0 ? (
            <>
              <Subtitle2 as="h3" className={styles.heading}>
                Att kontrollera
              </Subtitle2>
              <ul className={styles.list}>
                {invoiceResult.invoice.problems.map((p, i) => (
                  <li key={i} className={styles.item}>
                    <SeverityBadge severity={p.severity} />
                    <Body1>
                      {p.participantId}: {p.message}
                    </Body1>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {invoiceResult.invoice.refused.length === 0 &&
          invoiceResult.invoice.problems.length === 0 ? (
            <Caption1>Inga nekade deltagare och inget att kontrollera.</Caption1>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
