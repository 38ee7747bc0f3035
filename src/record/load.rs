//! Reading a record from disk and checking what serde cannot: known kinds, real dates,
//! signer prefixes, one key per marked block, section depth, unique criterion codes.
//!
//! Every check reports the file, line and column of the offending value.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

use super::date::{DocDate, calendar_date};
use super::{Kind, Record, SizeSet, check, explain};
use crate::error::{Error, Location, Warning};
use crate::messages::{Check, Message};

/// A record that parsed and passed every check, with its typed metadata.
#[derive(Debug)]
pub struct Loaded {
    pub record: Record,
    pub kind: Kind,
    pub date: DocDate,
    pub size_set: SizeSet,
    /// Problems that do not stop the render (a typed total that disagrees with its parts).
    pub warnings: Vec<Warning>,
    /// The record's path and NFC text, so later stages can point at a span.
    pub path: PathBuf,
    pub source: String,
    /// Every string of the record with its path and line, in the order written.
    pub(crate) leaves: Vec<crate::pull::leaves::Leaf>,
}

impl Loaded {
    /// An error at a span of this record.
    pub fn error_at(
        &self,
        span: std::ops::Range<usize>,
        message: impl Into<Message>,
        help: impl Into<Message>,
    ) -> Error {
        Error::located(Location::from_span(&self.path, &self.source, span), message).help(help)
    }
}

/// Reads, parses and checks one record.
pub fn load(path: &Path) -> Result<Loaded, Error> {
    from_bytes(path, crate::confine::read_record(path)?)
}

/// Decodes (UTF-8 only), normalises to NFC, parses and checks record bytes; `path` is only
/// used in messages.
pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<Loaded, Error> {
    let raw = decode(path, bytes)?;
    let source = if crate::text::is_nfc(&raw) {
        raw
    } else {
        raw.nfc().collect()
    };
    parse(path, &source)
}

/// Record bytes as text: UTF-8 only; any other encoding is refused at the line and column of
/// its first foreign byte, with how to save the file as UTF-8.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Error> {
    crate::text::utf8(bytes).map_err(|e| {
        // The valid prefix is unchanged by a lossy decoding, so the bad byte's place is exact.
        let offset = e.utf8_error().valid_up_to();
        let shown = String::from_utf8_lossy(e.as_bytes());
        Error::located(
            Location::from_span(path, &shown, offset..offset + 1),
            Check::NotUtf8,
        )
        .help(Check::SaveAsUtf8)
    })
}

/// Parses and checks record text; `path` is only used in messages.
pub fn parse(path: &Path, source: &str) -> Result<Loaded, Error> {
    let refused = |e: toml::de::Error| {
        let explained = explain::parser_error(&e, source);
        Error::located(
            Location::from_span(path, source, explained.span),
            explained.message,
        )
        .help(explained.help)
    };
    let table = toml::de::DeTable::parse(source).map_err(refused)?;
    // The record's strings with their paths, for the provenance of what is rendered from it
    // (`pull`): read from the same parse as the record, which is most of a large record's
    // loading time and memory.
    let leaves = crate::pull::leaves::of(table.get_ref(), source);
    let record = Record::deserialize(toml::de::Deserializer::from(table)).map_err(refused)?;
    let at = |span: std::ops::Range<usize>, message: Check, help: Check| {
        Error::located(Location::from_span(path, source, span), message).help(help)
    };

    let kind = *record.loai.get_ref();

    if let Some(so) = &record.so {
        if !(1..=99_999).contains(so.get_ref()) {
            return Err(at(
                so.span(),
                Check::NumberOutOfRange {
                    number: *so.get_ref(),
                },
                Check::NumbersFromOne,
            ));
        }
    }

    let date = document_date(&record, &at)?;

    let size_set = record
        .co_chu
        .as_ref()
        .map_or(SizeSet::Small, |s| *s.get_ref());

    if record.co_quan.viet_tat.get_ref().trim().is_empty() {
        return Err(at(
            record.co_quan.viet_tat.span(),
            Check::EmptyAbbreviation,
            Check::WriteAbbreviation,
        ));
    }

    let mut warnings = check::check(&check::Checker { path, source }, &record, kind)?;
    warnings.extend(
        explain::escaped_controls(source)
            .into_iter()
            .map(|span| Warning {
                location: Location::from_span(path, source, span),
                message: Check::EscapedControl.into(),
            }),
    );

    let mut record = record;
    record.date_progress(date);
    Ok(Loaded {
        record,
        kind,
        date,
        size_set,
        warnings,
        path: path.to_path_buf(),
        source: source.to_string(),
        leaves,
    })
}

type At<'a> = dyn Fn(std::ops::Range<usize>, Check, Check) -> Error + 'a;

