//! Who may call what: every gated message × every role → the outcome, as one table (the shape of
//! OpenZeppelin's `ERC721.behavior.js` and rmrk-team/evm's `multiasset.ts`). An allowed call must
//! change the token or the catalog; a refused one must return the role's error and change
//! nothing. The proposer roles are the registry's: a live grant, one revoked after its holder
//! proposed (its leftover pending on the token), an expired one, and one made by a former issuer.
//! A second table says whose proposals an owner may accept.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Issuer,
    Proposer,
    /// Proposed asset 3 to the token while granted, then was revoked.
    RevokedProposer,
    /// Granted by the issuer; the grant has expired.
    ExpiredProposer,
    /// Granted by the collection's former issuer.
    FormerIssuersGrantee,
    Owner,
    /// Approved to transfer the token (PSP34), a marketplace: no asset rights.
    TransferOperator,
    AssetOperator,
    AssetOperatorForAll,
    Stranger,
}

const ROLES: [Role; 10] = [
    Role::Issuer,
    Role::Proposer,
    Role::RevokedProposer,
    Role::ExpiredProposer,
    Role::FormerIssuersGrantee,
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
            Role::ExpiredProposer => expired(),
            Role::FormerIssuersGrantee => former_issuers_grantee(),
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
fn nothing(_: &mut MultiAssetData, _: &mut World) {}

/// `revoked()` proposed asset 3 to the token while granted, then its grant was revoked: the
/// leftover is in the way of every proposal of asset 3 to the token, and is dropped.
fn revoked_keys_leftover(data: &mut MultiAssetData, w: &mut World) {
    w.grants.insert(revoked(), Grant::by(issuer()));
    data.propose_asset(w, revoked(), token(), 3, None).unwrap();
    w.grants.remove(&revoked());
}

/// A collection-wide proposal of asset 3 by `proposer()`.
fn proposers_proposal(data: &mut MultiAssetData, w: &mut World) {
    data.propose_to_collection(w, proposer(), vec![(3, None)])
        .unwrap();
}
/// Everything a call could change: the catalog's size, the open collection-wide proposals and
/// `token()`'s lists (with who proposed each pending asset) and setting.
type Snapshot = (
    u64,
    Vec<crate::CollectionProposal>,
    Vec<(AssetId, Option<AccountId>)>,
    Vec<AssetId>,
    Vec<u64>,
    bool,
);

fn snapshot(data: &MultiAssetData, w: &World) -> Snapshot {
    (
        data.total_assets(),
        data.collection_proposals(),
        data.pending_assets(w, &token())
            .into_iter()
            .map(|asset| {
                let proposal = data.pending_proposal(w, &token(), asset);
                (asset, proposal.map(|p| p.proposer))
            })
            .collect(),
        data.active_assets(w, &token()),
        data.active_asset_priorities(w, &token()),
        data.follows_collection(&token()),
    )
}

/// Runs every message of `messages` as every role, each on `token()` after `given`, and returns
/// the cells that differ from `expected`, as readable lines.
fn mismatches(
    messages: &[Message],
    given: fn(&mut MultiAssetData, &mut World),
    expected: impl Fn(Role) -> Outcome,
) -> Vec<String> {
    let mut wrong = Vec::new();
    for message in messages {
        for role in ROLES {
            let (mut data, mut w) = token_with(1, 1);
            data.add_asset_entry(&w, issuer(), "ipfs://third".into(), None)
                .unwrap();
            given(&mut data, &mut w);
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
    let wrong = mismatches(&PROPOSER_GATED, revoked_keys_leftover, |role| match role {
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

/// Whose proposals an owner may accept: one proposed by each proposer role while its grant
/// counted, then the grant ended as the role says (revoked, expired, or its issuer sold the
/// collection).
#[test]
fn an_owner_may_accept_a_proposal_only_while_its_proposers_grant_counts() {
    let cases = [
        (Role::Issuer, None),
        (Role::Proposer, None),
        (
            Role::RevokedProposer,
            Some(MultiAssetError::ProposerRevoked { token_id: token() }),
        ),
        (
            Role::ExpiredProposer,
            Some(MultiAssetError::ProposerRevoked { token_id: token() }),
        ),
        (
            Role::FormerIssuersGrantee,
            Some(MultiAssetError::ProposerRevoked { token_id: token() }),
        ),
    ];
    let mut wrong = Vec::new();
    for (role, refused) in cases {
        let (mut data, mut w) = catalog(1);
        let proposer = role.account();
        // While its grant counted.
        w.grants.insert(proposer, Grant::by(issuer()));
        data.propose_asset(&w, proposer, token(), 1, None).unwrap();
        w.grants.remove(&proposer);
        if role == Role::Proposer {
            w.grants.insert(proposer, Grant::by(issuer()));
        }
        if role == Role::ExpiredProposer {
            w.grants.insert(
                proposer,
                Grant {
                    by: issuer(),
                    expired: true,
                },
            );
        }
        if role == Role::FormerIssuersGrantee {
            w.grants.insert(proposer, Grant::by(issuer()));
            w.issuer = Some(stranger());
        }
        let outcome = data.accept_asset(&w, owner(), token(), 1).map(drop);
        let want = refused.map_or(Ok(()), Err);
        if outcome != want {
            wrong.push(format!(
                "proposed by {role:?}: {outcome:?}, expected {want:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
