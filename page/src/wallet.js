// Accounts and signers: the injected-extension API that polkadot.js extension, SubWallet and
// Talisman share (`window.injectedWeb3[source].enable(app)`, one signer per source, as
// `web3FromSource` gives it), and on a development chain the dev accounts (key pairs signed
// with in the page).
import { decodeAddress, encodeAddress } from 'dedot/utils';

/** The name the page gives extensions when it asks for their accounts. */
export const APP_NAME = 'ink-multiasset owner page';

/** The sources of the injected extensions present (`polkadot-js`, `subwallet-js`, `talisman`). */
export function extensionSources() {
  return Object.keys(globalThis.injectedWeb3 ?? {});
}

/**
 * The accounts of every injected extension: `{ address, name, source, signer }`; an extension
 * that refuses or fails is skipped and named in `refused`.
 */
export async function extensionAccounts() {
  const accounts = [];
  const refused = [];
  for (const source of extensionSources()) {
    try {
      const injected = await globalThis.injectedWeb3[source].enable(APP_NAME);
      const listed = await injected.accounts.get();
      for (const account of listed) {
        if (account.type && !['sr25519', 'ed25519', 'ecdsa'].includes(account.type)) continue;
        accounts.push({
          address: encodeAddress(decodeAddress(account.address), 42),
          name: account.name ?? account.address,
          source,
          signer: injected.signer,
        });
      }
    } catch (error) {
      refused.push(`${source}: ${error.message ?? error}`);
    }
  }
  return { accounts, refused };
}

/**
 * The dev accounts, each its own signer (a key pair dedot signs with). Their signing code is a
 * chunk of its own, loaded only on a dev chain.
 */
export async function devAccounts() {
  const { DEV_NAMES, devAccount } = await import('./devaccounts.js');
  return DEV_NAMES.map((name) => {
    const pair = devAccount(name);
    return { address: pair.address, name: `${name} (dev)`, source: 'dev', pair };
  });
}

/** What `send` takes for `account`: the key pair itself, or its address and the extension's signer. */
export function signingAs(account) {
  return account.pair ? { from: account.pair, signer: null } : { from: account.address, signer: account.signer };
}
