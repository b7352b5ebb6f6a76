//! Every cap of the multi-asset contract, in one place: the code, the errors' docs, the README
//! and the benchmarks refer to these constants, never to their values.

/// The most pending assets a token holds (ERC-5773's cap).
pub const MAX_PENDING: u32 = 128;
/// The most active assets a token holds.
pub const MAX_ACTIVE: u32 = 64;
/// The longest catalog uri, in bytes.
pub const MAX_URI_LEN: usize = 512;
/// The most catalog entries one `add_asset_entries` call adds.
pub const MAX_ENTRIES_PER_CALL: usize = 16;
/// The most tokens one `propose_asset_to_many` call names: what fits a parachain block (5 MiB
/// of proof) on pallet-contracts' default weights when the tokens hold few assets (see
/// `docs/benchmarks.md`).
pub const MAX_BATCH_TOKENS: usize = 240;
/// The most pending and active assets the tokens of one `propose_asset_to_many` or
/// `set_follows_collection` call may hold together. Such a call keeps every token's cell in
/// memory between its checks and its writes, and a contract has 1 MiB of memory that it never
/// frees: this bounds that use to about 460 KiB
/// (56 bytes per decoded pending asset, its proposer included, and 56 more when its list grows
/// by one).
pub const MAX_BATCH_HELD: u32 = 4096;
/// The most entries one `token_assets` page returns.
pub const MAX_PAGE: u32 = 16;
/// The longest token id this contract stores assets for: the suite's one limit, the same as the
/// collection mints, so that no cell can be made for an id that can never be minted.
pub use multiasset_traits::MAX_TOKEN_ID_LEN;
/// The most bytes the SCALE-encoded token ids of one `propose_asset_to_many` call take: the
/// batch's event carries them and must fit ink!'s 16 KiB buffer.
pub const MAX_BATCH_ID_BYTES: usize = 8192;

/// The most proposals one `propose_to_collection` call makes: a mirror set and more.
pub const MAX_COLLECTION_PROPOSALS_PER_CALL: usize = 16;
/// The most collection-wide proposals open at once. They live in one storage cell that every
/// decision on a collection-wide proposal and every query reads, so this bounds what that read
/// costs: at most 32 proposals of 53 bytes (sequence number, asset, replaced asset, proposer),
/// about 1.7 KiB, under a fifth of one storage access's fixed proof charge. Withdraw one to
/// make room.
pub const MAX_OPEN_COLLECTION_PROPOSALS: usize = 32;
/// The most assets one `accept_assets` / `reject_assets` call decides: a mirror set and more.
pub const MAX_DECISIONS_PER_CALL: usize = 16;
/// The most accounts one `live_proposers` question to the registry names (4 KiB of input, well
/// inside ink!'s 16 KiB buffer): a message that weighs more proposers asks again.
pub const MAX_ACCOUNTS_ASKED: usize = 128;
/// The most tokens one `set_follows_collection` call names (their cells holding at most
/// [`MAX_BATCH_HELD`] assets together).
pub const MAX_FOLLOW_TOKENS: usize = 64;
/// The most tokens one `top_assets` or `tokens_assets` query names: each answer carries a uri of
/// up to [`MAX_URI_LEN`] bytes, and the answer must fit ink!'s 16 KiB buffer (16 of 512-byte
/// uris take 8 KiB, with room for a resolved id and the rest of each answer).
pub const MAX_TOKENS_PER_QUERY: usize = 16;
/// The most bytes of assets one `tokens_assets` answer carries: it stops before the token whose
/// assets would pass this, leaving room in ink!'s 16 KiB buffer. One token's page
/// ([`MAX_PAGE`] assets of up to [`MAX_URI_LEN`]-byte uris, about 9 KiB) always fits.
pub const MAX_ANSWER_BYTES: usize = 12 * 1024;

/// The ref_time of a parachain block (0.5 s): the budget [`MAX_BATCH_TOKENS`] is sized for. Not
/// enforced by the contract (the chain does that); the e2e tests and `make bench` measure
/// against it.
pub const BLOCK_REF_TIME: u64 = 500_000_000_000;
/// The proof size of a parachain block (5 MiB): the budget that bounds a batch first.
pub const BLOCK_PROOF_SIZE: u64 = 5 * 1024 * 1024;
