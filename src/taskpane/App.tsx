import {
  Body1,
  Caption1,
  makeStyles,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { FUNCTION_REFERENCE } from "./functionReference";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  code: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-word" },
});

export function App() {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title3 as="h1">Schemakoll</Title3>
      <Body1>
        Schemakoll kontrollerar individuella scheman mot reglerna för Rusta och matcha 2,
        Introduktion till arbete, Nackas kundval och lokala jobbspår.
      </Body1>
      <Subtitle2 as="h2">Formler</Subtitle2>
      <Caption1>
        Formlerna fungerar i alla blad i arbetsboken, även när fönstret är stängt.
      </Caption1>
      <Table size="small" aria-label="Schemakolls formler">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Exempel</TableHeaderCell>
            <TableHeaderCell>Resultat</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {FUNCTION_REFERENCE.map((f) => (
            <TableRow key={f.name}>
              <TableCell className={styles.code}>{f.example}</TableCell>
              <TableCell>{f.result}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </main>
  );
}
