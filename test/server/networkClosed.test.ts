import { request } from "undici";
import { describe, expect, it } from "vitest";
import { takeRefusedConnections } from "../support/closeNetwork.ts";
import { startTestServer } from "../support/startTestServer.ts";

describe("the network in the Node tests", () => {
  it("when code connects outside loopback, then the connection is refused and reported", async () => {
    await expect(request("http://198.51.100.7:8080/")).rejects.toThrow(/Network closed in tests/);
    expect(takeRefusedConnections()).toEqual(["198.51.100.7"]);
  });

  it("when the proxy and its sandbox talk on loopback, then nothing is refused", async () => {
    const server = await startTestServer();
    try {
      const answer = await request(`${server.url}/healthz`);
      expect(answer.statusCode).toBe(200);
      await answer.body.dump();
    } finally {
      await server.close();
    }
  });
});
