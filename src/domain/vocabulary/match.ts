/**
 * Finding which category of a vocabulary a free text names. The category phrase comes first
 * in the way coordinators write ("Eget arbete- Kontakter med arbetsgivare -Söka arbete …"),
 * so the earliest match wins, a category's own name before a mere keyword.
 */
import { fold } from "./fold";
import type { CategoryDefinition, Vocabulary } from "./types";

export interface CategoryMatch<Code extends string | number> {
  code: Code;
  name: string;
  /** Where the phrase stands in the text. */
  index: number;
  length: number;
  /** "name": the text names the category; "keyword": it only mentions a typical word. */
  strength: "name" | "keyword";
}

interface Compiled<Code extends string | number> {
  category: CategoryDefinition<Code>;
  names: RegExp[];
  keywords: RegExp[];
}

const compiledCache = new WeakMap<Vocabulary, Compiled<string | number>[]>();

function compile<Code extends string | number>(vocabulary: Vocabulary<Code>): Compiled<Code>[] {
  const cached = compiledCache.get(vocabulary);
  if (cached) return cached as Compiled<Code>[];
  const compiled = vocabulary.categories.map((category) => ({
    category,
    names: category.names.map((p) => new RegExp(p, "u")),
    keywords: category.keywords.map((p) => new RegExp(p, "u")),
  }));
  compiledCache.set(vocabulary, compiled);
  return compiled;
}

function earliest<Code extends string | number>(
  folded: string,
  compiled: readonly Compiled<Code>[],
  strength: "name" | "keyword",
): CategoryMatch<Code> | null {
  let best: CategoryMatch<Code> | null = null;
  for (const entry of compiled) {
    for (const re of strength === "name" ? entry.names : entry.keywords) {
      const m = re.exec(folded);
      if (!m) continue;
      const better =
        best === null ||
        m.index < best.index ||
        (m.index === best.index && m[0].length > best.length);
      if (better) {
        best = {
          code: entry.category.code,
          name: entry.category.name,
          index: m.index,
          length: m[0].length,
          strength,
        };
      }
    }
  }
  return best;
}

/** The category a text names, or null when it names none of the vocabulary's categories. */
export function matchCategory<Code extends string | number>(
  text: string,
  vocabulary: Vocabulary<Code>,
): CategoryMatch<Code> | null {
  const folded = fold(text);
  const compiled = compile(vocabulary);
  return earliest(folded, compiled, "name") ?? earliest(folded, compiled, "keyword");
}

function trigrams(text: string): Set<string> {
  const padded = ` ${fold(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/**
 * The category whose name is most like the text (Dice coefficient of letter trigrams),
 * for telling a coordinator what an unrecognised activity was probably meant to be.
 */
export function closestCategory<Code extends string | number>(
  text: string,
  vocabulary: Vocabulary<Code>,
): { code: Code; name: string; similarity: number } | null {
  const grams = trigrams(text);
  let best: { code: Code; name: string; similarity: number } | null = null;
  for (const category of vocabulary.categories) {
    const other = trigrams(category.name);
    let shared = 0;
    for (const g of other) if (grams.has(g)) shared++;
    const total = grams.size + other.size;
    const similarity = total === 0 ? 0 : (2 * shared) / total;
    if (best === null || similarity > best.similarity) {
      best = { code: category.code, name: category.name, similarity };
    }
  }
  return best;
}
