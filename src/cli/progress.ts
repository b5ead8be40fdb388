/** A progress line for long commands: redrawn in place on a terminal, plain lines otherwise. */
export function makeProgress(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let lastPlain = 0;
  return (done: number, total: number) => {
    const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
    const elapsed = (Date.now() - started) / 1000;
    const eta = done > 0 ? Math.max(0, (elapsed / done) * (total - done)) : 0;
    const text = `${label} ${done}/${total} (${pct}%) ETA ${eta.toFixed(0)} s`;
    if (stream.isTTY) {
      const width = 24;
      const filled = Math.round((pct / 100) * width);
      stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${text}`);
      if (done === total) stream.write('\n');
    } else if (done === total || pct >= lastPlain + 10) {
      lastPlain = pct;
      stream.write(`${text}\n`);
    }
  };
}
