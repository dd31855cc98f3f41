/** `npm run job`: asks the running local runtime to run the figures job now, and prints what it did. */
const base = process.env.CRUX_URL ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`;

async function main(): Promise<number> {
  let response: Response;
  try {
    response = await fetch(`${base}/_local/jobs/figures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
  } catch {
    console.error(
      `Nothing answers at ${base}. Start the platform with \`npm start\` in another terminal first ` +
        '(or set PORT or CRUX_URL if it runs elsewhere).',
    );
    return 1;
  }
  const text = await response.text();
  if (!response.ok) {
    console.error(`The figures job did not run (${response.status}): ${text}`);
    return 1;
  }
  const run = JSON.parse(text) as {
    result?: { status?: string; heldBy?: { runId: string; leaseUntil: string } };
  };
  console.log(JSON.stringify(run, null, 2));
  // Another run holds the lease: this one counted nothing, which a script calling it must be able to tell.
  if (run.result?.status !== 'done') {
    const held = run.result?.heldBy;
    console.error(
      held
        ? `The figures job did not run: run ${held.runId} holds it until ${held.leaseUntil}. Try again after that.`
        : `The figures job did not run (status ${run.result?.status ?? 'unknown'}).`,
    );
    return 1;
  }
  return 0;
}

process.exitCode = await main();

export {};
