import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Switch,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState, type SyntheticEvent } from "react";
import type {
  ParameterView,
  SchemakollApp,
  SettingsChange,
  SettingsView,
  ShortNamesView,
} from "../../app/api";
import { parseIsoDate } from "../../domain/date";
import type { ParamValue } from "../../rules/types";
import { decimalInput, parseDecimal } from "../format";
import { useAction } from "../useAction";
import { ActionProgress, ErrorMessage, SuccessMessage } from "./Status";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  parameters: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
});

interface Draft {
  idag: string;
  fullTimeHours: string;
  anordnare: string;
  /** key → the text in the field; "" = the default applies. */
  parameters: Record<string, string>;
}

function paramText(value: ParamValue | null): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "ja" : "nej";
  if (typeof value === "number") return decimalInput(value);
  return value;
}

function draftOf(settings: SettingsView): Draft {
  return {
    idag: settings.idag ?? "",
    fullTimeHours: decimalInput(settings.fullTimeHours),
    anordnare: settings.anordnare ?? "",
    parameters: Object.fromEntries(settings.parameters.map((p) => [p.key, paramText(p.value)])),
  };
}

/** The typed value of a parameter field, null for empty, undefined when it does not parse. */
function parseParam(p: ParameterView, text: string): ParamValue | null | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (typeof p.defaultValue === "number") return parseDecimal(trimmed) ?? undefined;
  if (typeof p.defaultValue === "boolean") {
    if (trimmed === "ja") return true;
    if (trimmed === "nej") return false;
    return undefined;
  }
  return trimmed;
}

interface Problems {
  idag?: string;
  fullTimeHours?: string;
  parameters: Record<string, string>;
}

function check(settings: SettingsView, draft: Draft): Problems {
  const problems: Problems = { parameters: {} };
  if (draft.idag.trim() !== "" && parseIsoDate(draft.idag.trim()) === null) {
    problems.idag = "Skriv datumet som ÅÅÅÅ-MM-DD, eller lämna tomt för dagens datum.";
  }
  const hours = parseDecimal(draft.fullTimeHours);
  if (hours === null || hours <= 0 || hours > 168) {
    problems.fullTimeHours = "Skriv antalet timmar i en heltidsvecka, t.ex. 40.";
  }
  for (const p of settings.parameters) {
    if (parseParam(p, draft.parameters[p.key] ?? "") === undefined) {
      problems.parameters[p.key] =
        typeof p.defaultValue === "number" ? "Skriv ett tal." : "Välj ja eller nej.";
    }
  }
  return problems;
}

function hasProblems(problems: Problems): boolean {
  return (
    problems.idag !== undefined ||
    problems.fullTimeHours !== undefined ||
    Object.keys(problems.parameters).length > 0
  );
}

function changeOf(settings: SettingsView, draft: Draft): SettingsChange {
  const idag = draft.idag.trim() === "" ? null : parseIsoDate(draft.idag.trim());
  const anordnare = draft.anordnare.trim() === "" ? null : draft.anordnare.trim();
  const change: SettingsChange = {};
  if (idag !== settings.idag) change.idag = idag;
  const hours = parseDecimal(draft.fullTimeHours);
  if (hours !== null && hours !== settings.fullTimeHours) change.fullTimeHours = hours;
  if (anordnare !== settings.anordnare) change.anordnare = anordnare;
  const parameters: Record<string, ParamValue | null> = {};
  for (const p of settings.parameters) {
    const value = parseParam(p, draft.parameters[p.key] ?? "");
    if (value !== undefined && value !== p.value) parameters[p.key] = value;
  }
  if (Object.keys(parameters).length > 0) change.parameters = parameters;
  return change;
}

