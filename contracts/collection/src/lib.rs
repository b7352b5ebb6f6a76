//! # Collection: the PSP34 core
//!
//! OpenBrush's PSP34 with the Metadata, Enumerable and Ownable extensions. The PSP34 messages keep
//! the w3f PSP34 selectors (`PSP34::owner_of` = 0x1168624d, …), so existing wallets and
//! marketplaces work; a test checks them against the built metadata in `artifacts/`.
//!
//! The collection's owner (`Ownable::owner`) is its **issuer**: the account that mints, and that
//! the multi-asset contract and the proposer registry recognise as the one who may propose assets.
//!
//! Invariants:
//! - Only the issuer mints; at most `max_supply` tokens are ever minted (burns do not free a slot).
//! - Only a token's owner, or an operator approved for it or for all of the owner's tokens, burns it.
//! - A burnt id is never minted again.
//! - A token id takes at most [`MAX_TOKEN_ID_LEN`] bytes SCALE-encoded (the suite's one limit),
//!   so that every storage key holding it fits pallet-contracts' 128-byte limit; longer ids are
//!   refused at mint and name no token elsewhere (`owner_of` is `None`, no approval), instead of
//!   trapping.
//! - The collection's `name`, `symbol` and `base_uri` (NEP-177's contract-level metadata) are
//!   PSP34Metadata attributes of the collection id, set once by the constructor.
//! - Every change emits an event: `Transfer` (mint: `from = None`, burn: `to = None`),
//!   `Approval`, `AttributeSet`, `OwnershipTransferred`. A failed message changes nothing.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

pub mod errors;

#[cfg(test)]
mod tests;

pub use errors::CollectionError;

use openbrush::contracts::psp34::Id;

/// The operators approved for one token, in one storage cell: the transfer operator (PSP34
/// `approve` for the token, ERC-721's `getApproved`) and the asset operator (ERC-5773's
/// `getApprovedForAssets`). A transfer or burn reads this one cell to end both.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, scale::Encode, scale::Decode)]
#[cfg_attr(
    feature = "std",
    derive(scale_info::TypeInfo, ink::storage::traits::StorageLayout)
)]
pub struct TokenApprovals {
    pub transfer: Option<ink::primitives::AccountId>,
    pub assets: Option<ink::primitives::AccountId>,
}

/// The longest token id the collection mints: the suite's one limit, shared with the multi-asset
/// contract.
pub use multiasset_traits::MAX_TOKEN_ID_LEN;

/// Returns `TokenIdTooLong` if `id` is too long to be minted (see [`MAX_TOKEN_ID_LEN`]).
pub fn ensure_token_id(id: &Id) -> Result<(), errors::CollectionError> {
    if scale::Encode::encoded_size(id) > MAX_TOKEN_ID_LEN {
        return Err(errors::CollectionError::TokenIdTooLong);
    }
    Ok(())
}

/// The most ids one `token_ids` query answers: 128 of the longest ids ([`MAX_TOKEN_ID_LEN`]
/// bytes) take 7.4 KiB, within ink!'s 16 KiB answer buffer.
pub const MAX_IDS_PER_QUERY: u32 = 128;

/// The collection attribute that holds the base uri (set by the constructor).
pub const BASE_URI_ATTRIBUTE: &str = "base_uri";
/// The attribute `Psp34Traits::get_attributes` answers with a token's metadata uri: the key
/// SubWallet asks for.
pub const METADATA_ATTRIBUTE: &str = "metadata";

/// The longest storage key pallet-contracts accepts (`MaxStorageKeyLen` of the node); a longer
/// one traps the contract.
const MAX_STORAGE_KEY_LEN: usize = 128;

/// Whether an attribute's storage key (OpenBrush's 4-byte root key, then the encoded id and
/// key) fits [`MAX_STORAGE_KEY_LEN`].
fn attribute_key_fits(id: &Id, key: &openbrush::traits::String) -> bool {
    4 + scale::Encode::encoded_size(&(id, key)) <= MAX_STORAGE_KEY_LEN
}

