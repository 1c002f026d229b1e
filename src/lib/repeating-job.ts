/** A background job run now and then every `intervalSeconds`, one run at a time. */
export interface RepeatingJob {
  /** Stops the timer, asks the run in progress to stop at a safe point, and waits for it. */
  stop(): Promise<void>;
}

export function startRepeatingJob(
  run: (signal: AbortSignal) => Promise<unknown>,
  intervalSeconds: number,
  onError: (error: unknown) => void,
): RepeatingJob {
  const controller = new AbortController();
  let running: Promise<unknown> | undefined;
  const tick = () => {
    // A slow run (a long newsletter) is not overlapped by the next tick.
    if (running) return;
    running = run(controller.signal)
      .catch(onError)
      .finally(() => (running = undefined));
  };
  tick();
  const timer = setInterval(tick, intervalSeconds * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      controller.abort();
      await running;
    },
  };
}
