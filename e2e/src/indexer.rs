//! Decodes a contract's events from its metadata JSON alone, as an indexer does (SubQuery's Wasm
//! processor and squid-sdk's ink typegen read `artifacts/<name>.json`): pallet-contracts'
//! `ContractEmitted.data` is the event's index in `spec.events`, then each of its `args` SCALE-
//! encoded as its type in the metadata's type registry. Nothing here knows the contract's Rust
//! types, so a test through it shows what an indexer that never saw our code would read.

use ink_metadata::InkProject;
use scale_value::{scale::decode_as_type, Value};

/// The event decoder of one contract's metadata.
pub struct EventDecoder {
    project: InkProject,
}

/// One decoded event: its label in the metadata and each argument by name.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedEvent {
    pub label: String,
    pub args: Vec<(String, Value<u32>)>,
}

impl DecodedEvent {
    /// The argument named `name`.
    pub fn arg(&self, name: &str) -> Option<&Value<u32>> {
        self.args
            .iter()
            .find(|(label, _)| label == name)
            .map(|(_, value)| value)
    }
}

impl EventDecoder {
    /// Reads the metadata JSON (`artifacts/<name>.json`, or the `.contract` bundle, which
    /// carries the same fields).
    pub fn from_metadata(json: &str) -> Result<Self, String> {
        let project = serde_json::from_str(json).map_err(|e| format!("metadata: {e}"))?;
        Ok(Self { project })
    }

    /// Reads the metadata JSON of artifact `name` (`artifacts/<name>.json`).
    pub fn from_artifact(name: &str) -> Result<Self, String> {
        let path = format!("{}/../artifacts/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let json = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        Self::from_metadata(&json)
    }

    /// Decodes the `data` of one `ContractEmitted` event.
    pub fn decode(&self, data: &[u8]) -> Result<DecodedEvent, String> {
        let (&index, mut rest) = data.split_first().ok_or("empty event data")?;
        let spec = self
            .project
            .spec()
            .events()
            .get(index as usize)
            .ok_or_else(|| format!("no event with index {index} in the metadata"))?;
        let mut args = Vec::with_capacity(spec.args().len());
        for arg in spec.args() {
            let value = decode_as_type(&mut rest, arg.ty().ty().id, self.project.registry())
                .map_err(|e| format!("{}.{}: {e}", spec.label(), arg.label()))?;
            args.push((arg.label().clone(), value));
        }
        if !rest.is_empty() {
            return Err(format!("{}: {} bytes left over", spec.label(), rest.len()));
        }
        Ok(DecodedEvent {
            label: spec.label().clone(),
            args,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use multiasset::{AssetsAccepted, BatchMetadataUpdate, MetadataUpdate, MultiAsset};
    use openbrush::contracts::psp34::Id;

    type AssetsEvent = <MultiAsset as ink::reflect::ContractEventBase>::Type;

    fn decoded(event: AssetsEvent) -> DecodedEvent {
        EventDecoder::from_artifact("multiasset")
            .expect("artifacts/multiasset.json")
            .decode(&scale::Encode::encode(&event))
            .expect("decodes")
    }

    #[test]
    fn metadata_update_decodes_from_the_metadata_json_alone() {
        let event = decoded(AssetsEvent::MetadataUpdate(MetadataUpdate {
            token_id: Id::U32(7),
        }));
        assert_eq!(event.label, "MetadataUpdate");
        assert_eq!(
            event.arg("token_id").cloned().map(Value::remove_context),
            Some(Value::unnamed_variant("U32", [Value::u128(7)]))
        );
    }

    #[test]
    fn batch_metadata_update_decodes_from_the_metadata_json_alone() {
        let event = decoded(AssetsEvent::BatchMetadataUpdate(BatchMetadataUpdate {
            asset_ids: vec![5, 6],
        }));
        assert_eq!(event.label, "BatchMetadataUpdate");
        assert_eq!(
            event.arg("asset_ids").cloned().map(Value::remove_context),
            Some(Value::unnamed_composite([Value::u128(5), Value::u128(6)]))
        );
    }

    #[test]
    fn assets_accepted_decodes_from_the_metadata_json_alone() {
        let event = decoded(AssetsEvent::AssetsAccepted(AssetsAccepted {
            token_id: Id::U32(7),
            accepted: vec![(5, Some(1))],
        }));
        assert_eq!(event.label, "AssetsAccepted");
        assert_eq!(
            event.arg("accepted").cloned().map(Value::remove_context),
            Some(Value::unnamed_composite([Value::unnamed_composite([
                Value::u128(5),
                Value::unnamed_variant("Some", [Value::u128(1)]),
            ])]))
        );
    }

    #[test]
    fn data_with_an_unknown_event_index_is_an_error() {
        let decoder = EventDecoder::from_artifact("multiasset").unwrap();
        assert_eq!(
            decoder.decode(&[250]).err().as_deref(),
            Some("no event with index 250 in the metadata")
        );
        assert_eq!(
            decoder.decode(&[]).err().as_deref(),
            Some("empty event data")
        );
    }
}
