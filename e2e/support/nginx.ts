// Where the e2e run's nginx (deploy/nginx, started by playwright.config.ts) listens: E2E_NGINX_PORT,
// or the app's port + 5000.
export const NGINX_PORT = Number(process.env.E2E_NGINX_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 5000);
export const NGINX_URL = `http://127.0.0.1:${NGINX_PORT}`;
