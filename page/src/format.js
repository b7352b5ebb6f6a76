// Text the page shows and keys it keeps: token ids, contract errors by name, addresses, amounts.
// No chain access: what the decisions and the tests share.

const ID_KINDS = ['U8', 'U16', 'U32', 'U64', 'U128', 'Bytes'];

/** The name of a contract error as the contract's metadata spells it (`ProposerRevoked`). */
export function errorName(error) {
  if (error === null || error === undefined) return 'unknown error';
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && 'type' in error) {
    // A token id in the error names the token, not another error.
    const inner = error.value;
    if (inner && typeof inner === 'object' && 'type' in inner && !ID_KINDS.includes(inner.type)) {
      return `${error.type}(${errorName(inner)})`;
    }
    return error.type;
  }
  return JSON.stringify(error);
}

/** Short text of an SS58 address for tables: `5Grw…utQY`. */
export function shortAddress(address) {
  return address ? `${address.slice(0, 4)}…${address.slice(-4)}` : '';
}

/** The text of a token id: `1`, or hex for a bytes id. */
export function idLabel(id) {
  if (id && typeof id === 'object' && 'type' in id) {
    if (id.type !== 'Bytes') return String(id.value);
    if (typeof id.value === 'string') return id.value;
    return `0x${[...id.value].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  }
  return String(id);
}

/** A key that tells token ids apart, their kind included (`U32:1`). */
export function idKey(id) {
  return `${id.type}:${idLabel(id)}`;
}
