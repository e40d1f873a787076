import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { VALIDATE_COMMAND } from "../../src/taskpane/ribbon";
import { validateManifest } from "./validateManifest";

const repoRoot = resolve(__dirname, "..", "..");
const manifestPath = join(repoRoot, "manifest.xml");
const realManifest = readFileSync(manifestPath, "utf8");

function validate(xml: string, rootDir = repoRoot) {
  return validateManifest(xml, { rootDir });
}

/** Ersätter exakt en förekomst; misslyckas om texten inte finns (så att testfallet inte blir tomt). */
function edit(xml: string, from: string | RegExp, to: string): string {
  const matches =
    typeof from === "string" ? xml.split(from).length - 1 : (xml.match(from) ?? []).length;
  if (matches !== 1) {
    throw new Error(`Testredigeringen hittade ${matches} träffar för ${String(from)}, väntade 1.`);
  }
  return xml.replace(from, to);
}

describe("validateManifest – det riktiga manifestet", () => {
  it("godkänns utan fel och utan varningar", () => {
    const result = validate(realManifest);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("ger en sammanfattning", () => {
    expect(validate(realManifest).summary).toEqual({
      id: "65bd695d-ecae-40a9-aca4-eb512fb2d6b6",
      version: "1.0.0.0",
      displayName: "Schemakoll",
      functionsNamespace: "AMI",
      // 3 images + 4 urls + 5 short strings + 3 long strings.
      resourceCount: 15,
      iconFilesChecked: 5,
      executeFunctions: ["validateSchedule"],
    });
  });

  it("har knappen Validera schema i gruppen Schemakoll på fliken Start, med svensk text", () => {
    const group = /<Group id="Schemakoll\.Group">[\s\S]*?<\/Group>/.exec(realManifest)?.[0] ?? "";
    expect(group).toContain('<Control xsi:type="Button" id="Schemakoll.Validate">');
    expect(group).toContain('<Action xsi:type="ExecuteFunction">');
    expect(realManifest).toContain(
      '<bt:String id="Schemakoll.Validate.Label" DefaultValue="Validera schema"/>',
    );
  });

  it("varje ExecuteFunction registreras av åtgärdsfönstret (src/taskpane/ribbon.ts)", () => {
    const result = validateManifest(realManifest, {
      rootDir: repoRoot,
      associatedActions: [VALIDATE_COMMAND],
    });
    expect(result.errors).toEqual([]);
  });

  it("underkänner ett FunctionName som koden inte registrerar", () => {
    const { errors } = validateManifest(realManifest, {
      rootDir: repoRoot,
      associatedActions: ["openPane"],
    });
    expect(errors).toEqual([
      expect.stringMatching(
        /^<FunctionName> "validateSchedule" i <Action> \(rad \d+\) registreras inte med Office\.actions\.associate i koden \(registrerade: openPane\)/,
      ),
    ]);
  });

  it("använder bara utvecklingsadressen https://localhost:3000/ för alla URL:er", () => {
    const urls = realManifest.match(/https?:\/\/[^"<\s]+/g) ?? [];
    const schemaNamespaces = urls.filter((u) => u.startsWith("http://schemas.microsoft.com/"));
    const xsi = urls.filter((u) => u === "http://www.w3.org/2001/XMLSchema-instance");
    const others = urls.filter((u) => !schemaNamespaces.includes(u) && !xsi.includes(u));
    expect(others.length).toBeGreaterThan(0);
    for (const url of others) expect(url.startsWith("https://localhost:3000/")).toBe(true);
  });
});

interface BrokenCase {
  readonly name: string;
  readonly make: (xml: string) => string;
  readonly expected: readonly (string | RegExp)[];
}

const shortString126 = "Å".repeat(126);
const longString251 = "a".repeat(251);

const brokenCases: readonly BrokenCase[] = [
  {
    name: "trasig XML (sluttagg saknas)",
    make: (xml) => edit(xml, "</Permissions>", ""),
    expected: ["Manifestet är inte välformad XML"],
  },
  {
    name: "obligatoriskt element saknas (DefaultLocale)",
    make: (xml) => edit(xml, "<DefaultLocale>sv-SE</DefaultLocale>", ""),
    expected: ["Obligatoriskt element <DefaultLocale> saknas i <OfficeApp>."],
  },
  {
    name: "två element i fel ordning (Version och ProviderName)",
    make: (xml) =>
      edit(
        xml,
        "<Version>1.0.0.0</Version>\n  <ProviderName>Schemakoll</ProviderName>",
        "<ProviderName>Schemakoll</ProviderName>\n  <Version>1.0.0.0</Version>",
      ),
    expected: [
      /Fel elementordning i <OfficeApp>: <Version> \(rad \d+\) måste stå före <ProviderName>/,
    ],
  },
  {
    name: "Permissions och DefaultSettings i fel ordning",
    make: (xml) =>
      edit(
        edit(xml, "  <Permissions>ReadWriteDocument</Permissions>\n", ""),
        "  <DefaultSettings>",
        "  <Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>",
      ),
    expected: [/<DefaultSettings> \(rad \d+\) måste stå före <Permissions>/],
  },
  {
    name: "Runtime-resid stämmer inte med Page-resid",
    make: (xml) =>
      edit(
        edit(
          xml,
          '<Page>\n              <SourceLocation resid="Taskpane.Url"/>',
          '<Page>\n              <SourceLocation resid="Functions.Page.Url"/>',
        ),
        "<bt:Urls>",
        '<bt:Urls>\n        <bt:Url id="Functions.Page.Url" DefaultValue="https://localhost:3000/functions.html"/>',
      ),
    expected: [
      /<SourceLocation> \(rad \d+\) i CustomFunctions <Page> har resid "Functions\.Page\.Url" men den delade körmiljön <Runtime> har resid "Taskpane\.Url"/,
    ],
  },
  {
    name: "FunctionFile pekar på en annan sida än körmiljön",
    make: (xml) =>
      edit(
        xml,
        '<FunctionFile resid="Taskpane.Url"/>',
        '<FunctionFile resid="Functions.Script.Url"/>',
      ),
    expected: [/<FunctionFile> \(rad \d+\) har resid "Functions\.Script\.Url"/],
  },
  {
    name: "körmiljön är inte långlivad",
    make: (xml) => edit(xml, 'lifetime="long"', 'lifetime="short"'),
    expected: ['lifetime="long"'],
  },
  {
    name: "SharedRuntime saknas i Requirements",
    make: (xml) => edit(xml, 'Name="SharedRuntime"', 'Name="CustomFunctionsRuntime"'),
    expected: ['<Requirements> saknar <Set Name="SharedRuntime" MinVersion="1.1"/>'],
  },
  {
    name: "namnrymden är inte AMI",
    make: (xml) =>
      edit(
        xml,
        '<bt:String id="Functions.Namespace" DefaultValue="AMI"/>',
        '<bt:String id="Functions.Namespace" DefaultValue="CONTOSO"/>',
      ),
    expected: [
      'Funktionernas namnrymd (resid "Functions.Namespace") är "CONTOSO" men ska vara "AMI"',
    ],
  },
  {
    name: "http:// i stället för https://",
    make: (xml) =>
      edit(
        xml,
        'DefaultValue="https://localhost:3000/functions.json"',
        'DefaultValue="http://localhost:3000/functions.json"',
      ),
    expected: [
      /URL:en "http:\/\/localhost:3000\/functions\.json" i <bt:Url> \(rad \d+\) måste använda https/,
    ],
  },
  {
    name: "ikonfilen saknas",
    make: (xml) =>
      edit(
        xml,
        'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"',
        'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/saknas.png"',
      ),
    expected: [
      /Ikonfilen assets\/saknas\.png för "https:\/\/localhost:3000\/assets\/saknas\.png" i <bt:Image> \(rad \d+\) finns inte/,
    ],
  },
  {
    name: "felaktig Version",
    make: (xml) => edit(xml, "<Version>1.0.0.0</Version>", "<Version>1.0.a</Version>"),
    expected: ['<Version> "1.0.a" har fel format'],
  },
  {
    name: "Id är inte ett GUID",
    make: (xml) => edit(xml, /<Id>[^<]+<\/Id>/, "<Id>schemakoll</Id>"),
    expected: ['<Id> "schemakoll" är inte ett GUID'],
  },
  {
    name: "fel språk",
    make: (xml) =>
      edit(xml, "<DefaultLocale>sv-SE</DefaultLocale>", "<DefaultLocale>en-US</DefaultLocale>"),
    expected: ['<DefaultLocale> är "en-US" men ska vara "sv-SE"'],
  },
  {
    name: "Permissions ReadDocument",
    make: (xml) =>
      edit(
        xml,
        "<Permissions>ReadWriteDocument</Permissions>",
        "<Permissions>ReadDocument</Permissions>",
      ),
    expected: ['<Permissions> är "ReadDocument" men ska vara exakt "ReadWriteDocument"'],
  },
  {
    name: "fel xsi:type på rotelementet",
    make: (xml) => edit(xml, 'xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"'),
    expected: ['xsi:type="ContentApp" men ska ha xsi:type="TaskPaneApp"'],
  },
  {
    name: "dinglande resid",
    make: (xml) =>
      edit(
        xml,
        '<Label resid="Schemakoll.Group.Label"/>',
        '<Label resid="Schemakoll.Grupp.Etikett"/>',
      ),
    expected: [
      /resid "Schemakoll\.Grupp\.Etikett" i <Label> \(rad \d+\) finns inte bland resurserna/,
    ],
  },
  {
    name: "resid pekar på fel sorts resurs",
    make: (xml) =>
      edit(xml, '<Label resid="Schemakoll.Group.Label"/>', '<Label resid="Taskpane.Url"/>'),
    expected: [
      'resid "Taskpane.Url" i <Label>',
      "pekar på en bt:Url (i bt:Urls) men måste peka på en bt:String i bt:ShortStrings",
    ],
  },
  {
    name: "resid längre än 32 tecken",
    make: (xml) =>
      edit(
        edit(
          xml,
          'resid="Schemakoll.OpenPane.Tooltip"',
          'resid="Schemakoll.OpenPane.Tooltip.Lang.Text"',
        ),
        'id="Schemakoll.OpenPane.Tooltip"',
        'id="Schemakoll.OpenPane.Tooltip.Lang.Text"',
      ),
    expected: ['resid "Schemakoll.OpenPane.Tooltip.Lang.Text" i <Description>', "högst 32"],
  },
  {
    name: "kort sträng på 126 tecken",
    make: (xml) =>
      edit(
        xml,
        '<bt:String id="Schemakoll.Group.Label" DefaultValue="Schemakoll"/>',
        `<bt:String id="Schemakoll.Group.Label" DefaultValue="${shortString126}"/>`,
      ),
    expected: [
      /Kort sträng "Schemakoll\.Group\.Label" i <bt:String> \(rad \d+\) är 126 tecken lång; högst 125/,
    ],
  },
  {
    name: "lång sträng på 251 tecken",
    make: (xml) =>
      edit(
        xml,
        /<bt:String id="Schemakoll\.OpenPane\.Tooltip" DefaultValue="[^"]*"\/>/,
        `<bt:String id="Schemakoll.OpenPane.Tooltip" DefaultValue="${longString251}"/>`,
      ),
    expected: ['Lång sträng "Schemakoll.OpenPane.Tooltip"', "251 tecken lång; högst 250"],
  },
  {
    name: "CustomFunctions-tilläggspunkten saknas",
    make: (xml) => edit(xml, 'xsi:type="CustomFunctions"', 'xsi:type="Okand"'),
    expected: ['saknar <AllFormFactors><ExtensionPoint xsi:type="CustomFunctions">'],
  },
  {
    name: "ExecuteFunction utan FunctionName",
    make: (xml) => edit(xml, "<FunctionName>validateSchedule</FunctionName>", ""),
    expected: [/<Action> \(rad \d+\) \(ExecuteFunction\) ska ha exakt ett <FunctionName>/],
  },
  {
    name: "FunctionName som inte är ett JavaScript-namn",
    make: (xml) =>
      edit(
        xml,
        "<FunctionName>validateSchedule</FunctionName>",
        "<FunctionName>validera schema</FunctionName>",
      ),
    expected: ['<FunctionName> "validera schema"', "inte ett giltigt JavaScript-namn"],
  },
  {
    name: "okänd åtgärdstyp",
    make: (xml) => edit(xml, 'xsi:type="ExecuteFunction"', 'xsi:type="RunScript"'),
    expected: ['xsi:type="RunScript"; tillåtna åtgärder är ShowTaskpane och ExecuteFunction'],
  },
  {
    name: "två knappar med samma id",
    make: (xml) => edit(xml, 'id="Schemakoll.Validate"', 'id="Schemakoll.OpenPane"'),
    expected: [/Knapp-id "Schemakoll\.OpenPane" används flera gånger \(<Control> \(rad \d+\)\)/],
  },
  {
    name: "Resources i fel ordning (Urls före Images)",
    make: (xml) => {
      const images = / {6}<bt:Images>[\s\S]*?<\/bt:Images>\n/.exec(xml)?.[0] ?? "";
      return edit(edit(xml, images, ""), "      </bt:Urls>\n", `      </bt:Urls>\n${images}`);
    },
    expected: [
      /Fel elementordning i <Resources>: <bt:Images> \(rad \d+\) måste stå före <bt:Urls>/,
    ],
  },
];

describe("validateManifest – trasiga manifest", () => {
  it.each(brokenCases)("$name", ({ make, expected }) => {
    const broken = make(realManifest);
    expect(broken).not.toEqual(realManifest);
    const { errors } = validate(broken);
    expect(errors.length).toBeGreaterThan(0);
    for (const pattern of expected) {
      const found = errors.some((e) =>
        typeof pattern === "string" ? e.includes(pattern) : pattern.test(e),
      );
      if (!found) {
        throw new Error(`Hittade inte ${String(pattern)} bland felen:\n${errors.join("\n")}`);
      }
    }
  });

  it("kastar aldrig, inte ens för tom indata eller annat än XML", () => {
    for (const input of ["", "inte xml", "<a>", "<OfficeApp/>", "<?xml version='1.0'?><Annat/>"]) {
      expect(() => validate(input)).not.toThrow();
      expect(validate(input).errors.length).toBeGreaterThan(0);
    }
    expect(validate("<Annat/>").errors).toEqual([
      "Rotelementet är <Annat> men ska vara <OfficeApp>.",
    ]);
  });

  describe("ikonfiler", () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "schemakoll-ikoner-"));
      mkdirSync(join(dir, "assets"));
      for (const size of [16, 32, 64, 80]) {
        writeFileSync(
          join(dir, "assets", `icon-${size}.png`),
          readFileSync(join(repoRoot, "assets", `icon-${size}.png`)),
        );
      }
    });
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it("underkänner en ikon som inte är PNG", () => {
      writeFileSync(join(dir, "assets", "icon-16.png"), "GIF89a – inte en PNG");
      const { errors } = validate(realManifest, dir);
      expect(errors).toEqual([
        expect.stringMatching(/^Ikonfilen assets\/icon-16\.png för .* är inte en PNG-bild\.$/),
      ]);
    });

    it("varnar när bildens storlek inte stämmer med size-attributet", () => {
      writeFileSync(
        join(dir, "assets", "icon-16.png"),
        readFileSync(join(repoRoot, "assets", "icon-32.png")),
      );
      const { errors, warnings } = validate(realManifest, dir);
      expect(errors).toEqual([]);
      expect(warnings).toEqual([
        expect.stringContaining(
          "Ikonfilen assets/icon-16.png är 32×32 px men används som 16×16 px",
        ),
      ]);
    });
  });
});

