/**
 * Runs once in the test runner's own process before any worker starts: what every worker would
 * otherwise build at the same moment on a new machine (the migrated template of the test
 * databases, and with it the cached empty cluster that new embedded databases start from).
 */
import { buildTestTemplate } from "./test-db";

export default async function setup(): Promise<void> {
  await buildTestTemplate();
}
