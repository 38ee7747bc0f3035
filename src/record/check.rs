//! Checks of a parsed record that serde cannot make: signer prefixes, one key per marked
//! block, section depth, criterion codes and scores, progress entries, appendix presets and
//! columns. Errors and warnings point at the offending value's line through its span.

use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;

use super::date::calendar_date;
use super::{Criterion, Progress, Record, Section, Text};
use crate::error::{Error, Location, Warning};
use crate::messages::{Check, Message};

/// The record's file and text, to turn spans into places.
pub(super) struct Checker<'a> {
    pub path: &'a Path,
    pub source: &'a str,
}

impl Checker<'_> {
    pub(super) fn at(&self, span: Range<usize>, message: Check, help: impl Into<Message>) -> Error {
        Error::located(Location::from_span(self.path, self.source, span), message).help(help)
    }

    /// For values without a span of their own (inside untagged body blocks).
    fn file(&self, message: Check, help: Check) -> Error {
        Error::about(self.path, message).help(help)
    }
}

/// Runs every check; returns the warnings when nothing is wrong enough to stop.
pub(super) fn check(
    c: &Checker<'_>,
    record: &Record,
    kind: super::Kind,
) -> Result<Vec<Warning>, Error> {
    super::form::check_form(c, record, kind)?;
    check_blank_texts(c, record)?;
    check_signer(c, record)?;
    for section in &record.phan {
        check_section(c, section, 1)?;
    }
    check_criteria(c, record)?;
    check_appendices(c, record)?;
    let mut warnings = typed_totals(c, record);
    warnings.extend(deputy_signing_alone(c, record));
    Ok(warnings)
}

/// A signer whose title is a deputy's ("Phó Giám đốc") signs for the head, "KT. GIÁM ĐỐC"
/// above their own title (nd30.md §4.10; a deputy put in charge too): without `quyen_han`
/// the block shows the deputy's title alone. A warning, not an error: the record says who
/// signs, and vanban cannot know every arrangement.
fn deputy_signing_alone(c: &Checker<'_>, record: &Record) -> Option<Warning> {
    let signer = record.nguoi_ky.as_ref()?;
    if signer.quyen_han.is_some() {
        return None;
    }
    let title = signer.chuc_vu.as_ref()?.to_string();
    let head = deputy_of(&title)?;
    let span = value_span(c.source, "nguoi_ky.chuc_vu").unwrap_or(0..0);
    Some(Warning {
        location: Location::from_span(c.path, c.source, span),
        message: Check::DeputySignsAlone {
            title,
            line: crate::text::upper(&head),
            head,
        }
        .into(),
    })
}

/// The head's title of a deputy's ("Phó Chủ tịch" → "Chủ tịch", "phó giám đốc" →
/// "Giám đốc"); `None` for any other title.
fn deputy_of(title: &str) -> Option<String> {
    let (first, rest) = title.trim().split_once(char::is_whitespace)?;
    if crate::text::upper(first) != "PHÓ" {
        return None;
    }
    let rest = rest.trim_start();
    let mut letters = rest.chars();
    let initial = letters.next()?;
    Some(initial.to_uppercase().chain(letters).collect())
}

