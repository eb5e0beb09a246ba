/** A one-line progress bar on stderr when it is a terminal and wanted; silent otherwise (CI logs stay readable). */
export class Progress {
  private readonly on: boolean;

  constructor(
    private total: number,
    private label: string,
    wanted = true,
    private stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.on = wanted && Boolean(stream.isTTY) && process.env.CI !== 'true';
  }

  tick(done: number, note = ''): void {
    if (!this.on) return;
    const width = 24;
    const filled = this.total === 0 ? width : Math.round((done / this.total) * width);
    this.stream.write(
      `\r${this.label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${this.total} ${note.slice(0, 40).padEnd(40)}`,
    );
  }

  done(): void {
    if (this.on) this.stream.write('\n');
  }
}