#[openbrush::implementation(PSP34, PSP34Metadata, PSP34Enumerable, Ownable)]
#[openbrush::contract]
pub mod collection {
    use crate::{errors::CollectionError, TokenApprovals};
    use ink::codegen::{EmitEvent, Env, TraitCallBuilder};
    use multiasset_traits::{answer_or, AssetAuthority, Psp34Traits, TokenAuthority, TopAssetUri};
    use openbrush::{
        storage::Mapping,
        traits::{Storage, String},
    };

    /// A token moved: minted (`from` is `None`), transferred, or burnt (`to` is `None`).
    #[ink(event)]
    pub struct Transfer {
        #[ink(topic)]
        pub from: Option<AccountId>,
        #[ink(topic)]
        pub to: Option<AccountId>,
        #[ink(topic)]
        pub id: Id,
    }

    /// `from` approved (or disapproved) `to` for token `id`, or for all its tokens if `id` is `None`.
    #[ink(event)]
    pub struct Approval {
        #[ink(topic)]
        pub from: AccountId,
        #[ink(topic)]
        pub to: AccountId,
        #[ink(topic)]
        pub id: Option<Id>,
        pub approved: bool,
    }

    /// `owner` approved `operator` for the assets of token `id` (accept, reject, set
    /// priorities), or ended that approval (`approved: false`; also on transfer and burn).
    #[ink(event)]
    pub struct ApprovalForAssets {
        #[ink(topic)]
        pub owner: AccountId,
        #[ink(topic)]
        pub operator: AccountId,
        #[ink(topic)]
        pub id: Id,
        pub approved: bool,
    }

    /// `owner` approved `operator` for the assets of all its tokens, or ended that approval.
    #[ink(event)]
    pub struct ApprovalForAllForAssets {
        #[ink(topic)]
        pub owner: AccountId,
        #[ink(topic)]
        pub operator: AccountId,
        pub approved: bool,
    }

    /// A PSP34Metadata attribute of `id` was set.
    #[ink(event)]
    pub struct AttributeSet {
        pub id: Id,
        pub key: String,
        pub data: String,
    }

    /// The issuer linked the collection to its multi-asset contract: wallets reading a token's
    /// metadata (`Psp34Traits`) get the token's top asset from `multiasset` from now on.
    #[ink(event)]
    pub struct MultiassetSet {
        #[ink(topic)]
        pub multiasset: AccountId,
    }

    /// The collection's owner (its issuer) changed.
    #[ink(event)]
    pub struct OwnershipTransferred {
        #[ink(topic)]
        pub previous: Option<AccountId>,
        #[ink(topic)]
        pub new: Option<AccountId>,
    }

    /// The PSP34 collection.
    #[ink(storage)]
    #[derive(Default, Storage)]
    pub struct Collection {
        #[storage_field]
        enumerable: enumerable::Data,
        #[storage_field]
        metadata: metadata::Data,
        #[storage_field]
        ownable: ownable::Data,
        max_supply: Option<u64>,
        minted: u64,
        burnt: Mapping<Id, ()>,
        /// The operators approved for each token, so that a transfer or burn can end their
        /// approvals: OpenBrush keys approvals by (owner, operator, token) and cannot find a
        /// token's operators otherwise.
        approvals: Mapping<Id, TokenApprovals>,
        /// (owner, operator) pairs: `operator` manages the assets of all of `owner`'s tokens.
        asset_operators: Mapping<(AccountId, AccountId), ()>,
        /// The multi-asset contract wallets' metadata reads are answered from.
        multiasset: Option<AccountId>,
    }

