// Runs against the real Docker engine (CI starts it); skipped loudly when there is none.
import { describeRuntimeBehaviour } from "./testing/runtime-behaviour.suite";
import { dockerFixture } from "./testing/runtime-fixtures";

await describeRuntimeBehaviour(dockerFixture());
