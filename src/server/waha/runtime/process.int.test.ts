import { describeRuntimeBehaviour } from "./testing/runtime-behaviour.suite";
import { processFixture } from "./testing/runtime-fixtures";

await describeRuntimeBehaviour(processFixture());
