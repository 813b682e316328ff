// The offline outbox: captures that could not be sent, kept in IndexedDB (selfie blob, GPS
// fix, capture time) until the server has answered them. One entry per capture, keyed by its
// Idempotency-Key, so sending one twice can never make two check-ins.
const DB_NAME = "hadir";
const STORE = "outbox";

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "key" });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, work) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const result = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(result && "result" in result ? result.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export function keep(capture) {
  return run("readwrite", (store) => store.put({ ...capture, queuedAt: new Date().toISOString() }));
}

export function drop(key) {
  return run("readwrite", (store) => store.delete(key));
}

export async function waiting(employeeId) {
  const all = await run("readonly", (store) => store.getAll());
  return (all || []).filter((capture) => capture.employeeId === employeeId)
    .sort((a, b) => a.capturedAt.localeCompare(b.capturedAt));
}
