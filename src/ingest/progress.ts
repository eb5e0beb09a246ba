/** A one-line progress bar on stderr when it is a terminal; silent otherwise (CI logs stay readable). */
export class Progress {
  private readonly tty: boolean;
  constructor(
    private total: number,
    private label: string,
    stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = Boolean(stream.isTTY) && process.env.CI !== 'true';
    this.stream = stream;
  }
  private stream: NodeJS.WriteStream;

  tick(done: number, note = ''): void {
    if (!this.tty) return;
    const width = 24;
    const filled = this.total === 0 ? width : Math.round((done / this.total) * width);
    this.stream.write(
      `\r${this.label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${this.total} ${note.slice(0, 40).padEnd(40)}`,
    );
  }

  done(): void {
    if (this.tty) this.stream.write('\n');
  }
}
