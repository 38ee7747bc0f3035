//! Checks of a parsed record that serde cannot make: signer prefixes, one key per marked
//! block, section depth, criterion codes and scores, progress entries, appendix presets and
//! columns. Errors and warnings point at the offending value's line through its span.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

use super::load::calendar_date;
use super::{Criterion, Progress, Record, Section};
use crate::error::{Error, Location, Warning};
use crate::text::Decimal;

/// The block generators a record may ask for with `{ chen = "…" }`.
pub const INSERTIONS: [&str; 2] = ["bang-diem", "khac-phuc"];

/// The progress statuses a record may use.
pub const STATUSES: [&str; 4] = [
    "hoan-thanh",
    "dang-thuc-hien",
    "chua-thuc-hien",
    "khong-the-thuc-hien",
];

/// Appendix presets and the column keys each may use.
pub const PRESETS: [(&str, &[&str]); 3] = [
    (
        "nhiem-vu",
        &[
            "stt",
            "ten",
            "san_pham",
            "chu_tri",
            "phoi_hop",
            "thoi_gian",
            "ket_qua",
            "tien_do",
            "ghi_chu",
        ],
    ),
    (
        "tien-do",
        &[
            "stt",
            "ma",
            "ten",
            "giai_phap",
            "chu_tri",
            "phoi_hop",
            "thoi_gian",
            "tien_do",
            "ghi_chu",
        ],
    ),
    (
        "diem",
        &[
            "stt",
            "ma",
            "ten",
            "diem_toi_da",
            "diem_dat",
            "diem_mat",
            "giai_phap",
            "chu_tri",
            "phoi_hop",
            "thoi_gian",
            "tien_do",
            "ghi_chu",
        ],
    ),
];

/// The record's file and text, to turn spans into places.
pub struct Checker<'a> {
    pub path: &'a Path,
    pub source: &'a str,
}

impl Checker<'_> {
    fn at(&self, span: Range<usize>, message: String, help: &str) -> Error {
        Error::at(
            Location::from_span(self.path, self.source, span),
            message,
            Some(help.to_string()),
        )
    }

    /// For values without a span of their own (inside untagged body blocks).
    fn file(&self, message: String, help: &str) -> Error {
        Error::file(self.path, message, Some(help.to_string()))
    }
}

/// Runs every check; returns the warnings when nothing is wrong enough to stop.
pub fn check(c: &Checker<'_>, record: &Record) -> Result<Vec<Warning>, Error> {
    check_blank_texts(c, record)?;
    check_signer(c, record)?;
    for section in &record.phan {
        check_section(c, section, 1)?;
    }
    check_criteria(c, record)?;
    check_appendices(c, record)?;
    Ok(typed_totals(c, record))
}

/// Text every document prints (trích yếu, the body's name and place, the signer's name, each
/// criterion's name) may not be blank: spaces alone would render an empty line silently.
fn check_blank_texts(c: &Checker<'_>, record: &Record) -> Result<(), Error> {
    let mut texts: Vec<(String, &str)> = vec![
        ("trich_yeu".into(), record.trich_yeu.as_str()),
        ("co_quan.ten".into(), record.co_quan.ten.as_str()),
        ("co_quan.dia_danh".into(), record.co_quan.dia_danh.as_str()),
        ("nguoi_ky.ho_ten".into(), record.nguoi_ky.ho_ten.as_str()),
    ];
    for (i, criterion) in record.tieu_chi.iter().enumerate() {
        texts.push((format!("tieu_chi.{i}.ten"), criterion.ten.as_str()));
    }
    let Some((key, _)) = texts.into_iter().find(|(_, text)| text.trim().is_empty()) else {
        return Ok(());
    };
    let shown = key.split('.').filter(|part| part.parse::<usize>().is_err());
    let shown: Vec<&str> = shown.collect();
    let message = format!("`{}` is blank", shown.join("."));
    let help = "write the text, or remove the key if it may be left out";
    match value_span(c.source, &key) {
        Some(span) => Err(c.at(span, message, help)),
        None => Err(c.file(message, help)),
    }
}

/// The span of the value at a dotted key path ("tieu_chi.3.ten": the fourth criterion's name).
fn value_span(source: &str, path: &str) -> Option<Range<usize>> {
    let document = toml_edit::Document::parse(source).ok()?;
    let mut item = document.as_item();
    for part in path.split('.') {
        item = match part.parse::<usize>() {
            Ok(index) => item.get(index)?,
            Err(_) => item.get(part)?,
        };
    }
    item.span()
}

