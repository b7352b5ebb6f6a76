//! The chain side: dry-running and submitting the contracts' messages over a node's RPC.
//!
//! Messages are built with the contracts' own call builders (`MultiAssetRef`, `CollectionRef`),
//! so their selectors and argument encoding come from the contracts' crates. A query is a dry
//! run of pallet-contracts' `ContractsApi_call` at one block; a transaction is dry-run first
//! (its gas and storage deposit come from that run, and a refusal is reported with the
//! contract's error variant before anything is signed), then submitted as `Contracts::call`.

use crate::encoding::account32;
use core::marker::PhantomData;
use ink::codegen::TraitCallBuilder;
use ink::env::call::{
    utils::{ReturnType, Set},
    Call, CallBuilder, ExecutionInput, FromAccountId,
};
use ink::env::DefaultEnvironment;
use ink::primitives::AccountId;
use pallet_contracts_primitives::{ContractExecResult, StorageDeposit};
use scale::{Decode, Encode};
use subxt::ext::scale_encode;
use subxt::utils::{AccountId32, MultiAddress, H256};
use subxt::{OnlineClient, PolkadotConfig};
use subxt_signer::sr25519::Keypair;

type Env = DefaultEnvironment;
type Balance = u128;

/// A message to a contract, as its call builder makes it.
pub type Message<Args, R> =
    CallBuilder<Env, Set<Call<Env>>, Set<ExecutionInput<Args>>, Set<ReturnType<R>>>;

/// The multi-asset contract's call builder at `address`.
pub fn multiasset(address: AccountId) -> <multiasset::MultiAssetRef as TraitCallBuilder>::Builder {
    FromAccountId::from_account_id(address)
}

/// The proposer registry's call builder at `address`.
pub fn registry(
    address: AccountId,
) -> <proposer_registry::RegistryRef as TraitCallBuilder>::Builder {
    FromAccountId::from_account_id(address)
}

/// The collection's call builder at `address`.
pub fn collection(
    address: AccountId,
) -> <collection::collection::CollectionRef as TraitCallBuilder>::Builder {
    FromAccountId::from_account_id(address)
}

/// A message, encoded: what is sent to the contract, and the type of its answer.
pub struct Encoded<R> {
    pub callee: AccountId,
    pub input: Vec<u8>,
    answer: PhantomData<fn() -> R>,
}

impl<R> Clone for Encoded<R> {
    fn clone(&self) -> Self {
        Encoded {
            callee: self.callee,
            input: self.input.clone(),
            answer: PhantomData,
        }
    }
}

/// Encodes `message` with its contract's call builder.
pub fn encode<Args: Encode, R>(message: Message<Args, R>) -> Encoded<R> {
    let params = message.params();
    Encoded {
        callee: *params.callee(),
        input: params.exec_input().encode(),
        answer: PhantomData,
    }
}

/// Why the chain could not answer.
#[derive(Debug)]
pub enum ChainError {
    /// The node could not be reached or answered with an error.
    Rpc(String),
    /// The call did not run: no contract there, a trap, out of gas…
    Dispatch(String),
    /// The contract's answer did not decode as the message's return type.
    Decode(String),
    /// The contract answered something no collection of this suite answers (a foreign or
    /// hostile contract): refused rather than followed.
    Refused(String),
}

impl std::fmt::Display for ChainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChainError::Rpc(e) => write!(f, "node: {e}"),
            ChainError::Dispatch(e) => write!(f, "the call did not run: {e}"),
            ChainError::Decode(e) => write!(f, "the contract's answer did not decode: {e}"),
            ChainError::Refused(e) => write!(f, "the contract's answer is refused: {e}"),
        }
    }
}

impl std::error::Error for ChainError {}

impl From<subxt::Error> for ChainError {
    fn from(error: subxt::Error) -> Self {
        ChainError::Rpc(error.to_string())
    }
}

/// What a dry run found: the message's answer and what submitting it would need.
#[derive(Debug, Clone)]
pub struct DryRun<R> {
    pub value: R,
    pub ref_time: u64,
    pub proof_size: u64,
    /// The storage deposit charged (0 when the call frees storage).
    pub deposit: Balance,
}

/// A submitted transaction, in a block and successful.
#[derive(Debug, Clone)]
pub struct Submitted {
    pub block: H256,
    pub extrinsic: H256,
    /// The data of every `ContractEmitted` event of the called contract, in order.
    pub emitted: Vec<Vec<u8>>,
}

