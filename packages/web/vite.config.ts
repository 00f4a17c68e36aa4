import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      treeshake: {
        // The shared package has no side effects; without this hint its zod schemas would land in the
        // first chunk even when a page only needs a label table.
        moduleSideEffects: (id: string) => !id.includes('/packages/shared/'),
      },
    },
  },
});