fn check_signer(c: &Checker<'_>, record: &Record) -> Result<(), Error> {
    let signer = &record.nguoi_ky;
    if let Some(prefix) = &signer.quyen_han {
        if !["KT.", "TL.", "TUQ.", "Q."].contains(&prefix.get_ref().as_str()) {
            return Err(c.at(
                prefix.span(),
                format!("unknown signing authority `{}`", prefix.get_ref()),
                "use \"KT.\", \"TL.\", \"TUQ.\" or \"Q.\"; for \"TM.\" write thay_mat = \"<collective>\"",
            ));
        }
        if signer.chuc_vu_thu_truong.is_none() {
            return Err(c.at(
                prefix.span(),
                format!("`{}` needs the head's title it signs for", prefix.get_ref()),
                "add chuc_vu_thu_truong, e.g. \"Giám đốc\"",
            ));
        }
    } else if let Some(head) = &signer.chuc_vu_thu_truong {
        return Err(c.at(
            head.span(),
            "`chuc_vu_thu_truong` is only used with `quyen_han`".into(),
            "add quyen_han = \"KT.\" (or TL., TUQ., Q.), or move the title to chuc_vu",
        ));
    }
    Ok(())
}

fn check_section(c: &Checker<'_>, section: &Section, depth: usize) -> Result<(), Error> {
    if depth > 3 {
        return Err(c.file(
            "sections nest at most three deep (I. → 1. → a))".into(),
            "use \"-\" and \"+\" points below a) instead of another `muc`",
        ));
    }
    if section.tieu_de.is_none() && section.noi_dung.is_empty() {
        return Err(c.file(
            "a section has neither `tieu_de` nor `noi_dung`".into(),
            "give the section a title or some content",
        ));
    }
    for child in &section.muc {
        check_section(c, child, depth + 1)?;
    }
    Ok(())
}

fn check_progress(c: &Checker<'_>, entries: &[Progress]) -> Result<(), Error> {
    for entry in entries {
        if calendar_date(&entry.ngay).is_none() {
            return Err(c.at(
                entry.ngay.span(),
                format!("`{}` is not a calendar date", entry.ngay.get_ref()),
                "write the date as YYYY-MM-DD",
            ));
        }
        if !STATUSES.contains(&entry.trang_thai.get_ref().as_str()) {
            return Err(c.at(
                entry.trang_thai.span(),
                format!("unknown progress status `{}`", entry.trang_thai.get_ref()),
                &format!("use one of: {}", STATUSES.join(", ")),
            ));
        }
    }
    Ok(())
}

fn check_score(c: &Checker<'_>, criterion: &Criterion) -> Result<(), Error> {
    match (&criterion.diem_toi_da, &criterion.diem_dat) {
        (Some(max), Some(got)) => {
            let (m, g) = (*max.get_ref(), *got.get_ref());
            if !(0.0..=1e6).contains(&m) {
                return Err(c.at(
                    max.span(),
                    format!("maximum {m} is out of range"),
                    "write the framework's maximum points",
                ));
            }
            if !(0.0..=m).contains(&g) {
                return Err(c.at(
                    got.span(),
                    format!("assessed {g} is not between 0 and the maximum {m}"),
                    "check the assessed points",
                ));
            }
        }
        (Some(one), None) | (None, Some(one)) => {
            return Err(c.at(
                one.span(),
                format!(
                    "criterion `{}` has only one of diem_toi_da and diem_dat",
                    criterion.ten
                ),
                "give both the maximum and the assessed points, or neither",
            ));
        }
        (None, None) => {}
    }
    Ok(())
}

fn check_criteria(c: &Checker<'_>, record: &Record) -> Result<(), Error> {
    let mut seen = HashSet::new();
    for criterion in &record.tieu_chi {
        if let Some(code) = &criterion.ma {
            if !seen.insert(code.get_ref().as_str()) {
                return Err(c.at(
                    code.span(),
                    format!("criterion code `{}` appears twice", code.get_ref()),
                    "each criterion code must be unique; renumber one of them",
                ));
            }
        }
        check_score(c, criterion)?;
        if let Some(remedy) = &criterion.khac_phuc {
            check_progress(c, &remedy.tien_do)?;
        }
        for sub in &criterion.con {
            check_progress(c, &sub.tien_do)?;
        }
    }
    for task in record.nhom.iter().flat_map(|g| &g.nhiem_vu) {
        check_progress(c, &task.tien_do)?;
    }
    for date in [&record.tinh_den, &record.thay_doi_tu]
        .into_iter()
        .flatten()
    {
        if calendar_date(date).is_none() {
            return Err(c.at(
                date.span(),
                format!("`{}` is not a calendar date", date.get_ref()),
                "write the date as YYYY-MM-DD",
            ));
        }
    }
    Ok(())
}

