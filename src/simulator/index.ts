// A GatewayAPI simulator on 127.0.0.1 for demo mode, the CLI's --demo, core tests and benchmarks.
export { startSimulator, type Simulator, type SimulatorOptions, type ServedRequest } from './server';
export type { Faults, CountedFault } from './faults';
export type { AcceptedRecipient } from './state';
export { finalStatusFor, finalReportFor, type FinalReport, type SimFinalStatus } from './statuses';
export { countParts, isGsm7 } from './segments';
export { countryOf, COUNTRIES } from './countries';
export { startBlackhole, type Blackhole } from './blackhole';
