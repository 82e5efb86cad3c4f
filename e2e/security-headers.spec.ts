import { expect, test } from '@playwright/test';

test.describe('security headers', () => {
  test('reader pages carry a CSP without inline script, and the other headers', async ({ request }) => {
    for (const url of ['/', '/articles/local-elections-results', '/corrections', '/api/health']) {
      const response = await request.get(url);
      const headers = response.headers();
      expect(headers['content-security-policy'], url).toContain("object-src 'none'");
      expect(headers['content-security-policy'], url).toContain("base-uri 'none'");
      expect(headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy'], url).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
      expect(headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  test('desk pages carry a fresh nonce each time, and their scripts still run', async ({ page, request }) => {
    const first = (await request.get('/login')).headers()['content-security-policy'];
    const second = (await request.get('/login')).headers()['content-security-policy'];
    expect(first).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(first).not.toBe(second);
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
    });
    await page.goto('/login');
    await page.getByLabel('Email', { exact: true }).fill('nobody@example.org');
    await page.getByLabel('Password', { exact: true }).fill('wrong but long enough');
    // Only a hydrated form shows this message without a page load.
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('.form-error')).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('HSTS is sent when the request came over HTTPS', async ({ request }) => {
    const response = await request.get('/', { headers: { 'x-forwarded-proto': 'https' } });
    expect(response.headers()['strict-transport-security']).toMatch(/max-age=/);
  });
});
