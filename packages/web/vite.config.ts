import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** Files worth compressing; images and fonts of the build are compressed already or absent. */
const compressible = /\.(js|mjs|css|html|svg|json|txt)$/;

/**
 * Writes `name.br` and `name.gz` beside every compressible file of the build, once, at the highest
 * levels: the server sends the variant the browser accepts (`@fastify/static` `preCompressed`) and
 * never compresses per request.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'cppcc-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk(outDir).filter((f) => compressible.test(f))) {
        const content = readFileSync(file);
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
            },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
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
