import { Caption1, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { FUNCTION_REFERENCE } from "../functionReference";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  heading: { margin: 0 },
});

export function FormulaReference() {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="schemakoll-formulas">
      <Subtitle2 as="h2" id="schemakoll-formulas" className={styles.heading}>
        Formler
      </Subtitle2>
      <Caption1>
        Formlerna fungerar i alla blad i arbetsboken, även när fönstret är stängt.
      </Caption1>
      <ul className={styles.list} aria-label="Schemakolls formler">
        {FUNCTION_REFERENCE.map((f) => (
          <li key={f.name} className={styles.item}>
            <Text weight="semibold">AMI.{f.name}</Text>
            <Text className={styles.code}>{f.syntax}</Text>
            <Caption1>
              Exempel: <span className={styles.code}>{f.example}</span> ger {f.result}
            </Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}
