import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  Select,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useState, useSyncExternalStore, type SyntheticEvent } from "react";
import type { SchemakollApp, TemplateSheetView, TemplateView } from "../../app/api";
import { displayId } from "../../domain/personnummer";
import { SHEET_KINDS, type SheetKind } from "../../domain/model";
import { PROGRAMME_KEYS, type Programme } from "../../domain/programmes";
import { conceptLabel, programmeLabel, sheetKindLabel, SHEET_KIND_LABEL } from "../format";
import type { ValidationStore } from "../store";
import { useAction } from "../useAction";
import { ActionProgress, ErrorMessage, SuccessMessage } from "./Status";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  columns: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(120px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  heading: { margin: 0 },
});

const COLUMN_PATTERN = /^[A-Z]{1,3}$/;
/** Select value for "no participant". */
const NONE = "";
/** Select value for the participant the map already has (not among the validated ones). */
const CURRENT = "nuvarande";

interface Draft {
  kind: SheetKind | null;
  columns: Record<string, string>;
  /** NONE, CURRENT or the index of a validated participant. */
  participant: string;
  programme: Programme | null;
}

export interface TemplatePanelProps {
  app: SchemakollApp;
  store: ValidationStore;
}

export function TemplatePanel({ app, store }: TemplatePanelProps) {
  const styles = useStyles();
  const validation = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const participants = validation.view?.participants ?? [];
  const load = useAction();
  const save = useAction();
  const [template, setTemplate] = useState<TemplateView | null>(null);
  const [sheetName, setSheetName] = useState("");
  const [draft, setDraft] = useState<Draft | null>(null);
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const startEditing = useCallback(
    (sheet: TemplateSheetView | undefined) => {
      setTried(false);
      if (!sheet) {
        setSheetName("");
        setDraft(null);
        return;
      }
      const index = participants.findIndex((p) => p.id === sheet.participant);
      setSheetName(sheet.sheet);
      setDraft({
        kind: sheet.kind,
        columns: { ...sheet.columns },
        participant: sheet.participant === null ? NONE : index >= 0 ? String(index) : CURRENT,
        programme: sheet.programme,
      });
    },
    [participants],
  );

  const { run: runLoad } = load;
  useEffect(() => {
    void runLoad(() => app.readTemplate()).then((t) => {
      if (t) setTemplate(t);
    });
  }, [app, runLoad]);

  const sheet = template?.sheets.find((s) => s.sheet === sheetName);
  const concepts = draft?.kind ? (template?.conceptsByKind[draft.kind] ?? []) : [];
  const badColumns = concepts.filter((c) => {
    const value = draft?.columns[c] ?? "";
    return value !== "" && !COLUMN_PATTERN.test(value);
  });

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setTried(true);
    if (!sheet || !draft || badColumns.length > 0) return;
    const columns: Record<string, string> = {};
    for (const c of concepts) {
      const value = draft.columns[c] ?? "";
      if (value !== "") columns[c] = value;
    }
    const participant =
      draft.participant === NONE
        ? null
        : draft.participant === CURRENT
          ? sheet.participant
          : (participants[Number(draft.participant)]?.id ?? null);
    const changed: TemplateSheetView = {
      ...sheet,
      kind: draft.kind,
      columns,
      participant,
      programme: draft.programme,
      manual: true,
    };
    setSaved(null);
    void save
      .run(() => app.saveTemplateSheet(changed))
      .then((t) => {
        if (!t) return;
        setTemplate(t);
        setSaved(
          `Mallen för ${sheet.sheet} är sparad. Nästa validering läser bladet som ${sheetKindLabel(draft.kind).toLowerCase()}.`,
        );
      });
  };

  return (
    <div className={styles.root}>
      <Body1>
        Här ser du hur Schemakoll har tolkat arbetsbokens blad. Stämmer det inte kan du rätta
        bladets typ och vilka kolumner som innehåller vad.
      </Body1>
      <ActionProgress
        slow={load.slow}
        step={load.step}
        fraction={load.fraction}
        label="Läser mallen"
      />
      <ErrorMessage message={load.error} title="Mallen kunde inte läsas" />
      {template ? (
        <section aria-labelledby="schemakoll-sheets">
          <Subtitle2 as="h2" id="schemakoll-sheets" className={styles.heading}>
            Blad i arbetsboken
          </Subtitle2>
          <ul className={styles.list} aria-label="Igenkända blad">
            {template.sheets.map((s) => (
              <li key={s.sheet} className={styles.item}>
                <Text weight="semibold">{s.sheet}</Text>
                <Badge
                  appearance={s.kind === null ? "outline" : "tint"}
                  color={s.kind === null ? "warning" : "brand"}
                  shape="rounded"
                >
                  {sheetKindLabel(s.kind)}
                </Badge>
                {s.manual ? <Caption1>(rättad för hand)</Caption1> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {template ? (
        <form className={styles.form} onSubmit={submit} noValidate aria-label="Rätta ett blad">
          <Subtitle2 as="h2" className={styles.heading}>
            Rätta ett blad
          </Subtitle2>
          <Field label="Blad">
            <Select
              value={sheetName}
              onChange={(_, data) => {
                setSaved(null);
                startEditing(template.sheets.find((s) => s.sheet === data.value));
              }}
            >
              <option value="">Välj blad…</option>
              {template.sheets.map((s) => (
                <option key={s.sheet} value={s.sheet}>
                  {s.sheet}
                </option>
              ))}
            </Select>
          </Field>
          {draft && sheet ? (
            <>
              <Field label="Typ av blad">
                <Select
                  value={draft.kind ?? ""}
                  onChange={(_, data) => {
                    setDraft({
                      ...draft,
                      kind: data.value === "" ? null : (data.value as SheetKind),
                    });
                  }}
                >
                  <option value="">Inte igenkänt (läses inte)</option>
                  {SHEET_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {SHEET_KIND_LABEL[k]}
                    </option>
                  ))}
                </Select>
              </Field>
              {concepts.length > 0 ? (
                <fieldset className={styles.form} style={{ border: 0, padding: 0, margin: 0 }}>
                  <legend>
                    <Text weight="semibold">Kolumner</Text>{" "}
                    <Caption1>(kolumnbokstav, t.ex. B; tomt om kolumnen saknas)</Caption1>
                  </legend>
                  <div className={styles.columns}>
                    {concepts.map((c) => {
                      const value = draft.columns[c] ?? "";
                      const bad = tried && value !== "" && !COLUMN_PATTERN.test(value);
                      return (
                        <Field
                          key={c}
                          label={conceptLabel(c)}
                          validationState={bad ? "error" : "none"}
                          validationMessage={bad ? "Skriv en kolumnbokstav, t.ex. B." : undefined}
                        >
                          <Input
                            value={value}
                            maxLength={3}
                            onChange={(_, data) => {
                              setDraft({
                                ...draft,
                                columns: { ...draft.columns, [c]: data.value.trim().toUpperCase() },
                              });
                            }}
                          />
                        </Field>
                      );
                    })}
                  </div>
                </fieldset>
              ) : null}
              {draft.kind === "weekgrid" ? (
                <Field label="Deltagare" hint="Vems schema bladet är.">
                  <Select
                    value={draft.participant}
                    onChange={(_, data) => {
                      setDraft({ ...draft, participant: data.value });
                    }}
                  >
                    <option value={NONE}>Enligt bladet</option>
                    {draft.participant === CURRENT && sheet.participant !== null ? (
                      <option value={CURRENT}>{displayId(sheet.participant)}</option>
                    ) : null}
                    {participants.map((p, i) => (
                      <option key={i} value={String(i)}>
                        {p.label}
                      </option>
                    ))}
                  </Select>
                </Field>
              ) : null}
              {draft.kind === "weekgrid" || draft.kind === "activitylist" ? (
                <Field label="Insats">
                  <Select
                    value={draft.programme ?? ""}
                    onChange={(_, data) => {
                      setDraft({
                        ...draft,
                        programme: data.value === "" ? null : (data.value as Programme),
                      });
                    }}
                  >
                    <option value="">Enligt registret</option>
                    {PROGRAMME_KEYS.map((p) => (
                      <option key={p} value={p}>
                        {programmeLabel(p)}
                      </option>
                    ))}
                  </Select>
                </Field>
              ) : null}
              <div>
                <Button appearance="primary" type="submit" disabled={save.running}>
                  {save.running ? "Sparar…" : "Spara mallen"}
                </Button>
              </div>
            </>
          ) : null}
          <ActionProgress
            slow={save.slow}
            step={save.step}
            fraction={save.fraction}
            label="Sparar mallen"
          />
          <ErrorMessage message={save.error} title="Mallen kunde inte sparas" />
          {saved !== null ? <SuccessMessage>{saved}</SuccessMessage> : null}
        </form>
      ) : null}
    </div>
  );
}
