import { displayWidth, truncateToWidth } from "./text-width.js";

/**
 * Progress on standard error: a bar redrawn in place on a terminal, one plain line per finished dataset otherwise
 * (a log file or CI keeps every line).
 */
export class Progress {
  private done = 0;
  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  finished(line: string): void {
    this.done++;
    if (this.stream.isTTY) {
      const width = 30;
      const filled = Math.round((this.done / this.total) * width);
      // ASCII only: block characters are two columns wide in a Chinese Windows console, one elsewhere.
      const bar = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${this.done}/${this.total} `;
      // Measured in columns, not characters: a line one column too long wraps, and the bar no longer redraws in place.
      const room = Math.max(10, (this.stream.columns ?? 80) - displayWidth(bar) - 1);
      this.stream.write(`\r\x1b[K${bar}${truncateToWidth(line, room)}`);
      if (this.done === this.total) this.stream.write("\n");
    } else {
      this.stream.write(`[${this.done}/${this.total}] ${line}\n`);
    }
  }
}
