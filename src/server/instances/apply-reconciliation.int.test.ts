// Reconciliation against the real runtimes (Docker is skipped loudly where there is no engine).
import { dockerFixture, processFixture } from "~/server/waha/runtime/testing/runtime-fixtures";
import { describeReconcileBehaviour } from "./testing/reconcile-behaviour.suite";

await describeReconcileBehaviour(dockerFixture());
await describeReconcileBehaviour(processFixture());