/// Text every document prints (trích yếu, the body's name and place, the signer's name, each
/// criterion's name) may not be blank: spaces alone would render an empty line silently.
fn check_blank_texts(c: &Checker<'_>, record: &Record) -> Result<(), Error> {
    // A Phụ lục file has no trích yếu, place or signer (`form`); what is written is checked.
    let head = [
        ("trich_yeu", record.trich_yeu.as_ref()),
        ("co_quan.ten", Some(&record.co_quan.ten)),
        ("co_quan.dia_danh", record.co_quan.dia_danh.as_ref()),
        (
            "nguoi_ky.ho_ten",
            record.nguoi_ky.as_ref().map(|s| &s.ho_ten),
        ),
    ];
    let mut texts: Vec<(String, &Text)> = head
        .into_iter()
        .filter_map(|(key, text)| text.map(|t| (key.to_string(), t)))
        .collect();
    for (i, criterion) in record.tieu_chi.iter().enumerate() {
        texts.push((format!("tieu_chi.{i}.ten"), &criterion.ten));
    }
    let Some((key, _)) = texts.into_iter().find(|(_, text)| text.is_blank()) else {
        return Ok(());
    };
    let shown = key.split('.').filter(|part| part.parse::<usize>().is_err());
    let shown: Vec<&str> = shown.collect();
    let message = Check::BlankText {
        key: shown.join("."),
    };
    let help = Check::WriteTextOrRemove;
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
    let Some(signer) = &record.nguoi_ky else {
        return Ok(());
    };
    if let Some(prefix) = &signer.quyen_han {
        if signer.chuc_vu_thu_truong.is_none() {
            return Err(c.at(
                prefix.span(),
                Check::NeedsHeadTitle {
                    prefix: prefix.get_ref().code().to_string(),
                },
                Check::AddHeadTitle,
            ));
        }
    } else if let Some(head) = &signer.chuc_vu_thu_truong {
        return Err(c.at(head.span(), Check::HeadTitleAlone, Check::AddAuthority));
    }
    Ok(())
}

fn check_section(c: &Checker<'_>, section: &Section, depth: usize) -> Result<(), Error> {
    if depth > 3 {
        return Err(c.file(Check::TooDeep, Check::UsePoints));
    }
    if section.tieu_de.is_none() && section.noi_dung.is_empty() {
        return Err(c.file(Check::EmptySection, Check::GiveSectionContent));
    }
    for child in &section.muc {
        check_section(c, child, depth + 1)?;
    }
    Ok(())
}

fn check_progress(c: &Checker<'_>, entries: &[Progress]) -> Result<(), Error> {
    for entry in entries {
        if let Some(ngay) = &entry.ngay {
            if calendar_date(ngay).is_none() {
                return Err(c.at(
                    ngay.span(),
                    Check::NotCalendarDate {
                        text: ngay.get_ref().to_string(),
                    },
                    Check::WriteDate,
                ));
            }
        }
        if entry.trang_thai.is_none() && entry.noi_dung.as_ref().is_none_or(|t| t.is_blank()) {
            let (message, help) = (Check::EmptyProgress, Check::WriteProgress);
            return Err(match &entry.ngay {
                Some(ngay) => c.at(ngay.span(), message, help),
                None => c.file(message, help),
            });
        }
    }
    Ok(())
}

fn check_score(c: &Checker<'_>, criterion: &Criterion) -> Result<(), Error> {
    let max = criterion.diem_toi_da.as_ref();
    if let Some(max) = max {
        let m = max.get_ref().get();
        if !(0.0..=1e6).contains(&m) {
            return Err(c.at(
                max.span(),
                Check::MaximumOutOfRange { maximum: m },
                Check::WriteMaximum,
            ));
        }
    }
    let maximum = max.map_or(1e6, |m| m.get_ref().get());
    if let Some(got) = &criterion.diem_dat {
        let g = got.get_ref().get();
        if !(0.0..=maximum).contains(&g) {
            return Err(c.at(
                got.span(),
                Check::AssessedOutOfRange {
                    assessed: g,
                    maximum,
                },
                Check::CheckAssessed,
            ));
        }
    }
    if let Some(lost) = &criterion.diem_mat {
        let l = lost.get_ref().get();
        if !(0.0..=maximum).contains(&l) {
            return Err(c.at(
                lost.span(),
                Check::LostOutOfRange { lost: l, maximum },
                Check::CheckLost,
            ));
        }
    }
    Ok(())
}

