// Serves PGlite's one backend session over a Unix socket, to one client connection at a time, and
// gives every connection a clean session. PGlite has a single backend: whatever a connection leaves
// in it (an open or failed transaction, prepared statements, portals, settings, advisory locks,
// temporary tables, LISTEN) would otherwise be inherited by the next connection.
import { createServer } from 'node:net';

const sslRequestCode = 80877103;
const gssEncRequestCode = 80877104;
const cancelRequestCode = 80877102;
const terminateMessage = 0x58; // 'X'

/** Wire messages that put the backend back into the state of a fresh connection. */
const resetMessages = [
  // A simple query aborts whatever transaction is open, explicit or the implicit one of an
  // extended-protocol sequence whose Sync never came (Sync would commit that one).
  simpleQuery('ROLLBACK'),
  // Ends an extended-protocol sequence that failed and now skips everything until Sync.
  Buffer.from([0x53, 0, 0, 0, 4]),
  // An explicit transaction that had failed before the ROLLBACK was skipped is still open.
  simpleQuery('ROLLBACK'),
  // Prepared statements, portals, settings, advisory locks, temporary tables, LISTEN, cached plans.
  simpleQuery('DISCARD ALL'),
];

/**
 * Listens on `path`; connections wait their turn instead of being refused, because a client that
 * drops its connection reconnects at once, before the old connection is fully closed.
 */
export function serveEmbeddedSessions(db, path, { onReset } = {}) {
  const waiting = [];
  let serving = null;

  const serveNext = async () => {
    if (serving) return;
    const socket = waiting.shift();
    if (!socket) return;
    serving = socket;
    try {
      await serveConnection(db, socket);
    } finally {
      await resetSession(db);
      onReset?.();
      serving = null;
      void serveNext();
    }
  };

  const server = createServer((socket) => {
    // A client that gives up while waiting must not take the process down.
    socket.on('error', () => socket.destroy());
    waiting.push(socket);
    void serveNext();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve({
        close: () =>
          new Promise((done) => {
            for (const socket of waiting.splice(0)) socket.destroy();
            serving?.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

async function resetSession(db) {
  await db.runExclusive(async () => {
    for (const message of resetMessages) await db.execProtocolRaw(message);
  });
}

/** Relays one client's messages to PGlite, one at a time, until the client goes away. */
function serveConnection(db, socket) {
  if (socket.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let pending = Buffer.alloc(0);
    let startedUp = false;
    let open = true;
    let relay = Promise.resolve();

    const end = () => {
      if (!open) return;
      open = false;
      socket.destroy();
      // The message being executed finishes before the session is reset for the next client.
      void relay.then(resolve, resolve);
    };

    const execute = async (message) => {
      if (!open) return;
      await db.runExclusive(() =>
        db.execProtocolRawStream(message, {
          onRawData: (data) => {
            if (open && socket.writable && data.length > 0) socket.write(Buffer.from(data));
          },
        }),
      );
    };

    const takeMessages = () => {
      for (;;) {
        if (!startedUp) {
          if (pending.length < 8) return;
          const length = pending.readInt32BE(0);
          if (pending.length < length) return;
          const code = pending.readInt32BE(4);
          const message = pending.subarray(0, length);
          pending = pending.subarray(length);
          if (code === sslRequestCode || code === gssEncRequestCode) {
            socket.write('N'); // no encryption on a local socket; the client goes on in plain text
          } else if (code === cancelRequestCode) {
            end(); // PGlite cannot cancel a running query; the request's connection just closes
            return;
          } else {
            startedUp = true;
            enqueue(message);
          }
          continue;
        }
        if (pending.length < 5) return;
        const length = 1 + pending.readInt32BE(1);
        if (pending.length < length) return;
        const message = pending.subarray(0, length);
        pending = pending.subarray(length);
        if (message[0] === terminateMessage) {
          end();
          return;
        }
        enqueue(message);
      }
    };

    const enqueue = (message) => {
      const copy = new Uint8Array(message);
      relay = relay.then(() => execute(copy)).catch(end);
    };

    socket.setNoDelay?.(true);
    socket.on('data', (chunk) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      takeMessages();
    });
    socket.on('error', end);
    socket.on('close', end);
    socket.on('end', end);
  });
}

function simpleQuery(text) {
  const body = Buffer.from(`${text}\0`);
  const header = Buffer.alloc(5);
  header[0] = 0x51; // 'Q'
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}