    /// One operator per token, as in ERC-721: approving another replaces the first (whose
    /// approval ends with an `Approval { approved: false }`); disapproving clears the record.
    /// OpenBrush's own checks run first, so a refused call writes nothing.
    #[overrider(psp34::Internal)]
    fn _approve_for(
        &mut self,
        to: AccountId,
        id: Option<Id>,
        approved: bool,
    ) -> Result<(), PSP34Error> {
        psp34::InternalImpl::_approve_for(self, to, id.clone(), approved)?;
        if let Some(id) = id {
            let mut approvals = self.approvals.get(&id).unwrap_or_default();
            let before = approvals;
            match approvals.transfer {
                Some(previous) if previous != to && approved => {
                    // OpenBrush's approve just checked that the token exists.
                    if let Some(owner) = psp34::Internal::_owner_of(self, &id) {
                        self.end_transfer_approval(owner, &id, previous)
                    }
                }
                Some(previous) if previous == to && !approved => approvals.transfer = None,
                _ => {}
            }
            if approved {
                approvals.transfer = Some(to);
            }
            if approvals != before {
                self.store_approvals(&id, &approvals);
            }
        }
        Ok(())
    }

    /// A token's approval ends when it changes hands or is burnt (the audited OpenBrush 4.0.0
    /// and ERC-721 rule): otherwise it would come back when the token returns to its owner.
    #[overrider(psp34::Internal)]
    fn _before_token_transfer(
        &mut self,
        from: Option<&AccountId>,
        _to: Option<&AccountId>,
        id: &Id,
    ) -> Result<(), PSP34Error> {
        if let Some(owner) = from {
            self.end_token_approvals(*owner, id);
        }
        Ok(())
    }

    #[overrider(psp34::Internal)]
    fn _emit_transfer_event(&self, from: Option<AccountId>, to: Option<AccountId>, id: Id) {
        self.env().emit_event(Transfer { from, to, id });
    }

    #[overrider(psp34::Internal)]
    fn _emit_approval_event(&self, from: AccountId, to: AccountId, id: Option<Id>, approved: bool) {
        self.env().emit_event(Approval {
            from,
            to,
            id,
            approved,
        });
    }

    /// A token id too long to be part of a storage key names no token (instead of trapping).
    #[overrider(psp34::BalancesManager)]
    fn _owner_of(&self, id: &Id) -> Option<AccountId> {
        if crate::ensure_token_id(id).is_ok() {
            enumerable::BalancesManagerImpl::_owner_of(self, id)
        } else {
            None
        }
    }

    /// No approval is stored for a token id too long to be part of a storage key.
    #[overrider(psp34::BalancesManager)]
    fn _operator_approvals(
        &self,
        owner: &AccountId,
        operator: &AccountId,
        id: &Option<&Id>,
    ) -> Option<()> {
        if id.is_some_and(|id| crate::ensure_token_id(id).is_err()) {
            return None;
        }
        enumerable::BalancesManagerImpl::_operator_approvals(self, owner, operator, id)
    }

    /// Reading an attribute whose (id, key) is too long for a storage key answers `None`
    /// instead of trapping (the collection only ever sets short ones). (OpenBrush 4.0.0-beta's code generator files the
    /// overrides of `PSP34Metadata`'s message under the name `PSP34Mintable`.)
    ///
    /// The base uri also answers under the names wallets ask for: `(collection id, "baseUri")`
    /// (Talisman) and `(Id::U8(0), "baseURI")` (ArtZero's convention, read by Talisman and
    /// ArtZero-style `token_uri`s).
    #[overrider(PSP34Mintable)]
    fn get_attribute(&self, id: Id, key: String) -> Option<String> {
        let base_alias = (key.as_str() == "baseUri" && id == PSP34::collection_id(self))
            || (key.as_str() == "baseURI" && id == Id::U8(0));
        if base_alias {
            return Some(self.base_uri());
        }
        if crate::attribute_key_fits(&id, &key) {
            metadata::PSP34MetadataImpl::get_attribute(self, id, key)
        } else {
            None
        }
    }

    #[overrider(metadata::Internal)]
    fn _emit_attribute_set_event(&self, id: Id, key: String, data: String) {
        self.env().emit_event(AttributeSet { id, key, data });
    }

