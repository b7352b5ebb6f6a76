// The well-known development accounts (//Alice, //Bob, …) of a dev chain: sr25519 keys derived
// from the public development phrase. Shown by the page only on a dev chain; the tests sign with
// them. Each is a key pair as dedot takes it: `sign(message, { withType })` returns the
// MultiSignature bytes (0x01: sr25519, then the signature).
import { sr25519CreateDerive } from '@polkadot-labs/hdkd';
import { DEV_PHRASE, entropyToMiniSecret, mnemonicToEntropy } from '@polkadot-labs/hdkd-helpers';
import { encodeAddress } from 'dedot/utils';

/** The names of the development accounts, in the order a dev chain lists them. */
export const DEV_NAMES = Object.freeze(['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']);

let derive;

/** The development account `name` (one of DEV_NAMES). */
export function devAccount(name) {
  derive ??= sr25519CreateDerive(entropyToMiniSecret(mnemonicToEntropy(DEV_PHRASE)));
  const pair = derive(`//${name}`);
  return {
    name,
    type: 'sr25519',
    address: encodeAddress(pair.publicKey, 42),
    publicKey: pair.publicKey,
    sign(message, { withType = false } = {}) {
      const signature = pair.sign(message);
      if (!withType) return signature;
      const typed = new Uint8Array(signature.length + 1);
      typed[0] = 1;
      typed.set(signature, 1);
      return typed;
    },
  };
}
