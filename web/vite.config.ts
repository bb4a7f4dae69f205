import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Vendor chunks: one per family, so no chunk is huge and app changes leave vendor hashes alone. */
const VENDOR_GROUPS: [name: string, test: RegExp][] = [
  ['react', /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/],
  ['router', /[\\/]node_modules[\\/](react-router|@tanstack)[\\/]/],
  ['antd-icons', /[\\/]node_modules[\\/]@ant-design[\\/]icons(-svg)?[\\/]/],
  ['antd-base', /[\\/]node_modules[\\/](@rc-component|rc-[\w-]+|@ant-design|@babel[\\/]runtime)[\\/]/],
  ['antd', /[\\/]node_modules[\\/]antd[\\/]/],
  ['vendor', /[\\/]node_modules[\\/]/],
];

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    // antd's own chunk is just over Vite's 500 kB (cutting it with maxSize breaks its
    // module order at run time); the app's code stays small in lazy chunks per module
    chunkSizeWarningLimit: 640,
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: VENDOR_GROUPS.map(([name, test], i) => ({
            name,
            test,
            priority: VENDOR_GROUPS.length - i,
          })),
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