    #[overrider(ownable::Internal)]
    fn _emit_ownership_transferred_event(
        &self,
        previous: Option<AccountId>,
        new: Option<AccountId>,
    ) {
        self.env()
            .emit_event(OwnershipTransferred { previous, new });
    }

    impl Collection {
        /// Ends every approval of `owner`'s token `id` (its transfer operator's and its asset
        /// operator's), each with an event: the token is changing hands or being burnt.
        fn end_token_approvals(&mut self, owner: AccountId, id: &Id) {
            let Some(approvals) = self.approvals.get(id) else {
                return;
            };
            self.approvals.remove(id);
            if let Some(operator) = approvals.transfer {
                self.end_transfer_approval(owner, id, operator);
            }
            if let Some(operator) = approvals.assets {
                self.env().emit_event(ApprovalForAssets {
                    owner,
                    operator,
                    id: id.clone(),
                    approved: false,
                });
            }
        }

        /// Ends `operator`'s transfer approval for `owner`'s token `id` (OpenBrush's record),
        /// with an event.
        fn end_transfer_approval(&mut self, owner: AccountId, id: &Id, operator: AccountId) {
            psp34::BalancesManager::_remove_operator_approvals(self, &owner, &operator, &Some(id));
            self.env().emit_event(Approval {
                from: owner,
                to: operator,
                id: Some(id.clone()),
                approved: false,
            });
        }

        /// Writes token `id`'s approvals, or frees the cell when there are none.
        fn store_approvals(&mut self, id: &Id, approvals: &TokenApprovals) {
            if *approvals == TokenApprovals::default() {
                self.approvals.remove(id);
            } else {
                self.approvals.insert(id, approvals);
            }
        }

        /// A collection owned (issued) by the caller. `name`, `symbol` and `base_uri` become
        /// attributes of the collection id; `max_supply` caps how many tokens are ever minted.
        #[ink(constructor)]
        pub fn new(
            name: String,
            symbol: String,
            base_uri: String,
            max_supply: Option<u64>,
        ) -> Self {
            let mut instance = Self::default();
            ownable::Internal::_init_with_owner(&mut instance, Self::env().caller());
            let collection = PSP34::collection_id(&instance);
            for (key, value) in [
                ("name", name),
                ("symbol", symbol),
                (crate::BASE_URI_ATTRIBUTE, base_uri),
            ] {
                metadata::Internal::_set_attribute(
                    &mut instance,
                    collection.clone(),
                    String::from(key),
                    value,
                );
            }
            instance.max_supply = max_supply;
            instance
        }

        /// Mints token `id` to `to`. Caller: the issuer.
        ///
        /// # Errors
        /// - [`CollectionError::NotIssuer`]: if the caller is not the collection's owner.
        /// - [`CollectionError::TokenIdTooLong`]: if `id` is longer than
        ///   [`MAX_TOKEN_ID_LEN`](crate::MAX_TOKEN_ID_LEN) bytes encoded.
        /// - [`CollectionError::MaxSupplyReached`]: if the max supply was minted.
        /// - [`CollectionError::TokenExists`], [`CollectionError::TokenBurnt`]: if `id` exists or
        ///   was burnt (ids are never reused).
        ///
        /// # Events
        /// - [`Transfer`] with `from: None`.
        #[ink(message)]
        pub fn mint(&mut self, to: AccountId, id: Id) -> Result<(), CollectionError> {
            if Some(self.env().caller()) != Ownable::owner(self) {
                return Err(CollectionError::NotIssuer);
            }
            crate::ensure_token_id(&id)?;
            if self.max_supply.is_some_and(|max| self.minted >= max) {
                return Err(CollectionError::MaxSupplyReached);
            }
            if psp34::Internal::_owner_of(self, &id).is_some() {
                return Err(CollectionError::TokenExists);
            }
            if self.burnt.contains(&id) {
                return Err(CollectionError::TokenBurnt);
            }
            psp34::Internal::_mint_to(self, to, id)?;
            self.minted += 1;
            Ok(())
        }