export function SettingsPanel({ app }: { app: SchemakollApp }) {
  const styles = useStyles();
  const load = useAction();
  const save = useAction();
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);

  const { run: runLoad } = load;
  useEffect(() => {
    void runLoad(() => app.readSettings()).then((s) => {
      if (!s) return;
      setSettings(s);
      setDraft(draftOf(s));
    });
  }, [app, runLoad]);

  const problems = settings && draft ? check(settings, draft) : { parameters: {} };
  const shown: Problems = tried ? problems : { parameters: {} };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setTried(true);
    setSaved(false);
    if (!settings || !draft || hasProblems(problems)) return;
    const change = changeOf(settings, draft);
    void save
      .run(() => app.saveSettings(change))
      .then((s) => {
        if (!s) return;
        setSettings(s);
        setDraft(draftOf(s));
        setTried(false);
        setSaved(true);
      });
  };

  const field = (patch: Partial<Draft>) => {
    if (draft) setDraft({ ...draft, ...patch });
    setSaved(false);
  };

  return (
    <div className={styles.root}>
      <ActionProgress
        slow={load.slow}
        step={load.step}
        fraction={load.fraction}
        label="Läser inställningarna"
      />
      <ErrorMessage message={load.error} title="Inställningarna kunde inte läsas" />
      {settings && draft ? (
        <form
          className={styles.form}
          onSubmit={submit}
          noValidate
          aria-labelledby="schemakoll-settings"
        >
          <Subtitle2 as="h2" id="schemakoll-settings" className={styles.heading}>
            Inställningar
          </Subtitle2>
          <Caption1>Sparas i bladet Inställningar i arbetsboken.</Caption1>
          <Field
            label="Idag"
            hint="Datumet reglerna räknar från (ÅÅÅÅ-MM-DD). Tomt: dagens datum."
            validationState={shown.idag ? "error" : "none"}
            validationMessage={shown.idag}
          >
            <Input
              value={draft.idag}
              placeholder="ÅÅÅÅ-MM-DD"
              onChange={(_, data) => {
                field({ idag: data.value });
              }}
            />
          </Field>
          <Field
            label="Heltid timmar"
            hint="Timmar i en heltidsvecka."
            validationState={shown.fullTimeHours ? "error" : "none"}
            validationMessage={shown.fullTimeHours}
          >
            <Input
              value={draft.fullTimeHours}
              inputMode="decimal"
              onChange={(_, data) => {
                field({ fullTimeHours: data.value });
              }}
            />
          </Field>
          <Field label="Anordnare" hint="Står på fakturaunderlaget.">
            <Input
              value={draft.anordnare}
              onChange={(_, data) => {
                field({ anordnare: data.value });
              }}
            />
          </Field>
          {settings.parameters.length > 0 ? (
            <fieldset className={styles.form} style={{ border: 0, padding: 0, margin: 0 }}>
              <legend>
                <Subtitle2 as="h3" className={styles.heading}>
                  Regelparametrar
                </Subtitle2>
              </legend>
              <Caption1>Lämna tomt för att använda standardvärdet.</Caption1>
              <ul className={styles.parameters}>
                {settings.parameters.map((p) => {
                  const text = draft.parameters[p.key] ?? "";
                  const problem = shown.parameters[p.key];
                  const hint = `${p.description}. Standard: ${paramText(p.defaultValue)}.`;
                  const set = (value: string) => {
                    field({ parameters: { ...draft.parameters, [p.key]: value } });
                  };
                  return (
                    <li key={p.key}>
                      <Field
                        label={p.key}
                        hint={hint}
                        validationState={problem ? "error" : "none"}
                        validationMessage={problem}
                      >
                        {typeof p.defaultValue === "boolean" ? (
                          <Select
                            value={text}
                            onChange={(_, data) => {
                              set(data.value);
                            }}
                          >
                            <option value="">Standard ({paramText(p.defaultValue)})</option>
                            <option value="ja">Ja</option>
                            <option value="nej">Nej</option>
                          </Select>
                        ) : (
                          <Input
                            value={text}
                            onChange={(_, data) => {
                              set(data.value);
                            }}
                          />
                        )}
                      </Field>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          ) : null}
          <div>
            <Button appearance="primary" type="submit" disabled={save.running}>
              {save.running ? "Sparar…" : "Spara inställningar"}
            </Button>
          </div>
          <ActionProgress
            slow={save.slow}
            step={save.step}
            fraction={save.fraction}
            label="Sparar inställningarna"
          />
          <ErrorMessage message={save.error} title="Inställningarna kunde inte sparas" />
          {saved ? <SuccessMessage>Inställningarna är sparade.</SuccessMessage> : null}
        </form>
      ) : null}
      <ShortNames app={app} />
    </div>
  );
}

function ShortNames({ app }: { app: SchemakollApp }) {
  const styles = useStyles();
  const load = useAction();
  const change = useAction();
  const [state, setState] = useState<ShortNamesView | null | undefined>(undefined);

  const { run: runLoad } = load;
  useEffect(() => {
    void runLoad(() => app.shortNames()).then((s) => {
      setState(s ?? null);
    });
  }, [app, runLoad]);

  if (state === undefined || state === null) return null;
  const example = state.names[0] ?? "DAGERSATTNING";
  return (
    <section aria-labelledby="schemakoll-shortnames" className={styles.form}>
      <Subtitle2 as="h2" id="schemakoll-shortnames" className={styles.heading}>
        Formelnamn utan AMI.
      </Subtitle2>
      {state.supported ? (
        <>
          <Switch
            label="Använd formelnamn utan AMI."
            checked={state.enabled}
            disabled={change.running}
            onChange={(_, data) => {
              void change
                .run(() => (data.checked ? app.enableShortNames() : app.disableShortNames()))
                .then((s) => {
                  if (s) setState(s);
                });
            }}
          />
          <Caption1>
            {state.enabled
              ? `Du kan skriva =${example}(…) i stället för =AMI.${example}(…). Stäng av för att ta bort namnen ur arbetsboken.`
              : `Då kan du skriva =${example}(…) i stället för =AMI.${example}(…). Namnen sparas i arbetsboken.`}
          </Caption1>
        </>
      ) : (
        <MessageBar intent="info">
          <MessageBarBody>
            Din version av Excel saknar funktionen LAMBDA, så formlerna kan bara skrivas med AMI.
            före namnet, t.ex. =AMI.{example}(…).
          </MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage message={change.error} title="Formelnamnen kunde inte ändras" />
    </section>
  );
}
