// A real HTTP proxy on loopback that demands Basic credentials, standing in for the provider gateway or a fixed
// proxy; it remembers every username it was offered so tests can read the exact sticky-session format.
import { Server } from "proxy-chain";

export type LocalProxyOptions = {
  /** The gateway account: accepted as-is or with any suffix (the sticky session). */
  username: string;
  password: string;
  /** Reuse a port, to bring a stopped proxy back where assignments point. */
  port?: number;
};

export type LocalProxy = {
  host: "127.0.0.1";
  port: number;
  /** Usernames of CONNECT requests, in order (accepted or not). */
  connects: string[];
  stop(): Promise<void>;
};

export async function startLocalProxy({ username, password, port = 0 }: LocalProxyOptions): Promise<LocalProxy> {
  const connects: string[] = [];
  const server = new Server({
    port,
    host: "127.0.0.1",
    verbose: false,
    prepareRequestFunction: ({ username: offered, password: given }) => {
      connects.push(offered ?? "");
      const knownUser = offered === username || offered?.startsWith(`${username}_`);
      return { requestAuthentication: !knownUser || given !== password };
    },
  });
  await server.listen();
  return { host: "127.0.0.1", port: server.port, connects, stop: () => server.close(true) };
}
