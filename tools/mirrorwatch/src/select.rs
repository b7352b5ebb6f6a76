//! Which tokens a run looks at: `all` (the collection's enumeration) or a list such as
//! `1,2,10-20` (numbers are ids of the `--id-type` variant, `0x…` is a `Bytes` id).

use openbrush::contracts::psp34::Id;

/// The most ids one range may name.
pub const MAX_RANGE: u128 = 1_000_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// Every token the collection enumerates.
    All,
    /// These tokens, in this order.
    Ids(Vec<Id>),
}

/// The `Id` variant plain numbers stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum IdType {
    U8,
    U16,
    U32,
    U64,
    U128,
}

impl IdType {
    fn id(self, n: u128) -> Result<Id, String> {
        let too_big = || format!("{n} does not fit the id type {self:?}");
        Ok(match self {
            IdType::U8 => Id::U8(u8::try_from(n).map_err(|_| too_big())?),
            IdType::U16 => Id::U16(u16::try_from(n).map_err(|_| too_big())?),
            IdType::U32 => Id::U32(u32::try_from(n).map_err(|_| too_big())?),
            IdType::U64 => Id::U64(u64::try_from(n).map_err(|_| too_big())?),
            IdType::U128 => Id::U128(n),
        })
    }
}

/// Parses `all` or a comma-separated list of ids and inclusive ranges.
pub fn parse(text: &str, id_type: IdType) -> Result<Selection, String> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("all") {
        return Ok(Selection::All);
    }
    let mut ids = Vec::new();
    for item in text.split(',').map(str::trim) {
        if item.is_empty() {
            return Err(format!("empty item in {text:?}"));
        }
        if let Some(hex) = item.strip_prefix("0x") {
            ids.push(Id::Bytes(
                crate::encoding::parse_hex(hex).ok_or(format!("bad hex id {item:?}"))?,
            ));
        } else if let Some((from, to)) = item.split_once('-') {
            let (from, to) = (number(from)?, number(to)?);
            if to < from || to - from >= MAX_RANGE {
                return Err(format!(
                    "bad range {item:?} (at most {MAX_RANGE} ids, low-high)"
                ));
            }
            for n in from..=to {
                ids.push(id_type.id(n)?);
            }
        } else {
            ids.push(id_type.id(number(item)?)?);
        }
    }
    Ok(Selection::Ids(ids))
}

fn number(text: &str) -> Result<u128, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a token id"))
}

/// How reports print an id: the number, or `0x` and the bytes in hex.
pub fn text(id: &Id) -> String {
    match id {
        Id::U8(n) => n.to_string(),
        Id::U16(n) => n.to_string(),
        Id::U32(n) => n.to_string(),
        Id::U64(n) => n.to_string(),
        Id::U128(n) => n.to_string(),
        Id::Bytes(bytes) => format!("0x{}", crate::encoding::hex(bytes)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_selects_the_collections_enumeration() {
        assert_eq!(parse(" ALL ", IdType::U32), Ok(Selection::All));
    }

    #[test]
    fn lists_and_ranges_expand_in_order() {
        assert_eq!(
            parse("1,2,10-12", IdType::U32),
            Ok(Selection::Ids(
                [1, 2, 10, 11, 12].into_iter().map(Id::U32).collect()
            ))
        );
    }

    #[test]
    fn numbers_take_the_id_type_and_hex_is_bytes() {
        assert_eq!(
            parse("7,0xab01", IdType::U64),
            Ok(Selection::Ids(vec![Id::U64(7), Id::Bytes(vec![0xab, 1])]))
        );
    }

    #[test]
    fn bad_items_are_refused() {
        let refusals = [
            ("", "empty item in \"\""),
            ("1,,2", "empty item in \"1,,2\""),
            ("x", "\"x\" is not a token id"),
            ("5-3", "bad range \"5-3\" (at most 1000000 ids, low-high)"),
            ("0xabc", "bad hex id \"0xabc\""),
            ("300", "300 does not fit the id type U8"),
            (
                "1-2000000",
                "bad range \"1-2000000\" (at most 1000000 ids, low-high)",
            ),
        ];
        for (bad, why) in refusals {
            assert_eq!(parse(bad, IdType::U8), Err(why.to_string()), "{bad:?}");
        }
    }

    #[test]
    fn ids_print_as_they_are_typed() {
        assert_eq!(text(&Id::U32(42)), "42");
        assert_eq!(text(&Id::Bytes(vec![0xab, 1])), "0xab01");
    }
}
