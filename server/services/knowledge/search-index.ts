/**
 * Scoring of knowledge entries against a caller's question: German text normalised, filler
 * words dropped, words matched exactly or by a shared stem ("Parkplatz" finds "parken").
 */
import { normalizeGermanText } from "@/server/scheduling/german-words";

export interface Searchable {
  title: string;
  content: string;
  keywords: string[];
}

const FILLER = new Set(
  ("der die das den dem des ein eine einen einem einer eines ich sie wir ihr er es man mein meine ihre ihren " +
    "ist sind bin war hat haben habe hatte kann koennen koennte moechte will wuerde gibt gern gerne " +
    "und oder aber auch noch schon mal bitte danke hallo ja nein nicht kein keine " +
    "bei bis mit von vom zum zur fuer an am im in ins auf aus ueber um wie was welche welcher welches " +
    "denn doch so sehr eigentlich da dort hier heute")
    .split(" "),
);

export function searchTokens(text: string): string[] {
  return normalizeGermanText(text)
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0 && !FILLER.has(t));
}

function wordsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 4 || b.length < 4) return false;
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
  return shared >= 4;
}

/** Keyword hits weigh 3, title words 2, content words 1; each question word counts once. */
export function scoreEntry(queryTokens: string[], entry: Searchable): number {
  const keywords = entry.keywords.flatMap(searchTokens);
  const title = searchTokens(entry.title);
  const content = searchTokens(entry.content);
  let score = 0;
  for (const token of new Set(queryTokens)) {
    if (keywords.some((k) => wordsMatch(token, k))) score += 3;
    else if (title.some((w) => wordsMatch(token, w))) score += 2;
    else if (content.some((w) => wordsMatch(token, w))) score += 1;
  }
  return score;
}
