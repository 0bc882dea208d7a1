// A Storage (the DOM interface GraphiQL expects) that keeps GraphiQL's state
// under its own key prefix in localStorage.

/**
 * Returns a Storage-like object whose keys live under `${prefix}:` in
 * localStorage. Changing the prefix (for example when the bundled examples
 * change) starts from fresh tabs without touching other saved state.
 * @param {string} prefix
 */
export function namespacedStorage(prefix) {
  let backing;
  try {
    backing = window.localStorage;
    backing.getItem(prefix);
  } catch {
    backing = memoryStorage();
  }
  const own = () => {
    const keys = [];
    for (let i = 0; i < backing.length; i++) {
      const k = backing.key(i);
      if (k && k.startsWith(`${prefix}:`)) keys.push(k);
    }
    return keys;
  };
  return {
    getItem: (key) => backing.getItem(`${prefix}:${key}`),
    setItem: (key, value) => backing.setItem(`${prefix}:${key}`, value),
    removeItem: (key) => backing.removeItem(`${prefix}:${key}`),
    key: (i) => own()[i]?.slice(prefix.length + 1) ?? null,
    clear: () => own().forEach((k) => backing.removeItem(k)),
    get length() {
      return own().length;
    },
  };
}

function memoryStorage() {
  const m = new Map();
  return {
    getItem: (k) => (m.has(k) ? m.get(k) : null),
    setItem: (k, v) => m.set(k, String(v)),
    removeItem: (k) => m.delete(k),
    key: (i) => [...m.keys()][i] ?? null,
    clear: () => m.clear(),
    get length() {
      return m.size;
    },
  };
}
