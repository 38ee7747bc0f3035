//! The two forms of record and the keys each needs and refuses.
//!
//! A document (Kế hoạch, Báo cáo, Công văn …) needs a trích yếu, a place name, a signer and a
//! Nơi nhận. A Phụ lục issued as a file of its own (`loai = "phu-luc"`, nd30.md §7.1, Mẫu 2.2)
//! has none of them: no header block, no body and no signer, since the Văn thư signs the file
//! digitally at the top right of its first page. It names the document it is attached to
//! (`van_ban`, and that document's `so`, `ngay` and `co_quan`) and holds only its tables.
//! Keys that would not print are refused at their line rather than dropped, so no text the
//! clerk wrote silently disappears.

use std::ops::Range;

use super::check::Checker;
use super::{Kind, Record};
use crate::error::Error;
use crate::messages::Check;

/// Checks the keys of `record` against its form.
pub(super) fn check_form(c: &Checker<'_>, record: &Record, kind: Kind) -> Result<(), Error> {
    if kind == Kind::PhuLuc {
        appendix_file(c, record)
    } else {
        document(c, record)
    }
}

fn document(c: &Checker<'_>, record: &Record) -> Result<(), Error> {
    if let Some(van_ban) = &record.van_ban {
        return Err(c.at(
            key_span(c.source, &["van_ban"]).unwrap_or(van_ban.span()),
            Check::OnlyInAppendixFile,
            Check::RemoveOrWriteAppendixFile,
        ));
    }
    // serde used to report these as missing fields, at the top of the file; they are
    // optional only because a Phụ lục file has none.
    let missing = [
        ("trich_yeu", record.trich_yeu.is_none()),
        ("nguoi_ky", record.nguoi_ky.is_none()),
        ("noi_nhan", record.noi_nhan.is_none()),
    ];
    if let Some((key, _)) = missing.into_iter().find(|(_, missing)| *missing) {
        return Err(missing_key(c, key, 0..0));
    }
    if record.co_quan.dia_danh.is_none() {
        let table = key_span(c.source, &["co_quan"]).unwrap_or(0..0);
        return Err(missing_key(c, "dia_danh", table));
    }
    Ok(())
}

fn missing_key(c: &Checker<'_>, key: &str, span: Range<usize>) -> Error {
    c.at(
        span,
        Check::MissingKey {
            key: key.to_string(),
        },
        Check::AddKey {
            key: key.to_string(),
        },
    )
}

