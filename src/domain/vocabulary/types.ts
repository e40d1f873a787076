/**
 * A programme's activity vocabulary: the categories its rules know, each with the phrases
 * a coordinator writes for it. Patterns are regular-expression sources matched against
 * folded text (see fold.ts: lower case, å/ä→a, ö→o), so they are written without å/ä/ö.
 */
export interface CategoryDefinition<Code extends string | number = string | number> {
  code: Code;
  /** The category's name as the source document gives it. */
  name: string;
  /** Phrases that name the category itself ("praktisk\\w* stod"). Checked first. */
  names: readonly string[];
  /** Words that only suggest it (examples from the source: "cv", "personligt brev"). */
  keywords: readonly string[];
}

export interface Vocabulary<Code extends string | number = string | number> {
  /** Which programmes use it. */
  id: string;
  /** Where the categories come from (document and section). */
  source: string;
  categories: readonly CategoryDefinition<Code>[];
}
