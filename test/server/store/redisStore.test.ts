import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { connectRedisTicketStore } from "../../../server/store/redis/connectRedisTicketStore.ts";
import { startRedis, type TestRedis } from "../../support/startRedis.ts";
import { describeHistoryConformance } from "./historyConformance.ts";
import { describeStoreConformance } from "./storeConformance.ts";

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.close());

for (const describeSuite of [describeStoreConformance, describeHistoryConformance]) {
  describeSuite(
    "Redis",
    async () => {
      // A key prefix per test: each test starts with nothing, on the one redis-server of this file.
      const keyPrefix = `test-${randomUUID()}:`;
      return {
        open: (ttl) => connectRedisTicketStore({ ...ttl, url: redis.url, keyPrefix }),
        dispose: async () => undefined,
      };
    },
    { shared: true },
  );
}