/// A sub-criterion shares a cell with the one above only where there is one, only in a
/// column that holds its own values, and only when it does not write that value too.
fn check_shared(c: &Checker<'_>, criterion: &Criterion) -> Result<(), Error> {
    use super::ColumnKey as K;
    for (n, sub) in criterion.con.iter().enumerate() {
        for key in &sub.nhu_tren {
            let column = key.get_ref().code().to_string();
            let written = match key.get_ref() {
                K::Solution => !sub.giai_phap.is_empty(),
                K::Lead => sub.chu_tri.is_some(),
                K::Support => sub.phoi_hop.is_some(),
                K::Deadline => sub.thoi_gian.is_some(),
                K::Progress => !sub.tien_do.is_empty(),
                K::Note => sub.ghi_chu.is_some(),
                _ => {
                    let shareable = [
                        K::Solution,
                        K::Lead,
                        K::Support,
                        K::Deadline,
                        K::Progress,
                        K::Note,
                    ];
                    return Err(c.at(
                        key.span(),
                        Check::NotShareable { column },
                        super::vocab::one_of(shareable.iter().map(|k| k.code())),
                    ));
                }
            };
            if n == 0 {
                return Err(c.at(
                    key.span(),
                    Check::SharedOnFirst { column },
                    Check::WriteOnFirst,
                ));
            }
            if written {
                return Err(c.at(
                    key.span(),
                    Check::SharedAndWritten { column },
                    Check::KeepOne,
                ));
            }
        }
    }
    Ok(())
}

/// A criterion without a code sits at most one level below the one before it; its `cap` is
/// a level (1, 2, …).
fn check_levels(c: &Checker<'_>, criteria: &[Criterion]) -> Result<(), Error> {
    let levels = super::tree::levels(criteria);
    for (i, criterion) in criteria.iter().enumerate() {
        let Some(cap) = &criterion.cap else { continue };
        let level = *cap.get_ref();
        if !(1..=20).contains(&level) {
            return Err(c.at(
                cap.span(),
                Check::LevelOutOfRange { level },
                Check::WriteLevel,
            ));
        }
        let previous = if i == 0 { 0 } else { levels[i - 1] };
        if criterion.ma.is_none() && levels[i] > previous + 1 {
            return Err(c.at(
                cap.span(),
                Check::LevelSkipped { level, previous },
                Check::NoLevelSkip,
            ));
        }
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
                    Check::DuplicateCode {
                        code: code.get_ref().to_string(),
                    },
                    Check::UniqueCodes,
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
        check_shared(c, criterion)?;
    }
    check_levels(c, &record.tieu_chi)?;
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
                Check::NotCalendarDate {
                    text: date.get_ref().to_string(),
                },
                Check::WriteDate,
            ));
        }
    }
    Ok(())
}

fn check_appendices(c: &Checker<'_>, record: &Record) -> Result<(), Error> {
    for appendix in &record.phu_luc {
        let preset = *appendix.mau.get_ref();
        for column in &appendix.cot {
            let key = *column.khoa.get_ref();
            if !preset.allows(key) {
                let keys = preset
                    .default_columns()
                    .iter()
                    .chain(preset.other_columns());
                return Err(c.at(
                    column.khoa.span(),
                    Check::ColumnNotInPreset {
                        column: key.code().to_string(),
                        preset: preset.code().to_string(),
                    },
                    super::vocab::one_of(keys.map(|k| k.code())),
                ));
            }
        }
        if let Some(so) = &appendix.so {
            if !(1..=50).contains(so.get_ref()) {
                return Err(c.at(
                    so.span(),
                    Check::AppendixNumberOutOfRange {
                        number: *so.get_ref(),
                    },
                    Check::NumberAppendixFromOne,
                ));
            }
        }
        if let Some(date) = &appendix.tinh_den {
            if calendar_date(date).is_none() {
                return Err(c.at(
                    date.span(),
                    Check::NotCalendarDate {
                        text: date.get_ref().to_string(),
                    },
                    Check::WriteDate,
                ));
            }
        }
    }
    Ok(())
}