        /// Burns token `id`. Caller: its owner, or an operator approved for it or for all.
        ///
        /// # Errors
        /// - [`CollectionError::TokenNotExists`]: if the token does not exist.
        /// - [`CollectionError::NotApproved`]: if the caller is not its owner or an approved
        ///   operator.
        ///
        /// # Events
        /// - [`Transfer`] with `to: None`.
        #[ink(message)]
        pub fn burn(&mut self, id: Id) -> Result<(), CollectionError> {
            let caller = self.env().caller();
            let owner =
                psp34::Internal::_owner_of(self, &id).ok_or(CollectionError::TokenNotExists)?;
            if caller != owner && !psp34::Internal::_allowance(self, &owner, &caller, &Some(&id)) {
                return Err(CollectionError::NotApproved);
            }
            psp34::Internal::_burn_from(self, owner, id.clone())?;
            self.burnt.insert(&id, &());
            Ok(())
        }

        /// The most tokens this collection will ever mint; `None`: no cap.
        #[ink(message)]
        pub fn max_supply(&self) -> Option<u64> {
            self.max_supply
        }

        /// How many tokens were minted so far (burnt ones included).
        #[ink(message)]
        pub fn minted(&self) -> u64 {
            self.minted
        }

        /// The ids `PSP34Enumerable::token_by_index` answers for indexes `start..start + limit`
        /// (fewer past the end of the enumeration), in one query: a reader of the whole
        /// collection (a watchdog) asks page by page instead of once per token.
        ///
        /// # Errors
        /// - [`CollectionError::LimitTooLarge`]: if `limit` is over
        ///   [`MAX_IDS_PER_QUERY`](crate::MAX_IDS_PER_QUERY).
        #[ink(message)]
        pub fn token_ids(&self, start: u128, limit: u32) -> Result<Vec<Id>, CollectionError> {
            if limit > crate::MAX_IDS_PER_QUERY {
                return Err(CollectionError::LimitTooLarge);
            }
            let end = start
                .saturating_add(u128::from(limit))
                .min(psp34::PSP34Impl::total_supply(self));
            Ok((start..end)
                .filter_map(|index| {
                    enumerable::PSP34EnumerableImpl::token_by_index(self, index).ok()
                })
                .collect())
        }

        /// Links the collection to its multi-asset contract, whose top-priority active asset of
        /// each token wallets then read as the token's metadata uri (`Psp34Traits`); linking
        /// another replaces it. Caller: the issuer.
        ///
        /// # Errors
        /// - [`CollectionError::NotIssuer`]: if the caller is not the collection's owner.
        ///
        /// # Events
        /// - [`MultiassetSet`]
        #[ink(message)]
        pub fn set_multiasset(&mut self, multiasset: AccountId) -> Result<(), CollectionError> {
            if Some(self.env().caller()) != Ownable::owner(self) {
                return Err(CollectionError::NotIssuer);
            }
            self.multiasset = Some(multiasset);
            self.env().emit_event(MultiassetSet { multiasset });
            Ok(())
        }

        /// The multi-asset contract linked by [`set_multiasset`](Self::set_multiasset).
        #[ink(message)]
        pub fn multiasset(&self) -> Option<AccountId> {
            self.multiasset
        }

