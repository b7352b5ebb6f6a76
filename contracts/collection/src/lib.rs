//! # Collection: the PSP34 core
//!
//! OpenBrush's PSP34 with the Metadata, Enumerable and Ownable extensions. The PSP34 messages keep
//! the w3f PSP34 selectors (`PSP34::owner_of` = 0x1168624d, …), so existing wallets and
//! marketplaces work; a test checks them against the built metadata in `artifacts/`.
//!
//! The collection's owner (`Ownable::owner`) is its **issuer**: the account that mints, and that
//! the multi-asset contract and the proposer registry recognise as the one who may propose assets.
//!
//! Modules: [`limits`] owns the token id and page limits; [`errors`] the one error type;
//! [`uri`] what wallets read as a token's metadata uri besides the multi-asset contract's answer
//! (attribute names, the base-uri fallback, the one call to the multi-asset contract);
//! [`link`] the multi-asset contract's link, set once, and what it is told; [`supply`] the cap,
//! the mints, the burnt ids and the id kind; [`approvals`] each token's operators and
//! ERC-5773's asset approvals, [`approval_events`] the events when they begin or end; this file
//! the contract: OpenBrush's PSP34 with
//! its overrides, and the adapters of the suite's own messages.
//!
//! Invariants:
//! - Only the issuer mints; at most `max_supply` tokens are ever minted (burns do not free a
//!   slot); a burnt id is never minted again. Only a token's owner, or an operator approved for
//!   it or for all of the owner's tokens, burns it.
//! - A token id takes at most [`MAX_TOKEN_ID_LEN`] bytes SCALE-encoded (the suite's one limit):
//!   longer ids are refused at mint and name no token elsewhere, instead of trapping. Every id is
//!   of the first token's kind, so no two tokens render as one uri.
//! - The multi-asset contract is linked once, before the first mint, and only if it answers as
//!   this collection's; every change of the issuer is told to it in the same transaction.
//! - `name`, `symbol` and `base_uri` are attributes of the collection id, set once.
//! - A transfer or burn ends every approval of the token, each with an event.
//! - Every change emits an event; a failed message changes nothing.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

pub mod approval_events;
pub mod approvals;
pub mod errors;
pub mod limits;
pub mod link;
pub mod supply;
pub mod uri;

#[cfg(test)]
mod tests;

pub use approvals::TokenApprovals;
pub use errors::CollectionError;
pub use limits::{ensure_token_id, MAX_IDS_PER_QUERY, MAX_TOKEN_ID_LEN};
pub use uri::{BASE_URI_ATTRIBUTE, METADATA_ATTRIBUTE};

#[openbrush::implementation(PSP34, PSP34Metadata, PSP34Enumerable, Ownable)]
#[openbrush::contract]
pub mod collection {
    use crate::{approvals::Approvals, errors::CollectionError, link, supply::Supply, uri};
    use ink::codegen::{EmitEvent, Env};
    use multiasset_traits::{AssetAuthority, MultiAssetLink, Psp34Traits, TokenAuthority};
    use openbrush::traits::{Storage, String};

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