/// Every typed figure that disagrees with what the other typed figures give, and every
/// group that shows no points for want of a figure or of `day_du`, gets a warning at its
/// place; the tables show the figures as typed.
fn typed_totals(c: &Checker<'_>, record: &Record) -> Vec<Warning> {
    super::Scores::of(record)
        .disagreements(record)
        .into_iter()
        .map(|(i, span, message)| {
            let span = span
                .or_else(|| value_span(c.source, &format!("tieu_chi.{i}.ten")))
                .unwrap_or(0..0);
            Warning {
                location: Location::from_span(c.path, c.source, span),
                message: message.into(),
            }
        })
        .collect()
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
    fn a_deputys_title_names_the_head_it_signs_for() {
        assert_eq!(deputy_of("Phó Chủ tịch").as_deref(), Some("Chủ tịch"));
        assert_eq!(
            deputy_of(" phó  giám đốc Sở").as_deref(),
            Some("Giám đốc Sở")
        );
        assert_eq!(
            deputy_of("PHÓ TRƯỞNG PHÒNG").as_deref(),
            Some("TRƯỞNG PHÒNG")
        );
        for title in ["Chủ tịch", "Giám đốc", "Phó", "Phòng Nội vụ", "Phóng viên"] {
            assert_eq!(deputy_of(title), None, "{title}");
        }
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
    fn a_shared_cell_needs_a_row_above_and_no_value_of_its_own() {
        let base = "loai = \"ke-hoach\"\nnam = 2021\ntrich_yeu = \"X\"\n[co_quan]\nten = \"S\"\n\
                    viet_tat = \"S\"\ndia_danh = \"H\"\n[nguoi_ky]\nho_ten = \"A\"\n[noi_nhan]\n\
                    luu = \"VT\"\n[[tieu_chi]]\nten = \"Một\"\n[[tieu_chi.con]]\nten = \"a\"\n\
                    giai_phap = [\"g\"]\n[[tieu_chi.con]]\nten = \"b\"\n";
        assert!(crate::record::parse(Path::new("r.toml"), base).is_ok());
        let shared = format!("{base}nhu_tren = [\"giai_phap\"]\n");
        assert!(crate::record::parse(Path::new("r.toml"), &shared).is_ok());
        let d = blank_error(&format!("{shared}giai_phap = [\"h\"]\n"));
        assert_eq!(
            d.message,
            "`giai_phap` is shared with the row above (nhu_tren) and also written here"
        );
        let d = blank_error(&base.replace("giai_phap = [\"g\"]", "nhu_tren = [\"thoi_gian\"]"));
        assert_eq!(
            d.message,
            "the first sub-criterion has no row above to share `thoi_gian` with"
        );
        assert_eq!((d.line, d.column), (Some(16), Some(13)));
        let d = blank_error(&format!("{base}nhu_tren = [\"ten\"]\n"));
        assert_eq!(d.message, "`ten` cannot be shared with the row above");
    }

    #[test]
    fn a_figure_typed_as_text_is_a_number_or_a_clear_error() {
        let base = "loai = \"ke-hoach\"\nnam = 2021\ntrich_yeu = \"X\"\n[co_quan]\nten = \"S\"\n\
                    viet_tat = \"S\"\ndia_danh = \"H\"\n[nguoi_ky]\nho_ten = \"A\"\n[noi_nhan]\n\
                    luu = \"VT\"\n[[tieu_chi]]\nten = \"Một\"\ndiem_toi_da = 1\n";
        let ok = crate::record::parse(Path::new("r.toml"), &format!("{base}diem_mat = \"0,5\"\n"));
        let lost = ok.unwrap().record.tieu_chi[0]
            .diem_mat
            .as_ref()
            .unwrap()
            .get_ref()
            .get();
        assert!((lost - 0.5).abs() < 1e-9);
        let d = blank_error(&format!("{base}diem_mat = \"nửa\"\n"));
        assert_eq!(d.message, "`nửa` is not a number");
        assert_eq!((d.line, d.column), (Some(15), Some(12)));
        assert!(d.help.unwrap().contains("\"0,5\""));
        let d = blank_error(&format!("{base}diem_mat = 2\n"));
        assert_eq!(
            d.message,
            "lost points 2 are not between 0 and the maximum 1"
        );
    }
}
