//! Property tests of collection-wide proposals under random operation sequences:
//! - whatever happens, no token shows an asset both pending and active, or pending twice, and
//!   its priorities stay distinct;
//! - a token that follows the collection shows exactly what a token that never decided anything
//!   shows after its owner accepts, in the order they were made, the collection-wide proposals
//!   pending on it; and stopping keeps that.

use super::{collector, empty, issuer, owner, proposer, world, World};
use crate::{data::MultiAssetData, limits::MAX_OPEN_COLLECTION_PROPOSALS};
use multiasset_traits::{AssetId, Id};
use proptest::prelude::*;

const ASSETS: u64 = 12;

/// Owned by `owner()`; follows in the second property.
fn follower() -> Id {
    Id::U32(11)
}
/// Owned by `owner()`; decides for itself.
fn decider() -> Id {
    Id::U32(12)
}

#[derive(Debug, Clone)]
enum Op {
    ProposeToCollection(Vec<(AssetId, Option<AssetId>)>),
    Withdraw(AssetId),
    Propose {
        token: bool,
        asset: AssetId,
        replaces: Option<AssetId>,
    },
    Decide {
        token: bool,
        assets: Vec<AssetId>,
        accept: bool,
    },
    RejectAll {
        token: bool,
    },
    Follow {
        token: bool,
        follow: bool,
    },
}

fn asset() -> impl Strategy<Value = AssetId> {
    1..=ASSETS
}

fn proposals() -> impl Strategy<Value = Vec<(AssetId, Option<AssetId>)>> {
    proptest::collection::vec((asset(), proptest::option::of(asset())), 1..4)
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => proposals().prop_map(Op::ProposeToCollection),
        2 => asset().prop_map(Op::Withdraw),
        2 => (any::<bool>(), asset(), proptest::option::of(asset()))
            .prop_map(|(token, asset, replaces)| Op::Propose { token, asset, replaces }),
        4 => (any::<bool>(), proptest::collection::vec(asset(), 1..4), any::<bool>())
            .prop_map(|(token, assets, accept)| Op::Decide { token, assets, accept }),
        1 => any::<bool>().prop_map(|token| Op::RejectAll { token }),
        2 => (any::<bool>(), any::<bool>()).prop_map(|(token, follow)| Op::Follow { token, follow }),
    ]
}

/// Only the collection's side: what a follower follows.
fn collection_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => proposals().prop_map(Op::ProposeToCollection),
        1 => asset().prop_map(Op::Withdraw),
    ]
}

/// A contract whose catalog has `ASSETS` entries, with `token`s holding assets 1 and 2 active.
fn given(tokens: &[Id]) -> (MultiAssetData, World) {
    let mut data = empty();
    let mut w = world();
    w.owners.insert(follower(), owner());
    w.owners.insert(decider(), owner());
    for i in 1..=ASSETS {
        data.add_asset_entry(&w, issuer(), format!("ar://{i}"), None)
            .unwrap();
    }
    for token in tokens {
        give_base(&mut data, &w, token);
    }
    (data, w)
}

fn give_base(data: &mut MultiAssetData, w: &World, token: &Id) {
    let holder = w.owners.get(token).copied().unwrap_or(collector());
    for asset in [1, 2] {
        data.propose_asset(w, issuer(), token.clone(), asset, None)
            .unwrap();
        data.accept_asset(w, holder, token.clone(), asset).unwrap();
    }
}

/// Runs `op`; refusals are part of the game (they must change nothing, which the unit tests
/// check message by message).
fn apply(data: &mut MultiAssetData, w: &World, op: &Op) {
    let token = |first: bool| if first { follower() } else { decider() };
    let _ = match op {
        Op::ProposeToCollection(proposals) => {
            data.propose_to_collection(w, proposer(), proposals.clone())
        }
        Op::Withdraw(asset) => data.withdraw_from_collection(w, issuer(), vec![*asset]),
        Op::Propose {
            token: t,
            asset,
            replaces,
        } => data.propose_asset(w, proposer(), token(*t), *asset, *replaces),
        Op::Decide {
            token: t,
            assets,
            accept: true,
        } => data.accept_assets(w, owner(), token(*t), assets.clone()),
        Op::Decide {
            token: t,
            assets,
            accept: false,
        } => data.reject_assets(w, owner(), token(*t), assets.clone()),
        Op::RejectAll { token: t } => data.reject_all_assets(w, owner(), token(*t), u32::MAX),
        Op::Follow { token: t, follow } => {
            data.set_follows_collection(w, owner(), vec![token(*t)], *follow)
        }
    };
}

