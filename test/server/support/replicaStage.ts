import { afterAll, beforeAll } from "vitest";
import { signCustomerToken } from "../../../server/protection/identity.ts";
import { createSandbox, type Sandbox } from "../../../server/sandbox/createSandbox.ts";
import { killProxyProcesses } from "../../support/proxy/spawnProxy.ts";
import { PROCESS_IDENTITY_SECRET } from "../../support/proxy/startProxyProcess.ts";
import { startRedis, type TestRedis } from "../../support/startRedis.ts";

/** What the replica tests of a file share; the proxy processes are each test's own. */
export interface ReplicaStage {
  /** The sandbox as Ripio: it answers nothing by itself (10 min), the tests complete tickets. */
  readonly ripio: Sandbox;
  readonly redis: TestRedis;
  /** A token for cus_demo_alice that every proxy process accepts. */
  readonly alice: string;
}

/**
 * Starts the calling file's stage before its tests, and after them kills the proxy processes
 * they left (startProxyProcess.ts) and stops the stage.
 */
export function replicaStagePerFile(): ReplicaStage {
  let stage: ReplicaStage | null = null;
  const running = (): ReplicaStage => {
    if (!stage) throw new Error("The replica stage runs only inside the file's tests.");
    return stage;
  };
  beforeAll(async () => {
    const ripio = createSandbox({ processingDelayMs: 10 * 60_000 });
    await ripio.listen();
    const redis = await startRedis();
    const alice = await signCustomerToken("cus_demo_alice", PROCESS_IDENTITY_SECRET, 600);
    stage = { ripio, redis, alice };
  });
  afterAll(async () => {
    await killProxyProcesses();
    await stage?.redis.close();
    await stage?.ripio.close();
    stage = null;
  });
  return {
    get ripio() {
      return running().ripio;
    },
    get redis() {
      return running().redis;
    },
    get alice() {
      return running().alice;
    },
  };
}
