"""What waits in a phone's offline queue, read straight from the browser's IndexedDB (never
through the app's own script), and a way to plant entries where the queue lived before."""

import json

# Reads the store without creating it: opening a database that does not exist yet is aborted,
# so the app's own first open still builds its store.
QUEUE = """() => new Promise((resolve, reject) => {
  const request = indexedDB.open("otop-queue");
  request.onupgradeneeded = () => request.transaction.abort();
  request.onerror = () => resolve([]);
  request.onsuccess = () => {
    const db = request.result;
    const read = db.transaction("entries").objectStore("entries").getAll();
    read.onsuccess = () => { db.close(); resolve(read.result); };
    read.onerror = () => reject(read.error);
  };
})"""
OLD_QUEUE_KEY = "otop-sales-queue"


def queued(page):
    return page.evaluate(QUEUE)


def queued_once_stored(page, count, timeout_ms=5000):
    """The queue once it holds `count` entries (IndexedDB writes land after the tap returns), or
    as it is when `timeout_ms` has passed."""
    waited, entries = 0, queued(page)
    while len(entries) != count and waited < timeout_ms:
        page.wait_for_timeout(100)
        waited += 100
        entries = queued(page)
    return entries


def plant_in_local_storage(page, entries):
    """Entries as the queue kept them in localStorage before it moved to IndexedDB."""
    page.evaluate(
        "([key, value]) => localStorage.setItem(key, value)",
        [OLD_QUEUE_KEY, json.dumps(entries)],
    )


# Puts an entry into the queue's store as the app keeps it (the database and store names and the
# key path of static/js/queue-store.js), without going through the app's script.
PLANT = """(entry) => new Promise((resolve, reject) => {
  const request = indexedDB.open("otop-queue", 1);
  request.onupgradeneeded = () => request.result.createObjectStore("entries", { keyPath: "key" });
  request.onerror = () => reject(request.error);
  request.onsuccess = () => {
    const db = request.result;
    const transaction = db.transaction("entries", "readwrite");
    transaction.objectStore("entries").put(entry);
    transaction.oncomplete = () => { db.close(); resolve(); };
    transaction.onerror = () => reject(transaction.error);
  };
})"""


def plant(page, entry):
    """An entry queued earlier (say, by an older version of the app)."""
    page.evaluate(PLANT, entry)


def poll(page, check, seconds=25):
    """Poll from Python: the page's CSP forbids the eval that wait_for_function needs."""
    for _ in range(seconds * 4):
        if check():
            return
        page.wait_for_timeout(250)
    raise AssertionError("waited in vain")
