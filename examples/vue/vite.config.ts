import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The page's source is in app/; `vite build` (run by `pnpm start`) writes the built page to
// index.html and assets/ beside this file, where examples/host-site serves it at /vue/.
export default defineConfig({
  root: 'app',
  base: './',
  plugins: [
    // The widget's elements are custom elements, not Vue components: render them as they are.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('mm-') } } }),
  ],
  build: { outDir: '..', emptyOutDir: false, assetsDir: 'assets' },
});