        /// Approves `operator` to manage the assets of token `id` (accept, reject, set
        /// priorities in the multi-asset contract), replacing the one approved before, or takes
        /// that approval back (`approved: false`). Caller: the token's owner, or an operator it
        /// approved for the assets of all its tokens. A transfer or burn ends the approval.
        ///
        /// # Errors
        /// - [`CollectionError::TokenNotExists`]: if the token does not exist.
        /// - [`CollectionError::ApprovalToCurrentOwner`]: if `operator` owns the token.
        /// - [`CollectionError::NotOwnerOrApprovedForAll`]: if the caller may not approve.
        ///
        /// # Events
        /// - [`ApprovalForAssets`]: for the new operator and, with `approved: false`, for the one
        ///   it replaces; none if nothing changed.
        #[ink(message)]
        pub fn approve_for_assets(
            &mut self,
            operator: AccountId,
            id: Id,
            approved: bool,
        ) -> Result<(), CollectionError> {
            let caller = self.env().caller();
            let owner =
                psp34::Internal::_owner_of(self, &id).ok_or(CollectionError::TokenNotExists)?;
            if operator == owner {
                return Err(CollectionError::ApprovalToCurrentOwner);
            }
            if caller != owner && !self.asset_operators.contains(&(owner, caller)) {
                return Err(CollectionError::NotOwnerOrApprovedForAll);
            }
            let mut approvals = self.approvals.get(&id).unwrap_or_default();
            let previous = approvals.assets;
            approvals.assets = match (approved, previous) {
                (true, _) => Some(operator),
                (false, Some(current)) if current == operator => None,
                (false, _) => previous,
            };
            if approvals.assets == previous {
                return Ok(());
            }
            self.store_approvals(&id, &approvals);
            if let Some(replaced) = previous {
                self.env().emit_event(ApprovalForAssets {
                    owner,
                    operator: replaced,
                    id: id.clone(),
                    approved: false,
                });
            }
            if approved {
                self.env().emit_event(ApprovalForAssets {
                    owner,
                    operator,
                    id,
                    approved: true,
                });
            }
            Ok(())
        }

        /// Approves `operator` to manage the assets of all the caller's tokens, present and
        /// future, or takes that back. It outlives transfers of single tokens but covers only
        /// tokens the caller owns.
        ///
        /// # Errors
        /// - [`CollectionError::ApprovalToCurrentOwner`]: if `operator` is the caller.
        ///
        /// # Events
        /// - [`ApprovalForAllForAssets`]: none if nothing changed.
        #[ink(message)]
        pub fn set_approval_for_all_for_assets(
            &mut self,
            operator: AccountId,
            approved: bool,
        ) -> Result<(), CollectionError> {
            let owner = self.env().caller();
            if operator == owner {
                return Err(CollectionError::ApprovalToCurrentOwner);
            }
            if self.asset_operators.contains(&(owner, operator)) == approved {
                return Ok(());
            }
            if approved {
                self.asset_operators.insert(&(owner, operator), &());
            } else {
                self.asset_operators.remove(&(owner, operator));
            }
            self.env().emit_event(ApprovalForAllForAssets {
                owner,
                operator,
                approved,
            });
            Ok(())
        }

        /// The operator approved for the assets of token `id`, if any (ERC-5773's
        /// `getApprovedForAssets`).
        #[ink(message)]
        pub fn approved_for_assets(&self, id: Id) -> Option<AccountId> {
            crate::ensure_token_id(&id).ok()?;
            self.approvals.get(&id)?.assets
        }

        /// Whether `owner` approved `operator` for the assets of all its tokens.
        #[ink(message)]
        pub fn is_approved_for_all_for_assets(
            &self,
            owner: AccountId,
            operator: AccountId,
        ) -> bool {
            self.asset_operators.contains(&(owner, operator))
        }
    }

    impl AssetAuthority for Collection {
        #[ink(message)]
        fn token_authority(&self, id: Id, account: AccountId) -> TokenAuthority {
            self.authority_of(Ownable::owner(self), id, account)
        }

        /// The issuer is read once for all of `ids`.
        #[ink(message)]
        fn token_authorities(
            &self,
            ids: ink::prelude::vec::Vec<Id>,
            account: AccountId,
        ) -> ink::prelude::vec::Vec<TokenAuthority> {
            let issuer = Ownable::owner(self);
            ids.into_iter()
                .map(|id| self.authority_of(issuer, id, account))
                .collect()
        }
    }

