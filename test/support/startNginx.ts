import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./freePort.ts";

/** Debian's nginx (`.ci/run` installs it). */
export const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";

/** An nginx of a test's own, round robin over the proxy replicas, on a free loopback port. */
export interface TestNginx {
  url: string;
  close(): Promise<void>;
}

/**
 * The load balancer part of the README's two-replica example, for `replicas` (host:port).
 * Bodies are streamed to the replica as they arrive (the proxy checks them while they stream);
 * long polls may hold 25 s, so reads wait longer than that.
 */
export function nginxServerBlock(replicas: readonly string[], listen: string): string {
  return `
  upstream help_proxy {
${replicas.map((r) => `    server ${r};`).join("\n")}
    keepalive 16;
  }
  server {
    listen ${listen};
    client_max_body_size 60m;
    location / {
      proxy_pass http://help_proxy;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_request_buffering off;
      proxy_buffering off;
      proxy_read_timeout 60s;
      proxy_next_upstream error timeout;
    }
  }`;
}

/** Starts nginx in the foreground with a generated config in a temporary folder. */
export async function startNginx(replicas: readonly string[]): Promise<TestNginx> {
  const dir = await mkdtemp(join(tmpdir(), "test-nginx-"));
  // Run as root, nginx's workers become `nobody`: they must be able to use the folder.
  await chmod(dir, 0o777);
  const port = await freePort();
  const config = `
daemon off;
master_process on;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${nginxServerBlock(replicas, `127.0.0.1:${port}`)}
}
`;
  await writeFile(join(dir, "nginx.conf"), config);
  const child: ChildProcess = spawn(
    NGINX,
    ["-p", dir, "-c", join(dir, "nginx.conf"), "-e", join(dir, "error.log")],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, "exit");
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      const log = await readFile(join(dir, "error.log"), "utf8").catch(() => "");
      throw new Error(`nginx exited (${child.exitCode}):\n${output}\n${log}`);
    }
    const up = await fetch(`${url}/healthz`).then(
      (res) => (void res.body?.cancel(), true),
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`nginx did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    async close() {
      if (child.exitCode === null) {
        child.kill("SIGQUIT");
        const late = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(late);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