    /// `from` approved (or disapproved) `to` for token `id`, or for all its tokens if `id` is
    /// `None`.
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
        /// The cap, the count of mints and the burnt ids.
        supply: Supply,
        /// Each token's operators, and the asset approvals for all of an owner's tokens.
        pub(crate) approvals: Approvals,
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
        let replaced = id
            .as_ref()
            .and_then(|id| self.approvals.approve_transfer(id, to, approved));
        // OpenBrush's approve just checked that the token exists.
        if let Some((id, replaced)) = id.zip(replaced) {
            if let Some(owner) = psp34::Internal::_owner_of(self, &id) {
                self.end_transfer_approval(owner, &id, replaced)
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
    /// instead of trapping (the collection only ever sets short ones). The base uri also answers
    /// under the names wallets ask for: `(collection id, "baseUri")` (Talisman) and
    /// `(Id::U8(0), "baseURI")` (ArtZero's convention). (OpenBrush 4.0.0-beta's code generator
    /// files the overrides of `PSP34Metadata`'s message under the name `PSP34Mintable`.)
    #[overrider(PSP34Mintable)]
    fn get_attribute(&self, id: Id, key: String) -> Option<String> {
        let base_alias = (key.as_str() == "baseUri" && id == PSP34::collection_id(self))
            || (key.as_str() == "baseURI" && id == Id::U8(0));
        if base_alias {
            return Some(self.base_uri());
        }
        if crate::limits::attribute_key_fits(&id, &key) {
            metadata::PSP34MetadataImpl::get_attribute(self, id, key)
        } else {
            None
        }
    }

    #[overrider(metadata::Internal)]
    fn _emit_attribute_set_event(&self, id: Id, key: String, data: String) {
        self.env().emit_event(AttributeSet { id, key, data });
    }

    /// Also the one place every change of the issuer passes (transfer, renounce): the linked
    /// multi-asset contract is told in the same transaction. It cannot refuse (it answered as
    /// this collection's at link time, and it accepts its collection), so a failed call can only
    /// be a trap of its own, which reverts the change.
    #[overrider(ownable::Internal)]
    fn _emit_ownership_transferred_event(
        &self,
        previous: Option<AccountId>,
        new: Option<AccountId>,
    ) {
        if let Some(multiasset) = self.multiasset {
            link::announce(multiasset).expect("the linked multi-asset contract hears its issuer");
        }
        self.env()
            .emit_event(OwnershipTransferred { previous, new });
    }

    impl Collection {
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
                (uri::BASE_URI_ATTRIBUTE, base_uri),
            ] {
                metadata::Internal::_set_attribute(
                    &mut instance,
                    collection.clone(),
                    String::from(key),
                    value,
                );
            }
            instance.supply.max = max_supply;
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
            let exists = psp34::Internal::_owner_of(self, &id).is_some();
            self.supply.ensure_mintable(&id, exists)?;
            psp34::Internal::_mint_to(self, to, id.clone())?;
            self.supply.record_mint(&id);
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
            self.supply.record_burn(&id);
            Ok(())
        }

        /// The most tokens this collection will ever mint; `None`: no cap.
        #[ink(message)]
        pub fn max_supply(&self) -> Option<u64> {
            self.supply.max
        }

        /// How many tokens were minted so far (burnt ones included).
        #[ink(message)]
        pub fn minted(&self) -> u64 {
            self.supply.minted
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
        /// each token wallets then read as the token's metadata uri (`Psp34Traits`): once, before
        /// the first mint, and only to a contract that answers as this collection's (see
        /// [`link`](crate::link)). Caller: the issuer.
        ///
        /// # Errors
        /// - [`CollectionError::NotIssuer`]: if the caller is not the collection's owner.
        /// - [`CollectionError::MultiassetAlreadySet`], [`CollectionError::TokensAlreadyMinted`]:
        ///   if a contract is linked already, or a token was minted.
        /// - [`CollectionError::NotThisCollectionsMultiasset`]: if `multiasset` does not answer
        ///   as this collection's multi-asset contract.
        ///
        /// # Events
        /// - [`MultiassetSet`]; the multi-asset contract emits `BatchMetadataUpdate` for its
        ///   open collection-wide proposals, if any.
        #[ink(message)]
        pub fn set_multiasset(&mut self, multiasset: AccountId) -> Result<(), CollectionError> {
            if Some(self.env().caller()) != Ownable::owner(self) {
                return Err(CollectionError::NotIssuer);
            }
            link::ensure_linkable(self.multiasset, self.supply.minted)?;
            link::announce(multiasset)?;
            self.multiasset = Some(multiasset);
            self.env().emit_event(MultiassetSet { multiasset });
            Ok(())
        }

        /// Approves `operator` to manage the assets of token `id` (accept, reject, set
        /// priorities in the multi-asset contract), replacing the one approved before, or takes
        /// that approval back (`approved: false`). Caller: the token's owner, or an operator it
        /// approved for the assets of all its tokens. A transfer or burn ends the approval.
        /// Errors and events: [`Approvals::approve_for_assets`].
        #[ink(message)]
        pub fn approve_for_assets(
            &mut self,
            operator: AccountId,
            id: Id,
            approved: bool,
        ) -> Result<(), CollectionError> {
            let (caller, owner) = (self.env().caller(), psp34::Internal::_owner_of(self, &id));
            let events = self
                .approvals
                .approve_for_assets(caller, owner, operator, id, approved)?;
            self.emit_asset_approvals(events);
            Ok(())
        }

        /// Approves `operator` to manage the assets of all the caller's tokens, present and future,
        /// or takes that back. It outlives transfers of single tokens but covers only tokens the
        /// caller owns. Errors and events: [`Approvals::set_approval_for_all_for_assets`].
        #[ink(message)]
        pub fn set_approval_for_all_for_assets(
            &mut self,
            operator: AccountId,
            approved: bool,
        ) -> Result<(), CollectionError> {
            let owner = self.env().caller();
            let events = self
                .approvals
                .set_approval_for_all_for_assets(owner, operator, approved)?;
            self.emit_asset_approvals(events);
            Ok(())
        }

        /// The operator approved for the assets of token `id`, if any (ERC-5773's
        /// `getApprovedForAssets`).
        #[ink(message)]
        pub fn approved_for_assets(&self, id: Id) -> Option<AccountId> {
            self.approvals.of(&id).assets
        }

        /// Whether `owner` approved `operator` for the assets of all its tokens.
        #[ink(message)]
        pub fn is_approved_for_all_for_assets(
            &self,
            owner: AccountId,
            operator: AccountId,
        ) -> bool {
            self.approvals.is_for_all_assets(owner, operator)
        }
    }

    impl MultiAssetLink for Collection {
        /// The multi-asset contract linked by [`set_multiasset`](Collection::set_multiasset).
        #[ink(message)]
        fn multiasset(&self) -> Option<AccountId> {
            self.multiasset
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
                    if key.as_str() == uri::METADATA_ATTRIBUTE {
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
            uri::ids_of_number(token_id)
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
            // The issuer is read only when there is a contract to ask (one storage read less).
            let top = self
                .multiasset
                .and_then(|at| uri::top_asset_uri(at, id, Ownable::owner(self)));
            top.unwrap_or_else(|| uri::fallback_uri(self.base_uri(), id))
        }

        /// The base uri the constructor set.
        fn base_uri(&self) -> String {
            metadata::PSP34MetadataImpl::get_attribute(
                self,
                PSP34::collection_id(self),
                String::from(uri::BASE_URI_ATTRIBUTE),
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
                burnt: owner.is_none() && self.supply.is_burnt(&id),
                // The owner asks most: answer it without reading approvals (two storage reads).
                asset_operator: owner
                    .is_some_and(|owner| self.approvals.is_asset_operator(owner, account, &id)),
            }
        }
    }
}
