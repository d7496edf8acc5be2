/** Validation messages in plain German, for callers on every door and for the dashboard's forms. */
import { z } from "zod";
import { plainGermanError } from "./plain-german-errors";

z.config({ localeError: plainGermanError });
