// The demo accounts' password, for local use only (the README says so).
export const DEMO_PASSWORD = 'errata-demo-2026';
