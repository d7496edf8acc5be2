/** Validation messages in German, for callers on every door and for the dashboard's forms. */
import { z } from "zod";

z.config(z.locales.de());
