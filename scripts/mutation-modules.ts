/** The core modules under mutation testing, each with the test files that cover it. */
export interface MutationModule {
  name: string;
  file: string;
  tests: string[];
}

const germanParsingTests = [
  "server/scheduling/german-datetime.test.ts",
  "server/scheduling/german-phrases.corpus.test.ts",
  "server/scheduling/german-parsing.security.test.ts",
  "server/scheduling/german-time.test.ts",
  "server/scheduling/german-date.test.ts",
];
const jsonRpcTests = ["server/doors/jsonrpc/handler.test.ts", "server/doors/jsonrpc/fuzz.test.ts", "server/doors/jsonrpc/protocol.test.ts"];
const retellDoorTests = [
  "server/doors/retell/custom-function-door.test.ts",
  "server/doors/retell/custom-function-dates.test.ts",
  "server/doors/retell/existence-oracle.security.test.ts",
  "server/doors/retell/webhook-door.test.ts",
];

export const MUTATION_MODULES: MutationModule[] = [
  { name: "retell-signature", file: "server/integrations/retell/signature.ts", tests: ["server/integrations/retell/signature.test.ts"] },
  { name: "german-date", file: "server/scheduling/german-date.ts", tests: germanParsingTests },
  { name: "german-time", file: "server/scheduling/german-time.ts", tests: germanParsingTests },
  { name: "jsonrpc-protocol", file: "server/doors/jsonrpc/protocol.ts", tests: jsonRpcTests },
  { name: "jsonrpc-handler", file: "server/doors/jsonrpc/handler.ts", tests: jsonRpcTests },
  { name: "slots", file: "server/scheduling/slots.ts", tests: ["server/scheduling/slots.test.ts"] },
  { name: "dispatch", file: "server/core/dispatch.ts", tests: ["server/core/dispatch.test.ts"] },
  {
    name: "local-provider",
    file: "server/calendar/local-provider.ts",
    tests: ["server/calendar/local-provider.test.ts", "server/services/calcom/local-calendar.test.ts"],
  },
  {
    name: "calcom-provider",
    file: "server/calendar/calcom-provider.ts",
    tests: ["server/services/calcom/calcom-provider.test.ts", "server/calendar/calcom-provider.test.ts"],
  },
  {
    name: "booking",
    file: "server/services/appointments/book.ts",
    tests: ["server/services/appointments/book.test.ts", "server/services/appointments/book-calcom.test.ts"],
  },
  {
    name: "token-check",
    file: "server/services/tokens/authenticate.ts",
    tests: [
      "server/services/tokens/tokens.test.ts",
      "server/services/tokens/revocation.test.ts",
      "server/services/tokens/authenticate-cache.test.ts",
      "server/core/token-scopes.security.test.ts",
    ],
  },
  { name: "retell-function-door", file: "server/doors/retell/custom-function-door.ts", tests: retellDoorTests },
  { name: "retell-webhook-door", file: "server/doors/retell/webhook-door.ts", tests: retellDoorTests },
];
