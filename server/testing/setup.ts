// Every test process gets the product's registry and job kinds, as the app's entry points do.
import "@/server/composition";
import { startAsFreshProcess } from "./fresh-process";

// Test files share worker processes (isolate: false); each starts from a fresh process's state.
await startAsFreshProcess();