fn check_appendices(c: &Checker<'_>, record: &Record) -> Result<(), Error> {
    for appendix in &record.phu_luc {
        let preset = appendix.mau.get_ref().as_str();
        let Some((_, keys)) = PRESETS.iter().find(|(name, _)| *name == preset) else {
            let names: Vec<&str> = PRESETS.iter().map(|p| p.0).collect();
            return Err(c.at(
                appendix.mau.span(),
                format!("unknown appendix preset `{preset}`"),
                &format!("use one of: {}", names.join(", ")),
            ));
        };
        for column in &appendix.cot {
            if !keys.contains(&column.khoa.get_ref().as_str()) {
                return Err(c.at(
                    column.khoa.span(),
                    format!(
                        "column `{}` is not available in a `{preset}` appendix",
                        column.khoa.get_ref()
                    ),
                    &format!("use one of: {}", keys.join(", ")),
                ));
            }
        }
        if let Some(h) = &appendix.huong {
            if !["doc", "ngang", "tu-dong"].contains(&h.get_ref().as_str()) {
                return Err(c.at(
                    h.span(),
                    format!("unknown orientation `{}`", h.get_ref()),
                    "use \"doc\", \"ngang\" or \"tu-dong\"",
                ));
            }
        }
        if let Some(date) = &appendix.tinh_den {
            if calendar_date(date).is_none() {
                return Err(c.at(
                    date.span(),
                    format!("`{}` is not a calendar date", date.get_ref()),
                    "write the date as YYYY-MM-DD",
                ));
            }
        }
    }
    Ok(())
}

/// For each criterion, the index of its parent: the nearest earlier criterion whose code is a
/// prefix of its own followed by "." ("3.2" is the parent of "3.2.1").
///
/// Linear in the number of criteria: the candidates are the prefixes of a code that end just
/// before one of its dots, looked up among the codes seen so far (the last one wins, being
/// the nearest), and only at lengths some earlier code has.
pub fn code_parents(codes: &[Option<&str>]) -> Vec<Option<usize>> {
    let mut last: HashMap<&str, usize> = HashMap::new();
    let mut lengths: HashSet<usize> = HashSet::new();
    let mut parents = Vec::with_capacity(codes.len());
    for (i, code) in codes.iter().enumerate() {
        let parent = code.and_then(|code| {
            code.match_indices('.')
                .filter(|(dot, _)| lengths.contains(dot))
                .filter_map(|(dot, _)| last.get(&code[..dot]).copied())
                .max()
        });
        parents.push(parent);
        if let Some(code) = code {
            last.insert(code, i);
            lengths.insert(code.len());
        }
    }
    parents
}

/// Effective (maximum, assessed) of each criterion: the sum of its children when they are
/// scored, otherwise its own typed points.
pub fn effective_scores(record: &Record) -> Vec<Option<(Decimal, Decimal)>> {
    let codes: Vec<Option<&str>> = record.tieu_chi.iter().map(|t| t.code()).collect();
    let parents = code_parents(&codes);
    let typed = |c: &Criterion| {
        Some((
            Decimal::from_f64(*c.diem_toi_da.as_ref()?.get_ref()),
            Decimal::from_f64(*c.diem_dat.as_ref()?.get_ref()),
        ))
    };
    let mut scores: Vec<Option<(Decimal, Decimal)>> = vec![None; record.tieu_chi.len()];
    // The scored children's sums, filled in as each child is finished.
    let mut sums: Vec<Option<(Decimal, Decimal)>> = vec![None; record.tieu_chi.len()];
    // Children always come after their parent, so walking backwards finishes children first.
    for i in (0..record.tieu_chi.len()).rev() {
        scores[i] = sums[i].or_else(|| typed(&record.tieu_chi[i]));
        if let (Some(parent), Some((max, got))) = (parents[i], scores[i]) {
            let (m, g) = sums[parent].unwrap_or_default();
            sums[parent] = Some((m + max, g + got));
        }
    }
    scores
}

