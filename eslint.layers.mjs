/**
 * The layers of server/ and the one direction imports may flow (docs/architecture.md):
 * app → server/doors → server/composition → server/services → server/{calendar,integrations,scheduling}
 * → server/platform; server/core is the shared call machinery. Tests may reach across layers
 * to set things up, so the zones apply to source files only; cycles are refused everywhere.
 */
const zone = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) });

const server = (...dirs) => dirs.map((d) => `./server/${d}`);
/** The error table and method types are the vocabulary of every layer. */
const sharedCore = ["./errors.ts", "./types.ts"];
const exceptFor = (from) => (from === "./server/core" ? sharedCore : undefined);

export const layerZones = [
  ...server("platform").flatMap((target) =>
    server("core", "services", "doors", "composition.ts", "calendar", "integrations", "scheduling", "auth", "seed").map((from) =>
      zone(target, from, "server/platform knows no service, door or domain module.", exceptFor(from)),
    ),
  ),
  ...server("integrations", "scheduling").flatMap((target) =>
    server("core", "services", "doors", "composition.ts", "calendar", "auth", "seed", ...(target.endsWith("scheduling") ? ["integrations"] : [])).map((from) =>
      zone(target, from, "server/integrations and server/scheduling are leaves: they import only server/platform.", exceptFor(from)),
    ),
  ),
  ...server("calendar").flatMap((target) =>
    server("services", "doors", "composition.ts", "auth", "seed").map((from) =>
      zone(target, from, "server/calendar sits below the services and the doors."),
    ),
  ),
  ...server("core").flatMap((target) =>
    server("services", "doors", "composition.ts", "auth", "seed").map((from) =>
      zone(target, from, "server/core is shared machinery: it imports no service and no door (the composition root provides them)."),
    ),
  ),
  ...server("services").flatMap((target) =>
    server("doors", "composition.ts", "auth", "seed").map((from) =>
      zone(target, from, "A service never imports a door or the composition root; doors call services through callMethod."),
    ),
  ),
];

/** What components may take from server/ as values: zod contracts, pure date helpers, the RSC caller. */
const componentImports = {
  patterns: [
    {
      group: [
        "@/server/*",
        "!@/server/services",
        "@/server/services/*/*",
        "!@/server/services/*/schemas",
        "!@/server/scheduling",
        "!@/server/core",
        "@/server/core/*",
        "!@/server/core/zod-locale",
        "!@/server/core/token-scopes",
        "!@/server/doors",
        "@/server/doors/*",
        "!@/server/doors/trpc",
        "@/server/doors/trpc/*",
        "!@/server/doors/trpc/server",
        "!@/server/doors/trpc/batch-limit",
      ],
      allowTypeImports: true,
      message: "components take only zod contracts (server/services/*/schemas.ts), types, date helpers and the tRPC server caller from server/.",
    },
  ],
};

export const layerRules = [
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    rules: {
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: ["server/**/*.ts"],
    ignores: ["**/*.test.ts", "server/testing/**", "server/integrations/fakes/**"],
    rules: {
      "import/no-restricted-paths": ["error", { zones: layerZones }],
    },
  },
  {
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", componentImports],
    },
  },
];
