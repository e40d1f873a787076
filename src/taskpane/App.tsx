import {
  Body1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { useId, useState } from "react";
import type { SchemakollApp } from "../app/api";
import { FindingsPanel } from "./components/FindingsPanel";
import { FormulaReference } from "./components/FormulaReference";
import { ReportsPanel } from "./components/ReportsPanel";
import { SettingsPanel } from "./components/SettingsPanel";
import { TemplatePanel } from "./components/TemplatePanel";
import { validationStore, type ValidationStore } from "./store";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  title: { margin: 0 },
  tabs: {
    flexWrap: "wrap",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  panel: {
    minWidth: 0,
    // A select sizes itself to its longest option ("Arbetsnärmande förstegsaktiviteter
    // (FAI 2)", a participant's label); let fields shrink to the pane's 320 px instead.
    "& .fui-Field": { minWidth: 0, gridTemplateColumns: "minmax(0, 1fr)" },
    "& .fui-Select": { minWidth: 0, maxWidth: "100%" },
    "& .fui-Select__select": { minWidth: 0, maxWidth: "100%", textOverflow: "ellipsis" },
    "& .fui-Input": { minWidth: 0, maxWidth: "100%" },
  },
});

export type TabValue = "fynd" | "rapporter" | "mall" | "installningar" | "formler";

const TABS: readonly { value: TabValue; label: string }[] = [
  { value: "fynd", label: "Fynd" },
  { value: "rapporter", label: "Rapporter" },
  { value: "mall", label: "Mall" },
  { value: "installningar", label: "Inställningar" },
  { value: "formler", label: "Formler" },
];

export interface AppProps {
  /** null outside Excel (or when office.js did not load): only the formula reference is shown. */
  app?: SchemakollApp | null;
  /** Swedish text shown when there is no app (why, and what to do). */
  notice?: string | null;
  store?: ValidationStore;
  initialTab?: TabValue;
  /** For tests: the machine's "now". */
  now?: Date;
}

export function App({
  app = null,
  notice = null,
  store = validationStore,
  initialTab,
  now,
}: AppProps) {
  const styles = useStyles();
  const id = useId();
  const [tab, setTab] = useState<TabValue>(initialTab ?? (app ? "fynd" : "formler"));

  if (app === null) {
    return (
      <main className={styles.root}>
        <Title3 as="h1" className={styles.title}>
          Schemakoll
        </Title3>
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>Öppna Schemakoll i Excel</MessageBarTitle>
            {notice ??
              "Schemakoll kontrollerar scheman i en Excel-arbetsbok. Här kan du läsa om formlerna."}
          </MessageBarBody>
        </MessageBar>
        <Body1>
          Schemakoll kontrollerar individuella scheman mot reglerna för Rusta och matcha 2,
          Introduktion till arbete, Nackas kundval och lokala jobbspår.
        </Body1>
        <FormulaReference />
      </main>
    );
  }

  return (
    <main className={styles.root}>
      <Title3 as="h1" className={styles.title}>
        Schemakoll
      </Title3>
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, data) => {
          setTab(data.value as TabValue);
        }}
        aria-label="Schemakolls vyer"
        size="small"
      >
        {TABS.map((t) => (
          <Tab
            key={t.value}
            value={t.value}
            id={`${id}-tab-${t.value}`}
            aria-controls={`${id}-panel`}
          >
            {t.label}
          </Tab>
        ))}
      </TabList>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${tab}`}
        className={styles.panel}
      >
        {tab === "fynd" ? <FindingsPanel app={app} store={store} /> : null}
        {tab === "rapporter" ? <ReportsPanel app={app} {...(now ? { now } : {})} /> : null}
        {tab === "mall" ? <TemplatePanel app={app} store={store} /> : null}
        {tab === "installningar" ? <SettingsPanel app={app} /> : null}
        {tab === "formler" ? <FormulaReference /> : null}
      </div>
    </main>
  );
}