    /// What wallets read, at the selectors SubWallet calls with ArtZero's ABI: a token's metadata
    /// uri is its top-priority active asset's uri in the linked multi-asset contract, else the
    /// collection's base uri + id + `.json`; a token that does not exist answers an empty string.
    impl Psp34Traits for Collection {
        /// 1: the one attribute `get_attributes` answers beyond the stored ones, `metadata`.
        #[ink(message)]
        fn get_attribute_count(&self) -> u32 {
            1
        }

        /// For each of `attributes`, in order: `metadata` gives the token's metadata uri (empty
        /// if the token does not exist), any other key the stored attribute (empty if none).
        #[ink(message)]
        fn get_attributes(
            &self,
            token_id: Id,
            attributes: ink::prelude::vec::Vec<String>,
        ) -> ink::prelude::vec::Vec<String> {
            attributes
                .into_iter()
                .map(|key| {
                    if key.as_str() == crate::METADATA_ATTRIBUTE {
                        self.metadata_uri(&token_id)
                    } else {
                        PSP34Metadata::get_attribute(self, token_id.clone(), key)
                            .unwrap_or_default()
                    }
                })
                .collect()
        }

        /// The metadata uri of the token whose id is the number `token_id`, whichever integer
        /// width it was minted with (`U8` .. `U128`, the narrowest that exists); empty if none.
        #[ink(message)]
        fn token_uri(&self, token_id: u64) -> String {
            let n = token_id;
            let candidates = [
                u8::try_from(n).ok().map(Id::U8),
                u16::try_from(n).ok().map(Id::U16),
                u32::try_from(n).ok().map(Id::U32),
                Some(Id::U64(n)),
                Some(Id::U128(n.into())),
            ];
            candidates
                .into_iter()
                .flatten()
                .find(|id| psp34::Internal::_owner_of(self, id).is_some())
                .map(|id| self.metadata_uri(&id))
                .unwrap_or_default()
        }
    }

    impl Collection {
        /// Token `id`'s metadata uri: its top asset's in the linked multi-asset contract, or the
        /// base uri + id (as [`multiasset_traits::push_token_id`] writes it) + `.json` when none
        /// is linked, the token has no active asset or the contract does not answer; empty if
        /// the token does not exist.
        fn metadata_uri(&self, id: &Id) -> String {
            if psp34::Internal::_owner_of(self, id).is_none() {
                return String::new();
            }
            if let Some(multiasset) = self.multiasset {
                let assets: ink::contract_ref!(TopAssetUri) = multiasset.into();
                if let Ok(Some(uri)) = answer_or(
                    assets
                        .call()
                        .top_asset_uri(id.clone(), Ownable::owner(self))
                        .try_invoke(),
                    (),
                ) {
                    return uri;
                }
            }
            let mut uri = self.base_uri().into_bytes();
            multiasset_traits::push_token_id(&mut uri, id);
            uri.extend_from_slice(b".json");
            String::from_utf8(uri).unwrap_or_default()
        }

        /// The base uri the constructor set.
        fn base_uri(&self) -> String {
            metadata::PSP34MetadataImpl::get_attribute(
                self,
                PSP34::collection_id(self),
                String::from(crate::BASE_URI_ATTRIBUTE),
            )
            .unwrap_or_default()
        }

        fn authority_of(
            &self,
            issuer: Option<AccountId>,
            id: Id,
            account: AccountId,
        ) -> TokenAuthority {
            let owner = psp34::Internal::_owner_of(self, &id);
            TokenAuthority {
                issuer,
                owner,
                burnt: owner.is_none()
                    && crate::ensure_token_id(&id).is_ok()
                    && self.burnt.contains(&id),
                // The owner asks most: answer it without reading approvals (two storage reads).
                asset_operator: owner.is_some_and(|owner| {
                    owner != account
                        && (self.asset_operators.contains(&(owner, account))
                            || self.approved_for_assets(id) == Some(account))
                }),
            }
        }
    }
}
