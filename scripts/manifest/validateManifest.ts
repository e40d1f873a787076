/**
 * Offlinekontroll av Schemakolls XML-manifest (add-in only manifest).
 *
 * `office-addin-manifest validate` skickar manifestet till en onlinetjänst. Den här modulen
 * kontrollerar i stället lokalt det som oftast går fel: välformad XML, elementordning enligt
 * schemat (OfficeAppManifestV1_1 + TaskPaneAppVersionOverrides), delad körmiljö (SharedRuntime),
 * anpassade funktioner med namnrymden AMI, resid-referenser, stränglängder, https-adresser och
 * att ikonfilerna finns och är PNG. Alla meddelanden är på svenska.
 *
 * Modulen är ren förutom att den läser ikonfiler under `rootDir`.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { DOMParser, type Element } from "@xmldom/xmldom";

export interface ValidateOptions {
  /** Katalog som `https://localhost:3000/` motsvarar (normalt repots rot). */
  readonly rootDir: string;
  /**
   * Namnen som koden registrerar med `Office.actions.associate` (t.ex. från
   * src/taskpane/ribbon.ts). När de anges måste varje ExecuteFunction-knapps FunctionName
   * finnas bland dem; annars gör knappen ingenting när man klickar.
   */
  readonly associatedActions?: readonly string[];
}

export interface ManifestSummary {
  readonly id: string;
  readonly version: string;
  readonly displayName: string;
  readonly functionsNamespace: string;
  readonly resourceCount: number;
  readonly iconFilesChecked: number;
  /** FunctionName för varje knapp med Action xsi:type="ExecuteFunction", i dokumentordning. */
  readonly executeFunctions: readonly string[];
}

export interface ValidationResult {
  errors: string[];
  warnings: string[];
  /** Finns när manifestet gick att tolka, även om det har fel. */
  summary?: ManifestSummary;
}

/** Utvecklingsadressen som bygget byter ut mot produktionsadressen. */
export const DEV_ORIGIN = "https://localhost:3000/";
export const EXPECTED_FUNCTIONS_NAMESPACE = "AMI";
export const EXPECTED_LOCALE = "sv-SE";
export const EXPECTED_PERMISSIONS = "ReadWriteDocument";

export const NS_OFFICEAPP = "http://schemas.microsoft.com/office/appforoffice/1.1";
export const NS_VERSION_OVERRIDES =
  "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
export const NS_BASIC_TYPES = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const NS_XSI = "http://www.w3.org/2001/XMLSchema-instance";

const MAX_RESID = 32;
const MAX_SHORT_STRING = 125;
const MAX_LONG_STRING = 250;
const MAX_URL = 2048;

/**
 * Barnen till OfficeApp (xsi:type="TaskPaneApp") i schemaordning: basklassen OfficeApp
 * (Id … Hosts) följd av TaskPaneApp-tillägget (Requirements … VersionOverrides, Signature).
 * Källa: OfficeAppManifestV1_1.xsd, complexType OfficeApp och TaskPaneApp.
 */
export const TOP_LEVEL_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
  "Signature",
] as const;

/** Schemat kräver färre, men Schemakoll behöver alla dessa. */
export const TOP_LEVEL_REQUIRED: readonly string[] = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];