/// The node, read at one block.
pub struct Chain {
    api: OnlineClient<PolkadotConfig>,
    at: H256,
}

/// The account queries are dry-run from (they change nothing and pay nothing).
const QUERY_ORIGIN: [u8; 32] = [0; 32];

#[derive(Encode)]
struct CallRequest {
    origin: AccountId32,
    dest: AccountId32,
    value: Balance,
    gas_limit: Option<sp_weights::Weight>,
    storage_deposit_limit: Option<Balance>,
    input_data: Vec<u8>,
}

#[derive(scale_encode::EncodeAsType)]
#[encode_as_type(crate_path = "subxt::ext::scale_encode")]
struct Weight {
    ref_time: u64,
    proof_size: u64,
}

/// pallet-contracts' `call` extrinsic.
#[derive(scale_encode::EncodeAsType)]
#[encode_as_type(crate_path = "subxt::ext::scale_encode")]
struct ContractsCall {
    dest: MultiAddress<AccountId32, ()>,
    value: Balance,
    gas_limit: Weight,
    storage_deposit_limit: Option<Balance>,
    data: Vec<u8>,
}

impl Chain {
    /// Connects to the node at `url` and reads at its newest block.
    pub async fn connect(url: &str) -> Result<Chain, ChainError> {
        let api = OnlineClient::<PolkadotConfig>::from_url(url)
            .await
            .map_err(|e| {
                // The error may quote the url; neither may show what is not its origin.
                let shown = crate::encoding::rpc_shown(url);
                ChainError::Rpc(format!("{shown}: {}", e.to_string().replace(url, &shown)))
            })?;
        let at = api.blocks().at_latest().await?.hash();
        Ok(Chain { api, at })
    }

    /// Reads at the newest block from now on (after submitting).
    pub async fn refresh(&mut self) -> Result<(), ChainError> {
        self.at = self.api.blocks().at_latest().await?.hash();
        Ok(())
    }

    /// The block reads are made at.
    pub fn block(&self) -> H256 {
        self.at
    }

    /// What `message` answers, dry-run at the read block.
    pub async fn query<Args: Encode, R: Decode>(
        &self,
        message: Message<Args, R>,
    ) -> Result<R, ChainError> {
        Ok(self
            .dry_run(&AccountId32(QUERY_ORIGIN), &encode(message))
            .await?
            .value)
    }

    /// Dry-runs `message` as `origin` at the read block.
    pub async fn dry_run<R: Decode>(
        &self,
        origin: &AccountId32,
        call: &Encoded<R>,
    ) -> Result<DryRun<R>, ChainError> {
        let request = CallRequest {
            origin: origin.clone(),
            dest: account32(&call.callee),
            value: 0,
            gas_limit: None,
            storage_deposit_limit: None,
            input_data: call.input.clone(),
        };
        let result: ContractExecResult<Balance, ()> = self
            .api
            .runtime_api()
            .at(self.at)
            .call_raw("ContractsApi_call", Some(&request.encode()))
            .await?;
        let returned = result.result.map_err(|error| {
            let debug = String::from_utf8_lossy(&result.debug_message);
            let error = self.describe(&error);
            ChainError::Dispatch(format!("{error} {debug}").trim().to_string())
        })?;
        let value = <ink::MessageResult<R>>::decode(&mut &returned.data[..])
            .map_err(|e| ChainError::Decode(e.to_string()))?
            .map_err(|e| ChainError::Dispatch(format!("{e:?}")))?;
        Ok(DryRun {
            value,
            ref_time: result.gas_required.ref_time(),
            proof_size: result.gas_required.proof_size(),
            deposit: match result.storage_deposit {
                StorageDeposit::Charge(amount) => amount,
                StorageDeposit::Refund(_) => 0,
            },
        })
    }

    fn payload<R>(
        call: &Encoded<R>,
        dry: &DryRun<impl Sized>,
    ) -> subxt::tx::Payload<ContractsCall> {
        subxt::tx::Payload::new(
            "Contracts",
            "call",
            ContractsCall {
                dest: MultiAddress::Id(account32(&call.callee)),
                value: 0,
                gas_limit: Weight {
                    ref_time: dry.ref_time,
                    proof_size: dry.proof_size,
                },
                storage_deposit_limit: Some(dry.deposit),
                data: call.input.clone(),
            },
        )
    }

