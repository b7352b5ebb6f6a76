//! The backup story's weak point at collection scale, on a real node: the https host of a
//! 300-token collection dies, and one call replaces that mirror on every token. One owner
//! accepts the set in one call per token, another follows the collection and never signs again,
//! and a wrong proposal is withdrawn.

use crate::common::*;
use e2e::{sha256sums, template_mirror_set};
use ink_e2e::{account_id, AccountKeyring};
use multiasset::{limits::MAX_FOLLOW_TOKENS, MultiAssetError};
use openbrush::contracts::psp34::Id;

/// Tokens 1 and 2 are bob's, 3..=TOKENS charlie's.
const TOKENS: u32 = 300;
const BOBS: [u32; 2] = [1, 2];

#[ink_e2e::test]
async fn one_call_replaces_a_mirror_on_every_token_and_followers_never_sign(
    mut client: ink_e2e::Client<C, E>,
) -> E2EResult<()> {
    // Given: alice's collection of 300 tokens held by bob (2) and charlie (298), dave a
    // registered proposer (a backup service), and the collection's metadata mirrored on four
    // protocols as templated entries 1..=4, each recording the sha256 of the directory's
    // SHA256SUMS.
    let suite = deploy_suite(&mut client).await;
    let assets = suite.assets;
    let (bob, charlie, dave) = (
        account_id(AccountKeyring::Bob),
        account_id(AccountKeyring::Charlie),
        account_id(AccountKeyring::Dave),
    );
    grant(&mut client, &suite, dave).await;
    for n in 1..=TOKENS {
        let to = if BOBS.contains(&n) { bob } else { charlie };
        let mint = on_collection(suite.collection).call(|c| c.mint(to, Id::U32(n)));
        assert_eq!(submit!(client, &ink_e2e::alice(), mint), Ok(()));
    }
    let files: Vec<(String, Vec<u8>)> = (1..=TOKENS)
        .map(|n| {
            (
                format!("{n}.json"),
                format!(r#"{{"name":"Mirror #{n}"}}"#).into_bytes(),
            )
        })
        .collect();
    let manifest = sha256sums(files.iter().map(|(n, c)| (n.as_str(), c.as_slice())));
    let set = template_mirror_set("old-cdn.example.org", "meta", &manifest);
    let add = on_multiasset(assets).call(|m| m.add_asset_entries(set.clone()));
    assert_eq!(
        submit!(client, &ink_e2e::alice(), add),
        Ok(vec![1, 2, 3, 4])
    );
    let original = on_multiasset(assets)
        .call(|m| m.propose_to_collection(vec![(1, None), (2, None), (3, None), (4, None)]));
    assert_eq!(submit!(client, &ink_e2e::alice(), original), Ok(()));
    // Bob takes the set on his tokens, one call each; charlie's tokens follow, 64 per call.
    for n in BOBS {
        let accept = on_multiasset(assets).call(|m| m.accept_assets(Id::U32(n), vec![1, 2, 3, 4]));
        assert_eq!(submit!(client, &ink_e2e::bob(), accept), Ok(()));
    }
    let charlies: Vec<Id> = (BOBS.len() as u32 + 1..=TOKENS).map(Id::U32).collect();
    for part in charlies.chunks(MAX_FOLLOW_TOKENS) {
        let follow = on_multiasset(assets).call(|m| m.set_follows_collection(part.to_vec(), true));
        let result = client
            .call(&ink_e2e::charlie(), follow, 0, None)
            .await
            .expect("follow submitted");
        let followed = emitted!(result, assets, AssetsEvent)
            .into_iter()
            .filter(|e| matches!(e, AssetsEvent::CollectionFollowSet(f) if f.follows && f.active.len() == 4))
            .count();
        assert_eq!(followed, part.len(), "one CollectionFollowSet per token");
    }
    let active = |n: u32| on_multiasset(assets).call(move |m| m.active_assets(Id::U32(n)));
    for n in [1, 3, 150, TOKENS] {
        assert_eq!(query!(client, active(n)), vec![1, 2, 3, 4], "token {n}");
    }

    // When: the https host dies; dave adds the new https template (same files, same manifest)
    // and proposes it to the whole collection, replacing the old one, in one call.
    let moved = template_mirror_set("new-cdn.example.net", "meta", &manifest)[0].clone();
    let add = on_multiasset(assets).call(|m| m.add_asset_entries(vec![moved.clone()]));
    assert_eq!(submit!(client, &ink_e2e::dave(), add), Ok(vec![5]));
    let replace = on_multiasset(assets).call(|m| m.propose_to_collection(vec![(5, Some(1))]));
    let result = client
        .call(&ink_e2e::dave(), replace, 0, None)
        .await
        .expect("collection-wide proposal submitted");

    // Then: one event for the collection; bob sees it pending on each token, and charlie's
    // tokens show the new host already, in the old one's place and priority.
    let events = emitted!(result, assets, AssetsEvent);
    assert!(matches!(
        &events[..],
        [AssetsEvent::AssetsProposedToCollection(e), AssetsEvent::BatchMetadataUpdate(_)]
            if e.proposals == vec![(5, Some(1))] && e.proposer == dave
    ));
    for n in BOBS {
        let pending = on_multiasset(assets).call(|m| m.pending_assets(Id::U32(n)));
        assert_eq!(query!(client, pending), vec![5]);
        let replaced = on_multiasset(assets).call(|m| m.asset_replacement(Id::U32(n), 5));
        assert_eq!(query!(client, replaced), Some(1));
    }
    for n in [3, 150, TOKENS] {
        assert_eq!(query!(client, active(n)), vec![5, 2, 3, 4], "token {n}");
        let top = on_multiasset(assets).call(move |m| m.top_asset(Id::U32(n)));
        let top = query!(client, top).expect("a top asset");
        assert_eq!(
            (top.asset_id, top.priority, top.uri),
            (5, 0, format!("https://new-cdn.example.net/meta/{n}.json"))
        );
    }

    // When: bob accepts the new mirror on token 1 with one accept_assets call.
    let accept = on_multiasset(assets).call(|m| m.accept_assets(Id::U32(1), vec![5]));
    let result = client
        .call(&ink_e2e::bob(), accept, 0, None)
        .await
        .expect("accept submitted");

    // Then: one event for the set; token 1 shows it in the old one's place; token 2 still has
    // it pending.
    assert!(emitted!(result, assets, AssetsEvent)
        .iter()
        .any(|e| matches!(e, AssetsEvent::AssetsAccepted(a) if a.accepted == vec![(5, Some(1))])));
    assert_eq!(query!(client, active(1)), vec![5, 2, 3, 4]);
    let uri = on_multiasset(assets).call(|m| m.asset_uri(Id::U32(1), 5));
    assert_eq!(
        query!(client, uri),
        Some("https://new-cdn.example.net/meta/1.json".to_string())
    );

    // When: dave proposes a wrong ipfs replacement to the collection, then withdraws it.
    let wrong = (
        "ipfs://bafkreiwrongwrongwrongwrongwrongwrongwrongwrongwrong/meta/{id}.json".to_string(),
        None,
    );
    let add = on_multiasset(assets).call(|m| m.add_asset_entries(vec![wrong.clone()]));
    assert_eq!(submit!(client, &ink_e2e::dave(), add), Ok(vec![6]));
    let propose = on_multiasset(assets).call(|m| m.propose_to_collection(vec![(6, Some(2))]));
    assert_eq!(submit!(client, &ink_e2e::dave(), propose), Ok(()));
    assert_eq!(query!(client, active(150)), vec![5, 6, 3, 4]);
    let stranger = on_multiasset(assets).call(|m| m.withdraw_from_collection(vec![6]));
    assert_eq!(
        refused!(client, &ink_e2e::bob(), stranger),
        Err(MultiAssetError::NotIssuerOrItsProposer { asset_id: 6 })
    );
    let withdraw = on_multiasset(assets).call(|m| m.withdraw_from_collection(vec![6]));
    assert_eq!(submit!(client, &ink_e2e::dave(), withdraw), Ok(()));

    // Then: followers show again what it replaced, bob's tokens no longer see it pending, and
    // accepting it is refused.
    assert_eq!(query!(client, active(150)), vec![5, 2, 3, 4]);
    let pending = on_multiasset(assets).call(|m| m.pending_assets(Id::U32(2)));
    assert_eq!(query!(client, pending), vec![5]);
    let accept = on_multiasset(assets).call(|m| m.accept_asset(Id::U32(2), 6));
    assert_eq!(
        refused!(client, &ink_e2e::bob(), accept),
        Err(MultiAssetError::AssetNotPending {
            token_id: Id::U32(2)
        })
    );
    let open = on_multiasset(assets).call(|m| m.collection_proposals());
    let open: Vec<u64> = query!(client, open).iter().map(|p| p.asset_id).collect();
    assert_eq!(open, vec![1, 2, 3, 4, 5]);
    Ok(())
}
