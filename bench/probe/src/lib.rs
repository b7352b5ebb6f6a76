//! Benchmark probe: the unit costs a batch proposal is made of, measured by dry-running each
//! message with `n = 0` and `n = k` and dividing the difference by `k`.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

#[ink::contract]
mod probe {
    use ink::{codegen::TraitCallBuilder, storage::Mapping};
    use multiasset_traits::{Id, PSP34};

    /// One event with one topic, the shape of a per-token `AssetProposed`.
    #[ink(event)]
    pub struct Probed {
        #[ink(topic)]
        index: u32,
    }

    #[ink(storage)]
    #[derive(Default)]
    pub struct Probe {
        next: u32,
        cells: Mapping<u32, u32>,
    }

    impl Probe {
        #[ink(constructor)]
        pub fn new() -> Self {
            Self::default()
        }

        /// Makes `calls` cross-contract `PSP34::owner_of` calls to `collection`; returns how many
        /// answered with an owner.
        #[ink(message)]
        pub fn owner_of_calls(&self, collection: AccountId, calls: u32) -> u32 {
            let psp34: ink::contract_ref!(PSP34) = collection.into();
            (0..calls)
                .filter(|i| {
                    matches!(
                        psp34.call().owner_of(Id::U32(*i)).try_invoke(),
                        Ok(Ok(Some(_)))
                    )
                })
                .count() as u32
        }

        /// Reads `reads` storage keys that were never written; returns how many held a value.
        #[ink(message)]
        pub fn read_missing(&self, reads: u32) -> u32 {
            let start = u32::MAX - reads;
            (start..u32::MAX)
                .filter(|key| self.cells.contains(key))
                .count() as u32
        }

        /// Emits `events` events.
        #[ink(message)]
        pub fn emit_events(&self, events: u32) {
            for index in 0..events {
                self.env().emit_event(Probed { index });
            }
        }

        /// Writes `writes` storage keys never written before.
        #[ink(message)]
        pub fn write_fresh(&mut self, writes: u32) {
            let start = self.next;
            for key in start..start.saturating_add(writes) {
                self.cells.insert(key, &key);
            }
            self.next = start.saturating_add(writes);
        }
    }
}