/** Ordningen för barn i VersionOverrides-delen (TaskPaneAppVersionOverridesV1_0.xsd). */
const NESTED_ORDER: Readonly<Record<string, readonly string[]>> = {
  VersionOverrides: [
    "Description",
    "Requirements",
    "Hosts",
    "Resources",
    "WebApplicationInfo",
    "EquivalentAddins",
    "VersionOverrides",
  ],
  Host: ["Runtimes", "AllFormFactors", "DesktopFormFactor"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  Resources: ["Images", "Urls", "ShortStrings", "LongStrings"],
  CustomFunctions: ["Script", "Page", "Metadata", "Namespace"],
};

type ResourceKind = "Image" | "Url" | "ShortString" | "LongString";

const RESOURCE_CONTAINERS: readonly { container: string; item: string; kind: ResourceKind }[] = [
  { container: "Images", item: "Image", kind: "Image" },
  { container: "Urls", item: "Url", kind: "Url" },
  { container: "ShortStrings", item: "String", kind: "ShortString" },
  { container: "LongStrings", item: "String", kind: "LongString" },
];

const KIND_LABEL: Readonly<Record<ResourceKind, string>> = {
  Image: "bt:Image (i bt:Images)",
  Url: "bt:Url (i bt:Urls)",
  ShortString: "bt:String i bt:ShortStrings",
  LongString: "bt:String i bt:LongStrings",
};

/** Vilken sorts resurs ett element med resid ska peka på, utifrån elementets namn. */
const REFERENCE_KIND: Readonly<Record<string, ResourceKind>> = {
  Image: "Image",
  Runtime: "Url",
  SourceLocation: "Url",
  FunctionFile: "Url",
  LearnMoreUrl: "Url",
  Label: "ShortString",
  Title: "ShortString",
  Namespace: "ShortString",
  Description: "LongString",
};

/** Ikonstorlekar som Office kräver i varje Icon-element för menyfliksknappar och grupper. */
const REQUIRED_ICON_SIZES = ["16", "32", "80"] as const;

interface Resource {
  readonly element: Element;
  readonly kind: ResourceKind;
  readonly id: string;
  readonly value: string;
}

/** Åtgärdstyper som en menyfliksknapp kan ha (TaskPaneAppVersionOverrides, Action). */
const ACTION_TYPES = ["ShowTaskpane", "ExecuteFunction"] as const;
/** Ett JavaScript-namn, som Office.actions.associate tar emot. */
const FUNCTION_NAME_PATTERN = /^[A-Za-z_$][\w$]*$/;
/** Control id: högst 125 tecken enligt schemat. */
const MAX_CONTROL_ID = 125;

const GUID_PATTERN =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const VERSION_PATTERN = /^\d{1,5}(\.\d{1,5}){0,3}$/;
const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// ---------------------------------------------------------------------------
// DOM-hjälpare
// ---------------------------------------------------------------------------

function elementChildren(parent: Element): Element[] {
  return Array.from(parent.children);
}

function childrenNamed(parent: Element, localName: string): Element[] {
  return elementChildren(parent).filter((el) => el.localName === localName);
}

function firstChild(parent: Element | undefined, localName: string): Element | undefined {
  return parent ? childrenNamed(parent, localName)[0] : undefined;
}

function descendantsNamed(root: Element, localName: string): Element[] {
  return Array.from(root.getElementsByTagName("*")).filter((el) => el.localName === localName);
}

function xsiType(el: Element): string | null {
  return el.getAttributeNS(NS_XSI, "type");
}

function text(el: Element | undefined): string {
  return (el?.textContent ?? "").trim();
}

function attr(el: Element | undefined, name: string): string | undefined {
  if (!el?.hasAttribute(name)) return undefined;
  return el.getAttribute(name) ?? undefined;
}

/** `<bt:Image>` (rad 12) – elementnamnet som det står i filen, med radnummer. */
function describe(el: Element): string {
  return el.lineNumber === undefined ? `<${el.tagName}>` : `<${el.tagName}> (rad ${el.lineNumber})`;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

// ---------------------------------------------------------------------------
// Valideringen
// ---------------------------------------------------------------------------

class Validator {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  private readonly resources = new Map<ResourceKind, Map<string, Resource>>();
  private readonly referencedIds = new Set<string>();
  private iconFilesChecked = 0;
  private functionsNamespace: string | undefined;
  private readonly executeFunctions: string[] = [];

  constructor(
    private readonly root: Element,
    private readonly rootDir: string,
    private readonly associatedActions: readonly string[] | undefined,
  ) {}

  run(): ManifestSummary {
    this.checkRoot();
    this.checkTopLevel();
    this.checkBasicFields();
    this.checkRequirements();
    const versionOverrides = firstChild(this.root, "VersionOverrides");
    this.collectResources(versionOverrides);
    if (versionOverrides) this.checkVersionOverrides(versionOverrides);
    this.checkResidReferences();
    this.checkUrlsAndIcons();

    return {
      id: text(firstChild(this.root, "Id")),
      version: text(firstChild(this.root, "Version")),
      displayName: attr(firstChild(this.root, "DisplayName"), "DefaultValue") ?? "",
      functionsNamespace: this.functionsNamespace ?? "",
      resourceCount: Array.from(this.resources.values()).reduce((sum, m) => sum + m.size, 0),
      iconFilesChecked: this.iconFilesChecked,
      executeFunctions: [...this.executeFunctions],
    };
  }

  private error(message: string): void {
    this.errors.push(message);
  }

  private warn(message: string): void {
    this.warnings.push(message);
  }

  // -- Rot och toppnivå ------------------------------------------------------

  private checkRoot(): void {
    if (this.root.namespaceURI !== NS_OFFICEAPP) {
      this.error(
        `Rotelementet <OfficeApp> har namnrymden "${this.root.namespaceURI ?? ""}" men ska ha "${NS_OFFICEAPP}".`,
      );
    }
    const type = xsiType(this.root);
    if (type !== "TaskPaneApp") {
      this.error(
        `Rotelementet <OfficeApp> har xsi:type="${type ?? ""}" men ska ha xsi:type="TaskPaneApp".`,
      );
    }
  }

  private checkTopLevel(): void {
    const known: readonly string[] = TOP_LEVEL_ORDER;
    const seen = new Map<string, Element>();
    for (const el of elementChildren(this.root)) {
      const name = el.localName ?? el.tagName;
      if (!known.includes(name)) {
        this.error(`Okänt element ${describe(el)} direkt under <OfficeApp>.`);
        continue;
      }
      const earlier = seen.get(name);
      if (earlier) {
        this.error(
          `Elementet <${name}> förekommer flera gånger under <OfficeApp> (${describe(el)}).`,
        );
      } else {
        seen.set(name, el);
      }
    }
    for (const name of TOP_LEVEL_REQUIRED) {
      if (!seen.has(name)) this.error(`Obligatoriskt element <${name}> saknas i <OfficeApp>.`);
    }
    this.checkOrder(this.root, known, "OfficeApp", "error");
  }

  /**
   * Kontrollerar att kända barn står i schemaordning. Okända barn ignoreras här
   * (toppnivån rapporterar dem separat).
   */
  private checkOrder(
    parent: Element,
    order: readonly string[],
    parentLabel: string,
    severity: "error" | "warning",
  ): void {
    let furthest: { index: number; el: Element } | undefined;
    for (const el of elementChildren(parent)) {
      const index = order.indexOf(el.localName ?? "");
      if (index < 0) continue;
      if (furthest && index < furthest.index) {
        const message =
          `Fel elementordning i <${parentLabel}>: ${describe(el)} måste stå före ` +
          `${describe(furthest.el)} enligt schemat (ordning: ${order.join(", ")}).`;
        if (severity === "error") this.error(message);
        else this.warn(message);
      } else if (!furthest || index > furthest.index) {
        furthest = { index, el };
      }
    }
  }

  private checkBasicFields(): void {
    const id = firstChild(this.root, "Id");
    if (id && !GUID_PATTERN.test(text(id))) {
      this.error(
        `<Id> "${text(id)}" är inte ett GUID (t.ex. 65bd695d-ecae-40a9-aca4-eb512fb2d6b6).`,
      );
    }

    const version = firstChild(this.root, "Version");
    if (version && !VERSION_PATTERN.test(text(version))) {
      this.error(
        `<Version> "${text(version)}" har fel format; ange en till fyra numeriska delar, t.ex. 1.0.0.0.`,
      );
    }

    const provider = firstChild(this.root, "ProviderName");
    if (provider)
      this.checkStringLength(provider, text(provider), MAX_SHORT_STRING, "ProviderName");

    const locale = firstChild(this.root, "DefaultLocale");
    if (locale && text(locale) !== EXPECTED_LOCALE) {
      this.error(`<DefaultLocale> är "${text(locale)}" men ska vara "${EXPECTED_LOCALE}".`);
    }

    for (const [name, max] of [
      ["DisplayName", MAX_SHORT_STRING],
      ["Description", MAX_LONG_STRING],
    ] as const) {
      const el = firstChild(this.root, name);
      if (!el) continue;
      const value = attr(el, "DefaultValue");
      if (value === undefined) {
        this.error(`${describe(el)} saknar attributet DefaultValue.`);
      } else {
        this.checkStringLength(el, value, max, name);
      }
    }

    const permissions = firstChild(this.root, "Permissions");
    if (permissions && text(permissions) !== EXPECTED_PERMISSIONS) {
      this.error(
        `<Permissions> är "${text(permissions)}" men ska vara exakt "${EXPECTED_PERMISSIONS}".`,
      );
    }

    const hosts = firstChild(this.root, "Hosts");
    if (hosts && !childrenNamed(hosts, "Host").some((h) => attr(h, "Name") === "Workbook")) {
      this.error(`<Hosts> saknar <Host Name="Workbook"/> – tillägget är till för Excel.`);
    }

    const settings = firstChild(this.root, "DefaultSettings");
    if (settings && attr(firstChild(settings, "SourceLocation"), "DefaultValue") === undefined) {
      this.error(`<DefaultSettings> saknar <SourceLocation DefaultValue="…"/>.`);
    }
  }

  private checkStringLength(el: Element, value: string, max: number, label: string): void {
    if (value.trim().length === 0) {
      this.error(`${label} i ${describe(el)} är tom.`);
    } else if (value.length > max) {
      this.error(
        `${label} i ${describe(el)} är ${value.length} tecken lång; högst ${max} tecken är tillåtet.`,
      );
    }
  }

  private checkRequirements(): void {
    const requirements = firstChild(this.root, "Requirements");
    if (!requirements) return;
    const sets = firstChild(requirements, "Sets");
    const shared = sets
      ? childrenNamed(sets, "Set").find((s) => attr(s, "Name") === "SharedRuntime")
      : undefined;
    if (!sets || !shared) {
      this.error(
        `<Requirements> saknar <Set Name="SharedRuntime" MinVersion="1.1"/> – den delade körmiljön kräver det.`,
      );
      return;
    }
    const minVersion = attr(shared, "MinVersion") ?? attr(sets, "DefaultMinVersion");
    if (minVersion === undefined || compareVersions(minVersion, "1.1") < 0) {
      this.error(
        `${describe(shared)} för SharedRuntime har MinVersion "${minVersion ?? ""}" men ska vara minst 1.1.`,
      );
    }
  }

  // -- Resurser --------------------------------------------------------------

  private collectResources(versionOverrides: Element | undefined): void {
    for (const { kind } of RESOURCE_CONTAINERS) this.resources.set(kind, new Map());
    const resources = firstChild(versionOverrides, "Resources");
    if (!resources) {
      if (versionOverrides) this.error(`<VersionOverrides> saknar <Resources>.`);
      return;
    }
    this.checkOrder(resources, NESTED_ORDER.Resources ?? [], "Resources", "error");

    for (const { container, item, kind } of RESOURCE_CONTAINERS) {
      const byId = this.resources.get(kind) ?? new Map<string, Resource>();
      for (const group of childrenNamed(resources, container)) {
        for (const el of childrenNamed(group, item)) {
          const id = attr(el, "id") ?? "";
          if (id === "") {
            this.error(`${describe(el)} i <${group.tagName}> saknar id.`);
            continue;
          }
          if (id.length > MAX_RESID) {
            this.error(
              `Resurs-id "${id}" i ${describe(el)} är ${id.length} tecken; högst ${MAX_RESID} är tillåtet.`,
            );
          }
          if (byId.has(id)) {
            this.error(`Resurs-id "${id}" är definierat flera gånger i <${group.tagName}>.`);
          }
          const value = attr(el, "DefaultValue");
          if (value === undefined) {
            this.error(`${describe(el)} med id "${id}" saknar DefaultValue.`);
          }
          const resource: Resource = { element: el, kind, id, value: value ?? "" };
          byId.set(id, resource);
          this.checkResourceValues(resource);
        }
      }
    }
  }

  private checkResourceValues(resource: Resource): void {
    const values: { el: Element; value: string }[] = [
      { el: resource.element, value: resource.value },
      ...childrenNamed(resource.element, "Override").map((o) => ({
        el: o,
        value: attr(o, "Value") ?? "",
      })),
    ];
    if (resource.kind === "ShortString" || resource.kind === "LongString") {
      const max = resource.kind === "ShortString" ? MAX_SHORT_STRING : MAX_LONG_STRING;
      const label = resource.kind === "ShortString" ? "Kort sträng" : "Lång sträng";
      for (const { el, value } of values) {
        this.checkStringLength(el, value, max, `${label} "${resource.id}"`);
      }
    }
    // URL:er och bilder kontrolleras i checkUrlsAndIcons.
  }

  private resolve(id: string, kind: ResourceKind): Resource | undefined {
    return this.resources.get(kind)?.get(id);
  }

  private checkResidReferences(): void {
    for (const el of Array.from(this.root.getElementsByTagName("*"))) {
      if (!el.hasAttribute("resid")) continue;
      const resid = el.getAttribute("resid") ?? "";
      const where = describe(el);
      if (resid === "") {
        this.error(`${where} har ett tomt resid.`);
        continue;
      }
      if (resid.length > MAX_RESID) {
        this.error(
          `resid "${resid}" i ${where} är ${resid.length} tecken; högst ${MAX_RESID} är tillåtet.`,
        );
      }
      this.referencedIds.add(resid);
      const expected = REFERENCE_KIND[el.localName ?? ""];
      const kinds: readonly ResourceKind[] = expected
        ? [expected]
        : RESOURCE_CONTAINERS.map((c) => c.kind);
      if (kinds.some((kind) => this.resolve(resid, kind))) continue;

      const other = RESOURCE_CONTAINERS.map((c) => c.kind).find((kind) =>
        this.resolve(resid, kind),
      );
      if (expected && other) {
        this.error(
          `resid "${resid}" i ${where} pekar på en ${KIND_LABEL[other]} men måste peka på en ${KIND_LABEL[expected]}.`,
        );
      } else {
        this.error(
          `resid "${resid}" i ${where} finns inte bland resurserna` +
            (expected ? ` (förväntade en ${KIND_LABEL[expected]}).` : "."),
        );
      }
    }

    for (const byId of this.resources.values()) {
      for (const resource of byId.values()) {
        if (!this.referencedIds.has(resource.id)) {
          this.warn(`Resursen "${resource.id}" ${describe(resource.element)} används inte.`);
        }
      }
    }
  }

  // -- VersionOverrides ------------------------------------------------------

  private checkVersionOverrides(vo: Element): void {
    if (vo.namespaceURI !== NS_VERSION_OVERRIDES) {
      this.error(
        `${describe(vo)} har namnrymden "${vo.namespaceURI ?? ""}" men ska ha "${NS_VERSION_OVERRIDES}".`,
      );
    }
    if (xsiType(vo) !== "VersionOverridesV1_0") {
      this.error(
        `${describe(vo)} har xsi:type="${xsiType(vo) ?? ""}" men ska ha xsi:type="VersionOverridesV1_0".`,
      );
    }
    this.checkOrder(vo, NESTED_ORDER.VersionOverrides ?? [], "VersionOverrides", "error");

    const hosts = firstChild(vo, "Hosts");
    const host = hosts
      ? childrenNamed(hosts, "Host").find((h) => xsiType(h) === "Workbook")
      : undefined;
    if (!host) {
      this.error(`<VersionOverrides> saknar <Hosts><Host xsi:type="Workbook">.`);
      return;
    }
    this.checkOrder(host, NESTED_ORDER.Host ?? [], `Host xsi:type="Workbook"`, "error");
    const desktop = firstChild(host, "DesktopFormFactor");
    if (desktop) {
      this.checkOrder(desktop, NESTED_ORDER.DesktopFormFactor ?? [], "DesktopFormFactor", "error");
    }

    const runtimeResid = this.checkRuntime(host);
    this.checkCustomFunctions(host, runtimeResid);
    this.checkDesktop(host, desktop, runtimeResid);
  }

  /** Returnerar resid för den långlivade delade körmiljön, om den finns. */
  private checkRuntime(host: Element): string | undefined {
    const runtimes = firstChild(host, "Runtimes");
    const runtime = runtimes
      ? childrenNamed(runtimes, "Runtime").find((r) => attr(r, "lifetime") === "long")
      : undefined;
    if (!runtime) {
      this.error(
        `<Host xsi:type="Workbook"> saknar <Runtimes><Runtime resid="…" lifetime="long"/> – den delade körmiljön kräver det.`,
      );
      return undefined;
    }
    const resid = attr(runtime, "resid");
    if (resid === undefined) {
      this.error(`${describe(runtime)} saknar resid.`);
    }
    return resid;
  }

  private requireSameRuntime(el: Element | undefined, runtimeResid: string, context: string): void {
    if (!el) return;
    const resid = attr(el, "resid");
    if (resid !== runtimeResid) {
      this.error(
        `${describe(el)}${context} har resid "${resid ?? ""}" men den delade körmiljön <Runtime> har ` +
          `resid "${runtimeResid}"; de måste vara samma för att körmiljön ska delas.`,
      );
    }
  }

  private checkCustomFunctions(host: Element, runtimeResid: string | undefined): void {
    const allFormFactors = firstChild(host, "AllFormFactors");
    const extensionPoint = allFormFactors
      ? childrenNamed(allFormFactors, "ExtensionPoint").find(
          (ep) => xsiType(ep) === "CustomFunctions",
        )
      : undefined;
    if (!extensionPoint) {
      this.error(
        `<Host xsi:type="Workbook"> saknar <AllFormFactors><ExtensionPoint xsi:type="CustomFunctions">.`,
      );
      return;
    }
    this.checkOrder(
      extensionPoint,
      NESTED_ORDER.CustomFunctions ?? [],
      `ExtensionPoint xsi:type="CustomFunctions"`,
      "error",
    );

    for (const name of ["Script", "Page", "Metadata"] as const) {
      const part = firstChild(extensionPoint, name);
      const location = firstChild(part, "SourceLocation");
      if (!part || attr(location, "resid") === undefined) {
        this.error(
          `CustomFunctions-tilläggspunkten saknar <${name}><SourceLocation resid="…"/></${name}>.`,
        );
      }
    }
    if (runtimeResid !== undefined) {
      this.requireSameRuntime(
        firstChild(firstChild(extensionPoint, "Page"), "SourceLocation"),
        runtimeResid,
        " i CustomFunctions <Page>",
      );
    }

    const namespace = firstChild(extensionPoint, "Namespace");
    const namespaceResid = attr(namespace, "resid");
    if (!namespace || namespaceResid === undefined) {
      this.error(`CustomFunctions-tilläggspunkten saknar <Namespace resid="…"/>.`);
      return;
    }
    const resource = this.resolve(namespaceResid, "ShortString");
    if (!resource) return; // rapporteras av checkResidReferences
    this.functionsNamespace = resource.value;
    if (resource.value !== EXPECTED_FUNCTIONS_NAMESPACE) {
      this.error(
        `Funktionernas namnrymd (resid "${namespaceResid}") är "${resource.value}" men ska vara ` +
          `"${EXPECTED_FUNCTIONS_NAMESPACE}" – formlerna heter AMI.…`,
      );
    }
  }

  private checkDesktop(
    host: Element,
    desktop: Element | undefined,
    runtimeResid: string | undefined,
  ): void {
    if (!desktop) {
      this.error(`<Host xsi:type="Workbook"> saknar <DesktopFormFactor>.`);
      return;
    }
    const functionFile = firstChild(desktop, "FunctionFile");
    if (!functionFile) {
      this.error(`<DesktopFormFactor> saknar <FunctionFile resid="…"/>.`);
    } else if (runtimeResid !== undefined) {
      this.requireSameRuntime(functionFile, runtimeResid, "");
    }

    const showTaskpanes = descendantsNamed(host, "Action").filter(
      (a) => xsiType(a) === "ShowTaskpane",
    );
    if (showTaskpanes.length === 0) {
      this.warn(`Ingen knapp med <Action xsi:type="ShowTaskpane"> hittades.`);
    }
    for (const action of showTaskpanes) {
      const location = firstChild(action, "SourceLocation");
      if (!location) {
        this.error(`${describe(action)} (ShowTaskpane) saknar <SourceLocation resid="…"/>.`);
      } else if (runtimeResid !== undefined) {
        this.requireSameRuntime(location, runtimeResid, " i ShowTaskpane-åtgärden");
      }
    }

    this.checkControls(desktop);

    for (const icon of descendantsNamed(desktop, "Icon")) {
      const sizes = childrenNamed(icon, "Image").map((img) => attr(img, "size"));
      const missing = REQUIRED_ICON_SIZES.filter((size) => !sizes.includes(size));
      if (missing.length > 0) {
        this.error(`${describe(icon)} saknar bt:Image för storlek ${missing.join(", ")} px.`);
      }
    }
  }

  /**
   * Knapparna: unika id:n, en känd åtgärdstyp, och för ExecuteFunction ett FunctionName som
   * är ett JavaScript-namn (och, när koden anger sina namn, ett som koden registrerar).
   */
  private checkControls(desktop: Element): void {
    const ids = new Map<string, Element>();
    for (const control of descendantsNamed(desktop, "Control")) {
      const id = attr(control, "id") ?? "";
      if (id === "") {
        this.error(`${describe(control)} saknar id.`);
      } else if (id.length > MAX_CONTROL_ID) {
        this.error(
          `Knapp-id "${id}" i ${describe(control)} är längre än ${MAX_CONTROL_ID} tecken.`,
        );
      } else if (ids.has(id)) {
        this.error(`Knapp-id "${id}" används flera gånger (${describe(control)}).`);
      } else {
        ids.set(id, control);
      }
      const actions = childrenNamed(control, "Action");
      if (actions.length !== 1) {
        this.error(`${describe(control)} ska ha exakt en <Action> men har ${actions.length}.`);
      }
    }

    for (const action of descendantsNamed(desktop, "Action")) {
      const type = xsiType(action) ?? "";
      if (!(ACTION_TYPES as readonly string[]).includes(type)) {
        this.error(
          `${describe(action)} har xsi:type="${type}"; tillåtna åtgärder är ${ACTION_TYPES.join(" och ")}.`,
        );
        continue;
      }
      if (type !== "ExecuteFunction") continue;
      const names = childrenNamed(action, "FunctionName");
      const name = text(names[0]);
      if (names.length !== 1 || name === "") {
        this.error(
          `${describe(action)} (ExecuteFunction) ska ha exakt ett <FunctionName> med funktionens namn.`,
        );
        continue;
      }
      this.executeFunctions.push(name);
      if (!FUNCTION_NAME_PATTERN.test(name)) {
        this.error(
          `<FunctionName> "${name}" i ${describe(action)} är inte ett giltigt JavaScript-namn.`,
        );
      } else if (this.associatedActions && !this.associatedActions.includes(name)) {
        this.error(
          `<FunctionName> "${name}" i ${describe(action)} registreras inte med ` +
            `Office.actions.associate i koden (registrerade: ${this.associatedActions.join(", ") || "inga"}); knappen skulle inte göra något.`,
        );
      }
    }
  }

  // -- URL:er och ikonfiler --------------------------------------------------

  private checkUrlsAndIcons(): void {
    /** Förväntad bildstorlek per bild-id, från size="…" där bilden används. */
    const expectedSizes = new Map<string, Set<number>>();
    for (const ref of descendantsNamed(this.root, "Image")) {
      const resid = attr(ref, "resid");
      const size = Number(attr(ref, "size"));
      if (resid === undefined || !Number.isFinite(size)) continue;
      const set = expectedSizes.get(resid) ?? new Set<number>();
      set.add(size);
      expectedSizes.set(resid, set);
    }

    const withOverrides = (el: Element, value: string | undefined) => [
      { el, value },
      ...childrenNamed(el, "Override").map((o) => ({ el: o, value: attr(o, "Value") })),
    ];

    // Adresser direkt under OfficeApp.
    const iconExpectations: Readonly<Record<string, number>> = {
      IconUrl: 32,
      HighResolutionIconUrl: 64,
    };
    for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"] as const) {
      const el = firstChild(this.root, name);
      if (!el) continue;
      for (const { el: target, value } of withOverrides(el, attr(el, "DefaultValue"))) {
        if (value === undefined) {
          this.error(`${describe(target)} saknar adress (DefaultValue/Value).`);
          continue;
        }
        const url = this.checkUrl(value, target);
        const size = iconExpectations[name];
        if (url && size !== undefined) this.checkIconFile(url, target, new Set([size]));
      }
    }

    const settings = firstChild(firstChild(this.root, "DefaultSettings"), "SourceLocation");
    if (settings) {
      for (const { el, value } of withOverrides(settings, attr(settings, "DefaultValue"))) {
        if (value !== undefined) this.checkUrl(value, el);
      }
    }

    for (const domain of descendantsNamed(this.root, "AppDomain")) {
      this.checkUrl(text(domain), domain);
    }

    for (const kind of ["Url", "Image"] as const) {
      for (const resource of this.resources.get(kind)?.values() ?? []) {
        for (const { el, value } of withOverrides(resource.element, resource.value)) {
          if (value === undefined || value === "") continue; // saknat värde rapporteras ovan
          const url = this.checkUrl(value, el);
          if (url && kind === "Image") {
            this.checkIconFile(url, el, expectedSizes.get(resource.id));
          }
        }
      }
    }
  }

  /** Kontrollerar att adressen är en giltig https-URL; returnerar den tolkade adressen. */
  private checkUrl(value: string, el: Element): URL | undefined {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      this.error(`Ogiltig URL "${value}" i ${describe(el)}.`);
      return undefined;
    }
    if (url.protocol !== "https:") {
      this.error(`URL:en "${value}" i ${describe(el)} måste använda https.`);
    }
    if (value.length > MAX_URL) {
      this.error(`URL:en i ${describe(el)} är ${value.length} tecken; högst ${MAX_URL} tillåts.`);
    }
    if (el.localName !== "AppDomain" && !value.startsWith(DEV_ORIGIN)) {
      this.warn(
        `URL:en "${value}" i ${describe(el)} börjar inte med ${DEV_ORIGIN} och byts därför inte ut mot produktionsadressen vid bygget.`,
      );
    }
    return url;
  }

  private checkIconFile(url: URL, el: Element, expectedSizes: Set<number> | undefined): void {
    const href = url.href;
    if (!href.startsWith(DEV_ORIGIN)) {
      this.warn(
        `Ikonen "${href}" i ${describe(el)} ligger inte under ${DEV_ORIGIN} och kan inte kontrolleras offline.`,
      );
      return;
    }
    const relativePath = decodeURIComponent(url.pathname).replace(/^\/+/, "");
    const file = resolve(this.rootDir, relativePath);
    const rel = relative(this.rootDir, file);
    if (rel.startsWith("..") || isAbsolute(rel)) {
      this.error(`Ikonen "${href}" i ${describe(el)} pekar utanför projektkatalogen.`);
      return;
    }
    const shown = rel.split(sep).join("/");
    if (!existsSync(file) || !statSync(file).isFile()) {
      this.error(`Ikonfilen ${shown} för "${href}" i ${describe(el)} finns inte.`);
      return;
    }
    this.iconFilesChecked++;
    const bytes = readFileSync(file);
    const isPng =
      bytes.length >= 24 &&
      PNG_SIGNATURE.every((b, i) => bytes[i] === b) &&
      bytes.toString("ascii", 12, 16) === "IHDR";
    if (!isPng) {
      this.error(`Ikonfilen ${shown} för "${href}" i ${describe(el)} är inte en PNG-bild.`);
      return;
    }
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    if (expectedSizes && expectedSizes.size > 0) {
      const ok = Array.from(expectedSizes).every((size) => width === size && height === size);
      if (!ok) {
        this.warn(
          `Ikonfilen ${shown} är ${width}×${height} px men används som ${Array.from(expectedSizes)
            .map((s) => `${s}×${s}`)
            .join(" och ")} px (${describe(el)}).`,
        );
      }
    }
  }
}

