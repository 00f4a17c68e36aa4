// Runs in a worker thread (started by readRosterOffThread in member-import.ts): reads uploaded rosters
// one at a time and posts back plain rows in batches, or the AppError that refused the file, so that
// neither the parse nor the copying of its result holds the server's event loop for long.
// It imports only the reader (no ExcelJS, no database) to start quickly.
import { parentPort } from 'node:worker_threads';
import type { ErrorCode } from '@cppcc/shared';
import { AppError } from '../../lib/errors';
import { readSheetByHeaders, type SheetRow } from '../../lib/sheet-reader';

export interface RosterJob {
  id: number;
  content: Uint8Array;
  headers: string[];
  required: string[];
  aliases: Record<string, string>;
  ignored: string[];
  maxRows: number;
}

export type RosterWorkerReply =
  | { id: number; kind: 'rows'; rows: SheetRow<string>[] }
  | { id: number; kind: 'done' }
  | { id: number; kind: 'refused'; code: ErrorCode; message: string; details?: unknown }
  | { id: number; kind: 'failed'; message: string };

/** Rows per message: each message is copied into the main thread in one go. */
const rowsPerMessage = 250;

const reply = (message: RosterWorkerReply) => parentPort!.postMessage(message);

async function read(job: RosterJob) {
  try {
    const { rows } = await readSheetByHeaders(
      Buffer.from(job.content.buffer, job.content.byteOffset, job.content.byteLength),
      job.headers,
      { required: job.required, aliases: job.aliases, ignored: job.ignored, maxRows: job.maxRows },
    );
    for (let i = 0; i < rows.length; i += rowsPerMessage) {
      reply({ id: job.id, kind: 'rows', rows: rows.slice(i, i + rowsPerMessage) });
    }
    reply({ id: job.id, kind: 'done' });
  } catch (error) {
    if (error instanceof AppError) {
      reply({
        id: job.id,
        kind: 'refused',
        code: error.code,
        message: error.message,
        details: error.details,
      });
    } else {
      reply({ id: job.id, kind: 'failed', message: String((error as Error)?.stack ?? error) });
    }
  }
}

// One file at a time: two parses at once would double the worker's memory.
let queue = Promise.resolve();
parentPort!.on('message', (job: RosterJob) => {
  queue = queue.then(() => read(job));
});
