import { z } from "zod";

export const knowledgeEntrySchema = z.object({
  id: z.string(),
  branch_id: z.string().nullable(),
  category: z.string(),
  title: z.string(),
  content: z.string(),
  keywords: z.array(z.string()),
  is_active: z.boolean(),
  updated_at: z.string(),
});
export type KnowledgeEntryDto = z.infer<typeof knowledgeEntrySchema>;

export const searchParams = z.object({
  query: z.string().trim().min(1).max(500),
  branch_id: z.string().optional(),
  limit: z.number().int().min(1).max(20).default(3),
});

/** A hit: stored entries and the facts read live from the database (opening hours, prices, address). */
export const searchHitSchema = z.object({
  source: z.enum(["knowledge", "opening_hours", "prices", "address"]),
  id: z.string().nullable(),
  title: z.string(),
  content: z.string(),
  score: z.number(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResult = z.object({
  results: z.array(searchHitSchema),
  /** The best hit's text, ready to be read aloud; null when nothing matched. */
  answer: z.string().nullable(),
});

export const listParams = z.object({
  branch_id: z.string().optional(),
  category: z.string().optional(),
  include_inactive: z.boolean().default(false),
});
export const listResult = z.object({ entries: z.array(knowledgeEntrySchema), total: z.number() });

export const upsertParams = z.object({
  /** Absent: a new entry. */
  id: z.string().optional(),
  branch_id: z.string().nullable().default(null),
  // Messages written for the dashboard's form; callers of the gateway read the same ones.
  category: z.string().trim().min(1, "Bitte eine Kategorie angeben.").max(50, "Höchstens 50 Zeichen.").default("allgemein"),
  title: z.string().trim().min(1, "Bitte einen Titel angeben.").max(200, "Höchstens 200 Zeichen."),
  content: z.string().trim().min(1, "Bitte die Antwort angeben.").max(2000, "Höchstens 2000 Zeichen."),
  keywords: z.array(z.string().trim().min(1).max(50, "Ein Stichwort hat höchstens 50 Zeichen.")).max(30, "Höchstens 30 Stichwörter.").default([]),
  is_active: z.boolean().default(true),
});
export const upsertResult = z.object({ entry: knowledgeEntrySchema, created: z.boolean() });

export const deleteParams = z.object({ id: z.string() });
export const deleteResult = z.object({ deleted: z.boolean() });