fn check_invariants(data: &MultiAssetData, w: &World, token: &Id) -> Result<(), TestCaseError> {
    let pending = data.pending_assets(w, token);
    let active = data.active_assets(w, token);
    prop_assert!(
        pending.iter().all(|a| !active.contains(a)),
        "pending {:?} and active {:?} overlap",
        pending,
        active
    );
    let mut unique = pending.clone();
    unique.sort();
    unique.dedup();
    prop_assert_eq!(unique.len(), pending.len(), "an asset pending twice");
    let mut priorities = data.active_asset_priorities(w, token);
    prop_assert_eq!(priorities.len(), active.len());
    priorities.sort();
    priorities.dedup();
    prop_assert_eq!(
        priorities.len(),
        active.len(),
        "two assets share a priority"
    );
    prop_assert!(data.collection_proposals().len() <= MAX_OPEN_COLLECTION_PROPOSALS);
    Ok(())
}

/// The token that stands beside `follower()` after step `step`: given the same base at the same
/// time.
fn twin(step: usize) -> Id {
    Id::U32(1000 + step as u32)
}

/// What `follower()` must show: a token given the same base that never decided anything, whose
/// owner goes once through the open collection-wide proposals in the order they were made and
/// accepts each that is pending on it at that moment (one that a replacement made pending again
/// comes up in its turn; one whose asset the token holds is not pending, so not accepted).
fn accepting_twin(data: &mut MultiAssetData, w: &World, twin: Id) -> (Vec<AssetId>, Vec<u64>) {
    for proposal in data.collection_proposals() {
        if data.pending_assets(w, &twin).contains(&proposal.asset_id) {
            data.accept_asset(w, collector(), twin.clone(), proposal.asset_id)
                .unwrap();
        }
    }
    (
        data.active_assets(w, &twin),
        data.active_asset_priorities(w, &twin),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn no_token_shows_an_asset_both_pending_and_active(ops in proptest::collection::vec(op(), 1..50)) {
        let (mut data, w) = given(&[follower(), decider()]);
        for op in &ops {
            apply(&mut data, &w, op);
            for token in [follower(), decider(), Id::U32(40)] {
                check_invariants(&data, &w, &token)?;
            }
        }
    }

    #[test]
    fn a_follower_shows_what_accepting_every_proposal_in_order_gives(ops in proptest::collection::vec(collection_op(), 1..30)) {
        let twins: Vec<Id> = (0..ops.len()).map(twin).collect();
        let (mut data, w) = given(&[&[follower()], &twins[..]].concat());
        data.set_follows_collection(&w, owner(), vec![follower()], true).unwrap();
        for (step, op) in ops.iter().enumerate() {
            apply(&mut data, &w, op);
            let shown = (data.active_assets(&w, &follower()), data.active_asset_priorities(&w, &follower()));
            let twin = accepting_twin(&mut data, &w, twin(step));
            prop_assert_eq!(&shown, &twin, "after {:?}", op);
            prop_assert!(data.pending_assets(&w, &follower()).is_empty());
        }
        let shown = data.active_assets(&w, &follower());
        data.set_follows_collection(&w, owner(), vec![follower()], false).unwrap();
        prop_assert_eq!(data.active_assets(&w, &follower()), shown, "stopping keeps what it shows");
        // Left pending, as on the twin: proposals of an asset the token held when their turn
        // came, which a later replacement took away.
        let last_twin = twin(ops.len() - 1);
        prop_assert_eq!(data.pending_assets(&w, &follower()), data.pending_assets(&w, &last_twin));
    }
}