/// A group criterion whose typed points disagree with the sum of its parts gets a warning;
/// the tables show the computed sum.
fn typed_totals(c: &Checker<'_>, record: &Record) -> Vec<Warning> {
    let codes: Vec<Option<&str>> = record.tieu_chi.iter().map(|t| t.code()).collect();
    let parents = code_parents(&codes);
    let scores = effective_scores(record);
    let mut has_parts = vec![false; parents.len()];
    for parent in parents.iter().flatten() {
        has_parts[*parent] = true;
    }
    let mut warnings = Vec::new();
    for (i, criterion) in record.tieu_chi.iter().enumerate() {
        let has_parts = has_parts[i];
        let (true, Some((max, got))) = (has_parts, scores[i]) else {
            continue;
        };
        for (typed, sum, label) in [
            (&criterion.diem_toi_da, max, "maximum"),
            (&criterion.diem_dat, got, "assessed points"),
        ] {
            let Some(typed) = typed else { continue };
            let typed_value = Decimal::from_f64(*typed.get_ref());
            if typed_value != sum {
                warnings.push(Warning {
                    location: Location::from_span(c.path, c.source, typed.span()),
                    message: format!(
                        "criterion `{}` types {label} {} but its parts add up to {}; the tables show {}",
                        criterion.code().unwrap_or(&criterion.ten),
                        typed_value.vi(),
                        sum.vi(),
                        sum.vi()
                    ),
                });
            }
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blank_error(source: &str) -> crate::error::Diagnostic {
        crate::record::parse(Path::new("r.toml"), source)
            .unwrap_err()
            .diagnostic()
    }

    #[test]
    fn blank_mandatory_text_is_refused_where_it_is_written() {
        let record = "loai = \"ke-hoach\"\nnam = 2021\ntrich_yeu = \"X\"\n[co_quan]\nten = \"S\"\n\
                      viet_tat = \"S\"\ndia_danh = \"H\"\n[nguoi_ky]\nho_ten = \"A\"\n[noi_nhan]\n\
                      luu = \"VT\"\n[[tieu_chi]]\nten = \"Một\"\n[[tieu_chi]]\nten = \"Hai\"\n";
        assert!(crate::record::parse(Path::new("r.toml"), record).is_ok());
        let d = blank_error(&record.replace("\"X\"", "\"  \""));
        assert_eq!((d.line, d.column), (Some(3), Some(13)));
        assert_eq!(d.message, "`trich_yeu` is blank");
        let d = blank_error(&record.replace("\"Hai\"", "\" \\t \""));
        assert_eq!((d.line, d.column), (Some(15), Some(7)));
        assert_eq!(d.message, "`tieu_chi.ten` is blank");
    }

    #[test]
    fn parents_follow_codes() {
        let codes = [
            Some("1"),
            Some("1.2"),
            Some("1.5"),
            Some("3"),
            Some("3.2"),
            Some("3.2.1"),
            Some("10"),
            None,
        ];
        assert_eq!(
            code_parents(&codes),
            [None, Some(0), Some(0), None, Some(3), Some(4), None, None]
        );
    }

    /// The definition, scanning backwards from each criterion: what `code_parents` must match.
    fn nearest_prefix(codes: &[Option<&str>]) -> Vec<Option<usize>> {
        (0..codes.len())
            .map(|i| {
                let code = codes[i]?;
                (0..i).rev().find(|&j| {
                    codes[j]
                        .is_some_and(|p| code.starts_with(p) && code[p.len()..].starts_with('.'))
                })
            })
            .collect()
    }

    #[test]
    fn parents_match_the_definition_on_odd_codes() {
        let codes = [
            Some("1"),
            Some(""),
            Some(".5"),
            Some("1."),
            Some("1..2"),
            Some("1.2"),
            None,
            Some("1.2.3"),
            Some("1.2.3.4.5"),
            Some("1.2.3.4"),
            Some("2.1"),
            Some("Đ.1"),
            Some("Đ"),
            Some("Đ.1.a"),
        ];
        assert_eq!(code_parents(&codes), nearest_prefix(&codes));
    }

    #[test]
    fn parents_of_a_hundred_thousand_criteria_take_a_moment_not_an_hour() {
        // Top-level codes have no parent: scanning backwards from each would take 5·10⁹ steps.
        let mut owned: Vec<String> = (0..100_000).map(|g| g.to_string()).collect();
        owned.push("5.1".into());
        let codes: Vec<Option<&str>> = owned.iter().map(|c| Some(c.as_str())).collect();
        let started = std::time::Instant::now();
        let parents = code_parents(&codes);
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
        assert_eq!(parents[99_999], None);
        assert_eq!(parents[100_000], Some(5));
    }
}
