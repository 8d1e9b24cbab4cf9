// PLACEHOLDER written by the shell helper so `electron-vite build` can emit out/main/cli.js.
// The lead replaces this file with the real CLI.
console.error('sms-outbox CLI: not implemented yet');
process.exitCode = 1;
