// Imported pages kept in IndexedDB: the raw bytes as given, so that every
// reload analyses them again with the pipeline of the running version.
// One record per page ({id, name, bytes, added}), each written in its own
// transaction: a failed write leaves nothing half-written.

const DB = "jjj-explorer";
const STORE = "imports";

function open() {
  return new Promise((resolve, reject) => {
    if (!("indexedDB" in globalThis)) {
      reject(new Error("IndexedDB is not available in this browser"));
      return;
    }
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: "id" });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("cannot open IndexedDB"));
    req.onblocked = () => reject(new Error("IndexedDB is blocked by another tab of this app"));
  });
}

function describe(err) {
  if (err && err.name === "QuotaExceededError") return "quota";
  return String((err && (err.message || err.name)) || err);
}

/** Saves one page. Rejects with "quota" when storage is full. */
export async function storePut(id, name, bytes) {
  const db = await open();
  try {
    await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, "readwrite");
      tx.objectStore(STORE).put({ id, name, bytes, added: Date.now() });
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error);
      tx.onerror = () => reject(tx.error);
    });
  } catch (err) {
    throw new Error(describe(err));
  } finally {
    db.close();
  }
}

/** Every stored page, oldest first: {records: [{id, name, bytes}], skipped: n}. */
export async function storeAll() {
  const db = await open();
  try {
    const all = await new Promise((resolve, reject) => {
      const req = db.transaction(STORE, "readonly").objectStore(STORE).getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const records = [];
    let skipped = 0;
    for (const r of all) {
      // A damaged record is skipped, the rest still load.
      if (r && typeof r.id === "string" && typeof r.name === "string" && r.bytes instanceof Uint8Array) {
        records.push({ id: r.id, name: r.name, bytes: r.bytes, added: Number(r.added) || 0 });
      } else {
        skipped += 1;
      }
    }
    records.sort((a, b) => a.added - b.added);
    return { records, skipped };
  } finally {
    db.close();
  }
}

/** Removes one page. */
export async function storeDelete(id) {
  const db = await open();
  try {
    await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, "readwrite");
      tx.objectStore(STORE).delete(id);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}