fn document_date(record: &Record, at: &At<'_>) -> Result<DocDate, Error> {
    if let Some(ngay) = &record.ngay {
        let date = calendar_date(ngay).ok_or_else(|| {
            at(
                ngay.span(),
                Check::NotCalendarDate {
                    text: ngay.get_ref().to_string(),
                },
                Check::WriteSigningDate,
            )
        })?;
        return Ok(date);
    }
    let Some(nam) = &record.nam else {
        return Err(at(record.loai.span(), Check::NoDate, Check::AddDate));
    };
    let year = i32::try_from(*nam.get_ref())
        .ok()
        .filter(|y| (1945..=2200).contains(y));
    let year = year.ok_or_else(|| {
        at(
            nam.span(),
            Check::NotAYear {
                year: *nam.get_ref(),
            },
            Check::WriteYear,
        )
    })?;
    let month = match &record.thang {
        None => None,
        Some(t) => Some(
            u32::try_from(*t.get_ref())
                .ok()
                .filter(|m| (1..=12).contains(m))
                .ok_or_else(|| {
                    at(
                        t.span(),
                        Check::NotAMonth {
                            month: *t.get_ref(),
                        },
                        Check::WriteMonth,
                    )
                })?,
        ),
    };
    Ok(DocDate {
        day: None,
        month,
        year,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
loai = "ke-hoach"
ngay = 2021-03-19
trich_yeu = "Thử"
[co_quan]
ten = "SỞ NỘI VỤ"
viet_tat = "SNV"
dia_danh = "Hà Tĩnh"
[nguoi_ky]
chuc_vu = "Giám đốc"
ho_ten = "Nguyễn Văn A"
[noi_nhan]
luu = "VT"
"#;

    fn parse_str(source: &str) -> Result<Loaded, Error> {
        parse(Path::new("r.toml"), source)
    }

    fn error_of(source: &str) -> String {
        parse_str(source).unwrap_err().to_string()
    }

    #[test]
    fn minimal_record_loads() {
        let loaded = parse_str(MINIMAL).unwrap();
        assert_eq!(loaded.kind, Kind::KeHoach);
        assert_eq!(
            loaded.date,
            DocDate {
                day: Some(19),
                month: Some(3),
                year: 2021
            }
        );
        assert_eq!(loaded.size_set, SizeSet::Small);
    }

    #[test]
    fn a_latin_1_byte_gets_its_line_and_column() {
        let error = from_bytes(
            Path::new("r.toml"),
            b"loai = 1\nten = \"Th\xe9 x\"\n".to_vec(),
        )
        .unwrap_err();
        let diagnostic = error.diagnostic();
        assert_eq!((diagnostic.line, diagnostic.column), (Some(2), Some(10)));
        assert!(diagnostic.help.unwrap().contains("UTF-8"));
    }

    #[test]
    fn impossible_date_points_at_its_line() {
        let text = error_of(&MINIMAL.replace("2021-03-19", "2021-02-31"));
        assert!(text.contains("r.toml:3:8"), "{text}");
    }

    #[test]
    fn unknown_kind_lists_the_valid_ones() {
        let text = error_of(&MINIMAL.replace("\"ke-hoach\"", "\"ke-hoachh\""));
        assert!(text.contains("unknown document kind `ke-hoachh`"), "{text}");
        assert!(text.contains("r.toml:2:8"), "{text}");
        assert!(text.contains("bao-cao"), "{text}");
    }

    #[test]
    fn unknown_key_is_refused_with_its_place() {
        let text = error_of(&MINIMAL.replace("trich_yeu =", "trich_yue ="));
        assert!(text.contains("trich_yue"), "{text}");
        assert!(text.contains("r.toml:4:1"), "{text}");
    }

    #[test]
    fn draft_without_date_keeps_the_year() {
        let loaded =
            parse_str(&MINIMAL.replace("ngay = 2021-03-19", "nam = 2021\nthang = 6")).unwrap();
        assert_eq!(
            loaded.date,
            DocDate {
                day: None,
                month: Some(6),
                year: 2021
            }
        );
    }

    #[test]
    fn bad_signer_prefix_is_refused() {
        let text = error_of(&MINIMAL.replace(
            "chuc_vu = \"Giám đốc\"",
            "quyen_han = \"KT\"\nchuc_vu_thu_truong = \"Giám đốc\"",
        ));
        assert!(text.contains("unknown signing authority `KT`"), "{text}");
    }

    #[test]
    fn marked_block_needs_exactly_one_key() {
        let source = format!(
            "{MINIMAL}\n[[phan]]\ntieu_de = \"A\"\nnoi_dung = [{{ \"-\" = \"x\", \"+\" = \"y\" }}]\n"
        );
        assert!(error_of(&source).contains("exactly one key"));
    }
}
