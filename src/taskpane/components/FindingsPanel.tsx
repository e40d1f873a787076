import {
  Badge,
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  Text,
  Textarea,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { useId, useMemo, useState, useSyncExternalStore, type SyntheticEvent } from "react";
import type { FindingView, ParticipantView, SchemakollApp, ValidationView } from "../../app/api";
import type { Severity } from "../../domain/model";
import type { Programme } from "../../domain/programmes";
import { programmeLabel, SEVERITY_LABEL, severityCount } from "../format";
import type { ValidationStore } from "../store";
import { useAction } from "../useAction";
import { ActionProgress, ErrorMessage } from "./Status";

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
  summaryItem: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  filters: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  rule: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  finding: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  findingHead: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  message: { textAlign: "start", overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
  heading: { margin: 0 },
});

const SEVERITY_COLOR = {
  error: "danger",
  warning: "warning",
  info: "informative",
} as const;

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** The filter value for findings of the whole workbook (no participant). */
const WORKBOOK = "arbetsbok";

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <Badge appearance="filled" shape="rounded" color={SEVERITY_COLOR[severity]}>
      {SEVERITY_LABEL[severity]}
    </Badge>
  );
}

interface Group {
  key: string;
  heading: string;
  rules: { ruleId: string; findings: FindingView[] }[];
}

/** Findings by participant (in the view's order, the workbook last), then rule. */
function group(view: ValidationView, findings: readonly FindingView[]): Group[] {
  const groups: Group[] = [];
  const add = (key: string, heading: string, own: readonly FindingView[]) => {
    if (own.length === 0) return;
    const rules = new Map<string, FindingView[]>();
    for (const f of own) rules.set(f.ruleId, [...(rules.get(f.ruleId) ?? []), f]);
    groups.push({
      key,
      heading,
      rules: Array.from(rules, ([ruleId, list]) => ({ ruleId, findings: list })),
    });
  };
  const known = new Set(view.participants.map((p) => p.id));
  view.participants.forEach((p, i) => {
    add(
      `p${i}`,
      p.label,
      findings.filter((f) => f.participantId === p.id),
    );
  });
  // Findings of a participant the register does not list, by their (masked) label.
  const strays = findings.filter((f) => f.participantId !== null && !known.has(f.participantId));
  const labels = Array.from(new Set(strays.map((f) => f.participantLabel ?? "Okänd deltagare")));
  labels.forEach((label, i) => {
    add(
      `s${i}`,
      label,
      strays.filter((f) => (f.participantLabel ?? "Okänd deltagare") === label),
    );
  });
  add(
    WORKBOOK,
    "Hela arbetsboken",
    findings.filter((f) => f.participantId === null),
  );
  return groups;
}