describe("CLI scripts/validate-manifest.ts", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "schemakoll-manifest-"));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function runCli(args: readonly string[]) {
    return spawnSync("npx", ["tsx", "scripts/validate-manifest.ts", ...args], {
      cwd: repoRoot,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
  }

  it("godkänner det riktiga manifestet (kod 0)", () => {
    const result = runCli(["manifest.xml"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Manifestet är giltigt (offlinekontroll):");
    expect(result.stdout).toContain("funktionsnamnrymd AMI");
    expect(result.stdout + result.stderr).not.toContain("FEL:");
  }, 60_000);

  it("underkänner en trasig kopia (kod 1, rader med FEL:)", () => {
    const broken = join(dir, "manifest.xml");
    writeFileSync(
      broken,
      edit(
        realManifest,
        "<Permissions>ReadWriteDocument</Permissions>",
        "<Permissions>ReadDocument</Permissions>",
      ),
    );
    const result = runCli([broken, "--root", repoRoot]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('FEL: <Permissions> är "ReadDocument"');
    expect(result.stdout).not.toContain("Manifestet är giltigt");
  }, 60_000);

  it("hittar inte ikonerna när roten är temp-katalogen utan assets (kod 1)", () => {
    const copy = join(dir, "utan-ikoner.xml");
    writeFileSync(copy, realManifest);
    const result = runCli([copy]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/FEL: Ikonfilen assets\/icon-32\.png .* finns inte\./);
  }, 60_000);
});