/// The keys of a document that a Phụ lục file has no place for, with whether the record
/// writes each.
fn document_keys(record: &Record) -> [(&'static str, bool); 11] {
    [
        ("trich_yeu", record.trich_yeu.is_some()),
        ("kinh_gui", !record.kinh_gui.is_empty()),
        ("can_cu", !record.can_cu.is_empty()),
        ("mo_dau", !record.mo_dau.is_empty()),
        ("phan", !record.phan.is_empty()),
        ("ket_thuc", !record.ket_thuc.is_empty()),
        ("nguoi_ky", record.nguoi_ky.is_some()),
        ("noi_nhan", record.noi_nhan.is_some()),
        ("kem_theo", record.kem_theo.is_some()),
        ("thay_doi_tu", record.thay_doi_tu.is_some()),
        ("danh_so", record.danh_so.is_some()),
    ]
}

fn appendix_file(c: &Checker<'_>, record: &Record) -> Result<(), Error> {
    // The first in the file, so the clerk removes them from the top down.
    let written = document_keys(record)
        .into_iter()
        .filter(|(_, written)| *written)
        .filter_map(|(key, _)| key_span(c.source, &[key]).map(|span| (span, key)))
        .min_by_key(|(span, _)| span.start);
    if let Some((span, key)) = written {
        return Err(c.at(
            span,
            Check::NotInAppendixFile {
                key: key.to_string(),
            },
            Check::AppendixFileHasNoBody,
        ));
    }
    let Some(van_ban) = &record.van_ban else {
        return Err(missing_key(c, "van_ban", 0..0));
    };
    if *van_ban.get_ref() == Kind::PhuLuc {
        return Err(c.at(
            van_ban.span(),
            Check::AppendixOfAppendix,
            Check::NameTheDocumentKind,
        ));
    }
    if record.phu_luc.is_empty() {
        return Err(c.at(
            key_span(c.source, &["loai"]).unwrap_or(0..0),
            Check::NoAppendixTable,
            Check::AddAppendixTable,
        ));
    }
    Ok(())
}

/// Where the key at `path` is written (its name, or its `[table]` header), to point at a key
/// that should not be there. Only read on the way to an error.
fn key_span(source: &str, path: &[&str]) -> Option<Range<usize>> {
    let document = toml_edit::Document::parse(source).ok()?;
    let (last, parents) = path.split_last()?;
    let mut table = document.as_table();
    for part in parents {
        table = table.get(part)?.as_table()?;
    }
    table.key(last)?.span()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    const APPENDIX: &str = "loai = \"phu-luc\"\nvan_ban = \"ke-hoach\"\nso = 18\nngay = 2021-03-19\n\
        [co_quan]\nten = \"Ủy ban nhân dân tỉnh Hà Tĩnh\"\nviet_tat = \"UBND\"\nten_ngan = \"UBND tỉnh\"\n\
        [[phu_luc]]\ntieu_de = \"Nhiệm vụ\"\nmau = \"nhiem-vu\"\n";

    fn error(source: &str) -> crate::error::Diagnostic {
        crate::record::parse(Path::new("p.toml"), source)
            .unwrap_err()
            .diagnostic()
    }

    #[test]
    fn an_appendix_file_needs_no_body_signer_or_place() {
        let loaded = crate::record::parse(Path::new("p.toml"), APPENDIX).unwrap();
        assert_eq!(loaded.kind, super::Kind::PhuLuc);
    }

    #[test]
    fn a_signer_or_body_in_an_appendix_file_is_refused_at_its_key() {
        let d = error(&format!("{APPENDIX}[nguoi_ky]\nho_ten = \"A\"\n"));
        assert_eq!(d.code, "E0143");
        assert_eq!((d.line, d.column), (Some(12), Some(2)), "{}", d.message);
        assert!(d.message.contains("nguoi_ky"), "{}", d.message);
        let with_body = APPENDIX.replace("so = 18\n", "so = 18\nmo_dau = [\"x\"]\n");
        let d = error(&with_body);
        assert_eq!((d.line, d.message.contains("mo_dau")), (Some(4), true));
    }

    #[test]
    fn an_appendix_file_names_its_document_and_has_a_table() {
        let d = error(&APPENDIX.replace("van_ban = \"ke-hoach\"\n", ""));
        assert_eq!(d.message, "missing key `van_ban`");
        let d = error(&APPENDIX.replace("\"ke-hoach\"", "\"phu-luc\""));
        assert_eq!((d.code, d.line), ("E0145", Some(2)));
        let d = error(APPENDIX.split("[[phu_luc]]").next().unwrap());
        assert_eq!((d.code, d.line), ("E0144", Some(1)));
    }

    #[test]
    fn a_document_still_needs_its_signer_and_may_not_name_a_document_kind() {
        let plan = "loai = \"ke-hoach\"\nnam = 2021\ntrich_yeu = \"X\"\n[co_quan]\nten = \"S\"\n\
                    viet_tat = \"S\"\ndia_danh = \"H\"\n[noi_nhan]\nluu = \"VT\"\n";
        let d = error(plan);
        assert_eq!(d.message, "missing key `nguoi_ky`");
        assert_eq!((d.line, d.column), (Some(1), Some(1)));
        let d = error(
            &plan
                .replace("dia_danh = \"H\"\n", "")
                .replace("[noi_nhan]", "[nguoi_ky]\nho_ten = \"A\"\n[noi_nhan]"),
        );
        assert_eq!(
            (d.message.as_str(), d.line),
            ("missing key `dia_danh`", Some(4))
        );
        let d = error(&plan.replace("nam = 2021", "nam = 2021\nvan_ban = \"ke-hoach\""));
        assert_eq!((d.code, d.line), ("E0146", Some(3)));
    }
}
