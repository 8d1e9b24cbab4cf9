// The floor for bench/send's whole-process ratio: a bare fetch loop in its own Node process that
// reads the same CSV and sends the same POSTs (same batches, same concurrency) and stores nothing.
// Plain JavaScript run by plain `node`, as the built CLI is: no tsx, no database, no checks.
//   node bench/bareSend.mjs <csv> <baseUrl> <token> <batch> <concurrency>
import { readFileSync } from 'node:fs';

const [csv, baseUrl, token, batch, concurrency] = process.argv.slice(2);
const lines = readFileSync(csv, 'utf8').split(/\r?\n/).slice(1).filter(Boolean);
const recipients = lines.map((l) => {
  const [name, phone] = l.split(',');
  return { msisdn: Number(phone.replace(/\D/g, '')), tagvalues: [name] };
});
const bodies = [];
for (let i = 0; i < recipients.length; i += Number(batch)) {
  bodies.push(
    JSON.stringify({
      sender: 'Shop',
      message: 'Hi %name%, spring sale',
      encoding: 'UTF8',
      tags: ['%name%'],
      recipients: recipients.slice(i, i + Number(batch)),
    }),
  );
}
let next = 0;
await Promise.all(
  Array.from({ length: Number(concurrency) }, async () => {
    while (next < bodies.length) {
      const res = await fetch(`${baseUrl}/rest/mtsms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Token ${token}` },
        body: bodies[next++],
      });
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    }
  }),
);