/**
 * Kontrollerar ett XML-manifest offline. Kastar aldrig för trasig XML – sådant blir fel i
 * resultatet.
 */
export function validateManifest(xml: string, options: ValidateOptions): ValidationResult {
  const parseProblems: string[] = [];
  let root: Element | null = null;
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        const kind = level === "warning" ? "varning" : level === "error" ? "fel" : "allvarligt fel";
        parseProblems.push(`XML-tolken (${kind}): ${message.trim()}`);
      },
    }).parseFromString(xml, "text/xml");
    root = doc.documentElement;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (!parseProblems.some((p) => p.includes(message.trim()))) {
      parseProblems.push(`XML-tolken: ${message.trim()}`);
    }
  }

  if (parseProblems.length > 0 || !root) {
    return {
      errors: (parseProblems.length > 0 ? parseProblems : ["inget rotelement"]).map(
        (p) => `Manifestet är inte välformad XML – ${p}`,
      ),
      warnings: [],
    };
  }

  if (root.localName !== "OfficeApp") {
    return {
      errors: [`Rotelementet är <${root.tagName}> men ska vara <OfficeApp>.`],
      warnings: [],
    };
  }

  const validator = new Validator(root, resolve(options.rootDir), options.associatedActions);
  const summary = validator.run();
  return { errors: validator.errors, warnings: validator.warnings, summary };
}
