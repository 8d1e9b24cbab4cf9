// Manual tries: `npx tsx src/simulator/main.ts` (PORT, TOKEN and CREDIT may be set in the
// environment). Prints the URL (and the built-in test token, never one given in TOKEN), serves until Ctrl-C.
import { startSimulator } from './';

const port = Number(process.env.PORT ?? 0);
const credit = process.env.CREDIT !== undefined ? Number(process.env.CREDIT) : undefined;

startSimulator({ port, token: process.env.TOKEN, credit }).then(
  (sim) => {
    console.log(`GatewayAPI simulator listening on ${sim.url}`);
    // A TOKEN from the environment stays out of the terminal's scrollback; the default is public.
    console.log(
      process.env.TOKEN
        ? 'Accepts the TOKEN you set (Authorization: Token <TOKEN>).'
        : `Accepts the built-in test value: Authorization: Token ${sim.token}`,
    );
    console.log('msisdn last digit → final status: 0-6 DELIVERED, 7 UNDELIVERABLE, 8 EXPIRED, 9 REJECTED;');
    console.log('ending in 666 → blacklisted (0x0215); Icelandic numbers (+354) → country not allowed (0x0217, variables ["IS"]).');
    const stop = () => void sim.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (err: unknown) => {
    console.error(`could not start the simulator: ${(err as Error).message}`);
    process.exit(1);
  },
);