    /// The fee the node estimates for submitting `message` with what `dry` found.
    pub async fn fee<R>(
        &self,
        signer: &Keypair,
        call: &Encoded<R>,
        dry: &DryRun<impl Sized>,
    ) -> Result<Balance, ChainError> {
        let payload = Self::payload(call, dry);
        let signed = self
            .api
            .tx()
            .create_signed(&payload, signer, Default::default())
            .await?;
        Ok(signed.partial_fee_estimate().await?)
    }

    /// Signs and submits `message` with what `dry` found; returns once it is in a block and
    /// succeeded.
    pub async fn submit<R>(
        &self,
        signer: &Keypair,
        call: &Encoded<R>,
        dry: &DryRun<impl Sized>,
    ) -> Result<Submitted, ChainError> {
        let payload = Self::payload(call, dry);
        let contract = call.callee;
        let events = self
            .api
            .tx()
            .sign_and_submit_then_watch_default(&payload, signer)
            .await?
            .wait_for_in_block()
            .await?
            .wait_for_success()
            .await
            .map_err(|e| ChainError::Dispatch(e.to_string()))?;
        let mut emitted = Vec::new();
        for event in events.iter() {
            let event = event?;
            if event.pallet_name() != "Contracts" || event.variant_name() != "ContractEmitted" {
                continue;
            }
            let mut fields = event.field_bytes();
            let (from, data) = <(AccountId32, Vec<u8>)>::decode(&mut fields)
                .map_err(|e| ChainError::Decode(e.to_string()))?;
            if from.0 == *AsRef::<[u8; 32]>::as_ref(&contract) {
                emitted.push(data);
            }
        }
        Ok(Submitted {
            block: events.block_hash(),
            extrinsic: events.extrinsic_hash(),
            emitted,
        })
    }

    /// A dispatch error by its pallet's and variant's names where the metadata has them (e.g.
    /// `Contracts::ContractNotFound` for a wrong address).
    fn describe(&self, error: &sp_runtime::DispatchError) -> String {
        if let sp_runtime::DispatchError::Module(module) = error {
            let metadata = self.api.metadata();
            if let Some(pallet) = metadata.pallet_by_index(module.index) {
                if let Some(variant) = pallet.error_variant_by_index(module.error[0]) {
                    return format!("{}::{}", pallet.name(), variant.name);
                }
            }
        }
        format!("{error:?}")
    }

    /// The chain's token symbol and decimals, for printing fees (`UNIT`, 12 if unset).
    pub async fn currency(&self) -> (String, u32) {
        let properties = self.api.rpc().system_properties().await.unwrap_or_default();
        let symbol = properties
            .get("tokenSymbol")
            .and_then(|v| v.as_str().or_else(|| v.get(0)?.as_str()))
            .unwrap_or("UNIT")
            .to_string();
        let decimals = properties
            .get("tokenDecimals")
            .and_then(|v| v.as_u64().or_else(|| v.get(0)?.as_u64()))
            .unwrap_or(12) as u32;
        (symbol, decimals)
    }
}

/// `amount` in whole units with `decimals`, e.g. `0.001234 UNIT`; in base units if the node
/// reports more decimals than a `u128` can scale by (38).
pub fn format_amount(amount: Balance, (symbol, decimals): &(String, u32)) -> String {
    let Some(scale) = 10u128.checked_pow(*decimals) else {
        return format!("{amount} base units of {symbol} (the node reports {decimals} decimals)");
    };
    let fraction = format!("{:0width$}", amount % scale, width = *decimals as usize);
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        format!("{} {symbol}", amount / scale)
    } else {
        format!("{}.{fraction} {symbol}", amount / scale)
    }
}

/// The ink! account id of a signer's public key.
pub fn account_of(signer: &Keypair) -> AccountId {
    AccountId::from(signer.public_key().0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_print_in_whole_units() {
        let unit = ("UNIT".to_string(), 12);
        assert_eq!(format_amount(1_234_000_000, &unit), "0.001234 UNIT");
        assert_eq!(format_amount(2_000_000_000_000, &unit), "2 UNIT");
        assert_eq!(format_amount(0, &unit), "0 UNIT");
    }

    #[test]
    fn more_decimals_than_a_u128_holds_print_base_units_instead_of_panicking() {
        let hostile = ("EVIL".to_string(), 39);
        assert_eq!(
            format_amount(1_234, &hostile),
            "1234 base units of EVIL (the node reports 39 decimals)"
        );
        let most = ("UNIT".to_string(), 38);
        assert_eq!(format_amount(10u128.pow(38), &most), "1 UNIT");
    }
}