function Summary({ participants }: { participants: readonly ParticipantView[] }) {
  const styles = useStyles();
  return (
    <section aria-labelledby="schemakoll-summary">
      <Subtitle2 as="h2" id="schemakoll-summary" className={styles.heading}>
        Sammanfattning
      </Subtitle2>
      <ul className={styles.list} aria-label="Sammanfattning per deltagare">
        {participants.map((p, i) => (
          <li key={i} className={styles.summaryItem}>
            <Text weight="semibold">{p.label}</Text>
            <div className={styles.badges}>
              {SEVERITIES.map((s) => (
                <Badge
                  key={s}
                  appearance={p.counts[s] > 0 ? "filled" : "outline"}
                  color={p.counts[s] > 0 ? SEVERITY_COLOR[s] : "informative"}
                  shape="rounded"
                >
                  {severityCount(s, p.counts[s])}
                </Badge>
              ))}
              {p.accepted > 0 ? (
                <Badge appearance="outline" color="success" shape="rounded">
                  {p.accepted} {p.accepted === 1 ? "godkänd" : "godkända"}
                </Badge>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface AcceptDialogProps {
  finding: FindingView | null;
  onClose: () => void;
  onAccept: (finding: FindingView, reason: string, acceptedBy: string | null) => Promise<boolean>;
  running: boolean;
  slow: boolean;
  error: string | null;
}

function AcceptDialog({ finding, onClose, onAccept, running, slow, error }: AcceptDialogProps) {
  const [reason, setReason] = useState("");
  const [acceptedBy, setAcceptedBy] = useState("");
  const [tried, setTried] = useState(false);
  const formId = useId();
  const missing = reason.trim() === "";

  const close = () => {
    setReason("");
    setAcceptedBy("");
    setTried(false);
    onClose();
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setTried(true);
    if (finding === null || missing) return;
    const by = acceptedBy.trim();
    void onAccept(finding, reason.trim(), by === "" ? null : by).then((ok) => {
      if (ok) close();
    });
  };

  return (
    <Dialog
      open={finding !== null}
      modalType="modal"
      onOpenChange={(_, data) => {
        if (!data.open && !running) close();
      }}
    >
      <DialogSurface aria-describedby={`${formId}-what`}>
        <form id={formId} onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>Godkänn avvikelse</DialogTitle>
            <DialogContent style={{ display: "flex", flexDirection: "column", gap: 12 }}>
              <Body1 id={`${formId}-what`}>
                {finding?.message} Avvikelsen sparas i bladet Godkända avvikelser och markeras inte
                längre.
              </Body1>
              <Field
                label="Motivering"
                required
                validationState={tried && missing ? "error" : "none"}
                validationMessage={
                  tried && missing ? "Skriv varför avvikelsen är godkänd." : undefined
                }
              >
                <Textarea
                  value={reason}
                  onChange={(_, data) => {
                    setReason(data.value);
                  }}
                  resize="vertical"
                />
              </Field>
              <Field label="Godkänd av" hint="Frivilligt, t.ex. ditt namn eller handläggarens.">
                <Input
                  value={acceptedBy}
                  onChange={(_, data) => {
                    setAcceptedBy(data.value);
                  }}
                />
              </Field>
              <ActionProgress
                slow={slow}
                step={null}
                fraction={null}
                label="Sparar godkännandet och validerar igen"
              />
              <ErrorMessage message={error} />
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={running}>
                {running ? "Godkänner…" : "Godkänn"}
              </Button>
              <Button appearance="secondary" onClick={close} disabled={running}>
                Avbryt
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

export interface FindingsPanelProps {
  app: SchemakollApp;
  store: ValidationStore;
}

export function FindingsPanel({ app, store }: FindingsPanelProps) {
  const styles = useStyles();
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const clear = useAction();
  const select = useAction();
  const accept = useAction();
  const [severity, setSeverity] = useState<"" | Severity>("");
  const [programme, setProgramme] = useState<"" | Programme>("");
  const [participant, setParticipant] = useState("");
  const [accepting, setAccepting] = useState<FindingView | null>(null);
  const [cleared, setCleared] = useState(false);
  const view = state.view;

  const programmes = useMemo(() => {
    const set = new Set<Programme>();
    for (const f of view?.findings ?? []) if (f.programme !== null) set.add(f.programme);
    return Array.from(set);
  }, [view]);

  const filtered = useMemo(() => {
    if (view === null) return [];
    const chosen = participant === "" ? null : participant;
    const chosenId =
      chosen === null || chosen === WORKBOOK
        ? null
        : (view.participants[Number(chosen)]?.id ?? null);
    return view.findings.filter(
      (f) =>
        (severity === "" || f.severity === severity) &&
        (programme === "" || f.programme === programme) &&
        (chosen === null ||
          (chosen === WORKBOOK ? f.participantId === null : f.participantId === chosenId)),
    );
  }, [view, severity, programme, participant]);

  const groups = useMemo(() => (view === null ? [] : group(view, filtered)), [view, filtered]);

  const validate = () => {
    setCleared(false);
    void store.validate(app);
  };

  return (
    <div className={styles.root}>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={validate} disabled={state.running}>
          {state.running ? "Validerar…" : "Validera schema"}
        </Button>
        <Button
          appearance="secondary"
          disabled={clear.running || state.running}
          onClick={() => {
            void clear
              .run(() => app.clearMarks())
              .then(() => {
                setCleared(true);
              });
          }}
        >
          Rensa markeringar
        </Button>
      </div>
      <ActionProgress
        slow={state.running && state.slow}
        step={state.step}
        fraction={state.fraction}
        label="Validerar schemat"
      />
      <ActionProgress
        slow={clear.slow}
        step={clear.step}
        fraction={clear.fraction}
        label="Rensar markeringar"
      />
      <ErrorMessage message={state.error} title="Valideringen gick inte" />
      <ErrorMessage message={clear.error} title="Markeringarna kunde inte rensas" />
      <ErrorMessage message={select.error} title="Cellerna kunde inte väljas" />
      {cleared && clear.error === null ? (
        <Caption1 role="status">Markeringarna är borttagna.</Caption1>
      ) : null}

      {view === null ? (
        <Body1>
          Klicka på Validera schema för att kontrollera arbetsbokens scheman mot reglerna.
          Avvikelserna markeras i cellerna och listas här.
        </Body1>
      ) : view.empty ? (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>
              Hittade inget schema i arbetsboken – välj blad under Mall
            </MessageBarTitle>
            {view.notices.join(" ")}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Caption1 role="status">
            Kontrollerat med idag {view.idag}: {view.findings.length}{" "}
            {view.findings.length === 1 ? "avvikelse" : "avvikelser"}, {view.markedCells}{" "}
            {view.markedCells === 1 ? "cell markerad" : "celler markerade"}.
          </Caption1>
          {view.notices.length > 0 ? (
            <MessageBar intent="info">
              <MessageBarBody>{view.notices.join(" ")}</MessageBarBody>
            </MessageBar>
          ) : null}
          <Summary participants={view.participants} />

          <section aria-labelledby="schemakoll-findings" className={styles.group}>
            <Subtitle2 as="h2" id="schemakoll-findings" className={styles.heading}>
              Avvikelser
            </Subtitle2>
            <div className={styles.filters} role="group" aria-label="Filtrera avvikelser">
              <Field label="Allvarlighet">
                <Select
                  value={severity}
                  onChange={(_, data) => {
                    setSeverity(data.value as "" | Severity);
                  }}
                >
                  <option value="">Alla</option>
                  <option value="error">Fel</option>
                  <option value="warning">Varningar</option>
                  <option value="info">Info</option>
                </Select>
              </Field>
              <Field label="Insats">
                <Select
                  value={programme}
                  onChange={(_, data) => {
                    setProgramme(data.value as "" | Programme);
                  }}
                >
                  <option value="">Alla insatser</option>
                  {programmes.map((p) => (
                    <option key={p} value={p}>
                      {programmeLabel(p)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Deltagare">
                <Select
                  value={participant}
                  onChange={(_, data) => {
                    setParticipant(data.value);
                  }}
                >
                  <option value="">Alla deltagare</option>
                  {view.participants.map((p, i) => (
                    <option key={i} value={String(i)}>
                      {p.label}
                    </option>
                  ))}
                  {view.findings.some((f) => f.participantId === null) ? (
                    <option value={WORKBOOK}>Hela arbetsboken</option>
                  ) : null}
                </Select>
              </Field>
            </div>

            {groups.length === 0 ? (
              <Body1>
                {view.findings.length === 0
                  ? "Inga avvikelser – schemana följer reglerna."
                  : "Inga avvikelser med de valda filtren."}
              </Body1>
            ) : (
              groups.map((g) => (
                <section key={g.key} className={styles.group} aria-label={g.heading}>
                  <Subtitle2 as="h3" className={styles.heading}>
                    {g.heading}
                  </Subtitle2>
                  {g.rules.map((r) => {
                    const first = r.findings[0];
                    return (
                      <div key={r.ruleId} className={styles.rule}>
                        <Text as="h4" weight="semibold" className={styles.heading}>
                          {r.ruleId}
                        </Text>
                        {first?.explanation ? <Caption1>{first.explanation}</Caption1> : null}
                        {first ? (
                          <Caption1 className={styles.muted}>Källa: {first.source}</Caption1>
                        ) : null}
                        <ul className={styles.list} aria-label={`Avvikelser för ${r.ruleId}`}>
                          {r.findings.map((f) => (
                            <FindingItem
                              key={f.key}
                              finding={f}
                              selecting={select.running}
                              onSelect={() => {
                                void select.run(() => app.select(f));
                              }}
                              onAccept={() => {
                                accept.clearError();
                                setAccepting(f);
                              }}
                            />
                          ))}
                        </ul>
                      </div>
                    );
                  })}
                </section>
              ))
            )}
          </section>
        </>
      )}
      <AcceptDialog
        finding={accepting}
        running={accept.running}
        slow={accept.slow}
        error={accept.error}
        onClose={() => {
          setAccepting(null);
        }}
        onAccept={async (f, reason, by) => {
          const next = await accept.run(() => app.accept(f, reason, by));
          if (next === undefined) return false;
          store.setView(next);
          return true;
        }}
      />
    </div>
  );
}

interface FindingItemProps {
  finding: FindingView;
  selecting: boolean;
  onSelect: () => void;
  onAccept: () => void;
}

function FindingItem({ finding: f, selecting, onSelect, onAccept }: FindingItemProps) {
  const styles = useStyles();
  // The dialog is opened from here without a DialogTrigger: tell Fluent where focus returns.
  const restoreFocusTarget = useRestoreFocusTarget();
  const where =
    f.sheet === null ? null : `${f.sheet}${f.cells.length > 0 ? `!${f.cells.join(", ")}` : ""}`;
  return (
    <li className={styles.finding}>
      <div className={styles.findingHead}>
        <SeverityBadge severity={f.severity} />
        {f.sheet !== null ? (
          <Link
            as="button"
            className={styles.message}
            onClick={onSelect}
            disabled={selecting}
            title={`Visa ${where ?? ""} i arbetsboken`}
          >
            {f.message}
          </Link>
        ) : (
          <Body1 className={styles.message}>{f.message}</Body1>
        )}
      </div>
      {where !== null ? <Caption1 className={styles.muted}>{where}</Caption1> : null}
      {f.accepted ? (
        <div className={styles.badges}>
          <Badge appearance="outline" color="success" shape="rounded">
            Godkänd
          </Badge>
          <Caption1>
            Godkänd: {f.acceptance?.reason ?? "utan motivering"}
            {f.acceptance?.acceptedBy ? ` (${f.acceptance.acceptedBy})` : ""}
          </Caption1>
        </div>
      ) : f.participantId === null ? null : (
        // A finding of the whole workbook (a sheet not read) is corrected, not accepted.
        <Button
          size="small"
          appearance="subtle"
          onClick={onAccept}
          aria-label={`Godkänn avvikelse: ${f.message}`}
          {...restoreFocusTarget}
        >
          Godkänn avvikelse
        </Button>
      )}
    </li>
  );
}
