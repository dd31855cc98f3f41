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
  console.log(JSON.stringify(JSON.parse(text), null, 2));
  return 0;
}

process.exitCode = await main();

export {};
