import { defineConfig } from 'vite';

// The page's source is in app/; `vite build` (run by `pnpm start`) writes the built page to
// index.html and assets/ beside this file, where examples/host-site serves it at /react/.
export default defineConfig({
  root: 'app',
  base: './',
  build: { outDir: '..', emptyOutDir: false, assetsDir: 'assets' },
});
