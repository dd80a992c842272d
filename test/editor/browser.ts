// Builds the editor once into a temporary folder, serves it on a free port and drives Debian's
// Chromium with playwright-core. Never downloads a browser.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const editorDir = fileURLToPath(new URL('../../packages/editor/', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface EditorHarness {
  url: string;
  browser: Browser;
  /** A fresh page (own storage) that records console errors. */
  open(): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/**
 * Build the editor into a temporary folder and serve it. `SLUICE_EDITOR_DIST` names an already
 * built editor to serve instead (the same build for several test runs).
 */
export async function startEditor(): Promise<EditorHarness> {
  const prebuilt = process.env.SLUICE_EDITOR_DIST;
  const out = prebuilt ?? mkdtempSync(join(tmpdir(), 'sluice-editor-'));
  const built = prebuilt ? { status: 0, stdout: '', stderr: '' } : spawnSync(process.execPath, [join(editorDir, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: editorDir,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`vite build failed:\n${built.stdout}\n${built.stderr}`);
  const server = await serve(out);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    url,
    browser,
    async open() {
      const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url);
      return { page, errors };
    },
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
      if (!prebuilt) rmSync(out, { recursive: true, force: true });
    },
  };
}

/** Inside a describe: one editor built and served for the suite, closed after it. */
export function editorForSuite(): () => EditorHarness {
  let editor: EditorHarness | undefined;
  beforeAll(async () => {
    editor = await startEditor();
  }, 240_000);
  afterAll(async () => {
    await editor?.close();
  });
  return () => {
    if (!editor) throw new Error('the editor did not start');
    return editor;
  };
}

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.json': 'application/json' };

function serve(root: string): Promise<Server> {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
