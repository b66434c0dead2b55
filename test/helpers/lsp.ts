import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

/** A language server over stdio, spoken to as an editor would: JSON-RPC messages framed by Content-Length. */
export class LanguageClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private id = 0;
  private readonly waiting = new Map<number, (result: unknown) => void>();
  private readonly listeners: ((method: string, params: unknown) => void)[] = [];

  constructor(command: string, args: string[]) {
    this.child = spawn(command, args, { stdio: "pipe" });
    this.child.stdout.on("data", (chunk: Buffer) => this.receive(chunk));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString("ascii"))?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString("utf8")) as { id?: number; method?: string; params?: unknown; result?: unknown };
      this.buffer = this.buffer.subarray(end + 4 + length);
      if (message.method && message.id !== undefined) this.send({ jsonrpc: "2.0", id: message.id, result: null }); // a request from the server
      else if (message.method) for (const l of this.listeners) l(message.method, message.params);
      else if (message.id !== undefined) this.waiting.get(message.id)?.(message.result);
    }
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify(message), "utf8");
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = ++this.id;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.send({ jsonrpc: "2.0", id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: "2.0", method, params });
  }

  /** The first notification `method` whose params satisfy `accept`. */
  next<T>(method: string, accept: (params: T) => boolean): Promise<T> {
    return new Promise((resolve) => this.listeners.push((m, p) => m === method && accept(p as T) && resolve(p as T)));
  }

  close(): void {
    this.child.kill();
  }
}
