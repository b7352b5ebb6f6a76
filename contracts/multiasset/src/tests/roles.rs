//! Who may call what: every gated message × every role → the outcome, as one table (the shape of
//! OpenZeppelin's `ERC721.behavior.js` and rmrk-team/evm's `multiasset.ts`). An allowed call must
//! change the token or the catalog; a refused one must return the role's error and change
//! nothing.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Issuer,
    Proposer,
    RevokedProposer,
    Owner,
    /// Approved to transfer the token (PSP34), a marketplace: no asset rights.
    TransferOperator,
    AssetOperator,
    AssetOperatorForAll,
    Stranger,
}

const ROLES: [Role; 8] = [
    Role::Issuer,
    Role::Proposer,
    Role::RevokedProposer,
    Role::Owner,
    Role::TransferOperator,
    Role::AssetOperator,
    Role::AssetOperatorForAll,
    Role::Stranger,
];

impl Role {
    fn account(self) -> AccountId {
        match self {
            Role::Issuer => issuer(),
            Role::Proposer => proposer(),
            Role::RevokedProposer => revoked(),
            Role::Owner => owner(),
            Role::TransferOperator => transfer_operator(),
            Role::AssetOperator => operator(),
            Role::AssetOperatorForAll => all_operator(),
            Role::Stranger => stranger(),
        }
    }
}

/// What a message does when `role` calls it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    /// Succeeded and changed the catalog or the token.
    Changes,
    /// Succeeded but changed nothing: never expected of a gated message here.
    ChangesNothing,
    /// Returned this error.
    Refused(MultiAssetError),
}

/// One gated message, called on `token()` holding one active and one pending asset (ids 1 and 2)
/// in a catalog of three entries.
struct Message {
    name: &'static str,
    call: fn(&mut MultiAssetData, &World, AccountId) -> Result<(), MultiAssetError>,
}

const PROPOSER_GATED: [Message; 5] = [
    Message {
        name: "add_asset_entry",
        call: |data, w, caller| {
            data.add_asset_entry(w, caller, "ar://tx".into(), None)
                .map(drop)
        },
    },
    Message {
        name: "add_asset_entries",
        call: |data, w, caller| {
            data.add_asset_entries(w, caller, vec![("ar://tx".into(), None)])
                .map(drop)
        },
    },
    Message {
        name: "propose_asset",
        call: |data, w, caller| data.propose_asset(w, caller, token(), 3, None).map(drop),
    },
    Message {
        name: "propose_asset_to_many",
        call: |data, w, caller| {
            data.propose_asset_to_many(w, caller, vec![token()], 3, None)
                .map(drop)
        },
    },
    Message {
        name: "propose_to_collection",
        call: |data, w, caller| {
            data.propose_to_collection(w, caller, vec![(3, Some(1))])
                .map(drop)
        },
    },
];

const OWNER_GATED: [Message; 7] = [
    Message {
        name: "accept_asset",
        call: |data, w, caller| data.accept_asset(w, caller, token(), 2).map(drop),
    },
    Message {
        name: "reject_asset",
        call: |data, w, caller| data.reject_asset(w, caller, token(), 2).map(drop),
    },
    Message {
        name: "reject_all_assets",
        call: |data, w, caller| data.reject_all_assets(w, caller, token(), 1).map(drop),
    },
    Message {
        name: "set_priority",
        call: |data, w, caller| data.set_priority(w, caller, token(), vec![5]).map(drop),
    },
    Message {
        name: "accept_assets",
        call: |data, w, caller| data.accept_assets(w, caller, token(), vec![2]).map(drop),
    },
    Message {
        name: "reject_assets",
        call: |data, w, caller| data.reject_assets(w, caller, token(), vec![2]).map(drop),
    },
    Message {
        name: "set_follows_collection",
        call: |data, w, caller| {
            data.set_follows_collection(w, caller, vec![token()], true)
                .map(drop)
        },
    },
];

/// `withdraw_from_collection` of the collection-wide proposal [`proposers_proposal`] made.
const WITHDRAW: [Message; 1] = [Message {
    name: "withdraw_from_collection",
    call: |data, w, caller| data.withdraw_from_collection(w, caller, vec![3]).map(drop),
}];

/// Nothing more than the table's token.
fn nothing(_: &mut MultiAssetData, _: &World) {}

/// A collection-wide proposal of asset 3 by `proposer()`.
fn proposers_proposal(data: &mut MultiAssetData, w: &World) {
    data.propose_to_collection(w, proposer(), vec![(3, None)])
        .unwrap();
}
/// Everything a call could change: the catalog's size, the open collection-wide proposals and
/// `token()`'s lists and setting.
type Snapshot = (
    u64,
    Vec<crate::CollectionProposal>,
    Vec<AssetId>,
    Vec<AssetId>,
    Vec<u64>,
    bool,
);

fn snapshot(data: &MultiAssetData, w: &World) -> Snapshot {
    (
        data.total_assets(),
        data.collection_proposals(),
        data.pending_assets(w, &token()),
        data.active_assets(w, &token()),
        data.active_asset_priorities(w, &token()),
        data.follows_collection(&token()),
    )
}

/// Runs every message of `messages` as every role, each on `token()` after `given`, and returns
/// the cells that differ from `expected`, as readable lines.
fn mismatches(
    messages: &[Message],
    given: fn(&mut MultiAssetData, &World),
    expected: impl Fn(Role) -> Outcome,
) -> Vec<String> {
    let mut wrong = Vec::new();
    for message in messages {
        for role in ROLES {
            let (mut data, w) = token_with(1, 1);
            data.add_asset_entry(&w, issuer(), "ipfs://third".into(), None)
                .unwrap();
            given(&mut data, &w);
            let before = snapshot(&data, &w);
            let outcome = match (message.call)(&mut data, &w, role.account()) {
                Ok(()) if snapshot(&data, &w) != before => Outcome::Changes,
                Ok(()) => Outcome::ChangesNothing,
                Err(error) => {
                    if snapshot(&data, &w) != before {
                        wrong.push(format!("{} as {role:?}: failed but wrote", message.name));
                    }
                    Outcome::Refused(error)
                }
            };
            let want = expected(role);
            if outcome != want {
                wrong.push(format!(
                    "{} as {role:?}: {outcome:?}, expected {want:?}",
                    message.name
                ));
            }
        }
    }
    wrong
}

#[test]
fn only_the_issuer_and_live_proposers_may_add_entries_and_propose() {
    let wrong = mismatches(&PROPOSER_GATED, nothing, |role| match role {
        Role::Issuer | Role::Proposer => Outcome::Changes,
        _ => Outcome::Refused(MultiAssetError::NotIssuerOrProposer),
    });
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn only_the_owner_and_its_asset_operators_may_decide_on_a_token() {
    let wrong = mismatches(&OWNER_GATED, nothing, |role| match role {
        Role::Owner | Role::AssetOperator | Role::AssetOperatorForAll => Outcome::Changes,
        _ => Outcome::Refused(MultiAssetError::NotTokenOwnerOrApproved { token_id: token() }),
    });
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn only_the_issuer_and_the_proposals_proposer_may_withdraw_it() {
    let wrong = mismatches(&WITHDRAW, proposers_proposal, |role| match role {
        Role::Issuer | Role::Proposer => Outcome::Changes,
        _ => Outcome::Refused(MultiAssetError::NotIssuerOrItsProposer { asset_id: 3 }),
    });
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
