//! The record: one TOML file per document, the single source of truth.
//!
//! This module only knows the shape of a record and how to check it; it knows nothing of
//! templates or Word. Keys are Vietnamese without diacritics so a clerk can read them
//! (`trich_yeu`, `nguoi_ky`, `noi_nhan`); every key is documented in README.md.
//! Fields that validation must point at are [`Spanned`] so errors keep their line.

mod check;
mod cleaned;
mod date;
mod explain;
mod figure;
mod form;
mod kind;
mod load;
mod paste;
mod reference;
mod scores;
mod tree;
mod vocab;

pub use cleaned::Text;
pub use date::{DocDate, calendar_date};
pub use figure::Figure;
pub use kind::Kind;
pub use load::{Loaded, decode, from_bytes, load, parse};
pub(crate) use reference::{Named, reference};
pub use scores::{Points, Rank, Scores};
pub use vocab::{
    Authority, ColumnKey, Insertion, NumberColumn, Numbering, Orientation, Preset, SizeSet, Status,
    SubMark,
};

use crate::messages::{Check, Lang};
use serde::Deserialize;
use toml::Spanned;

/// A whole record as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Document kind, e.g. "ke-hoach".
    pub loai: Spanned<Kind>,
    /// Document number; absent for a draft ("Số:      /KH-SNV").
    pub so: Option<Spanned<i64>>,
    /// Signing date; absent for a draft (blank day and month, year kept).
    pub ngay: Option<Spanned<toml::value::Datetime>>,
    /// Year of a draft without a date.
    pub nam: Option<Spanned<i64>>,
    /// Month of a draft without a day (seed 000: "ngày      /6/2021").
    pub thang: Option<Spanned<i64>>,
    /// Trích yếu: what the document is about. Every document has one; a Phụ lục issued as a
    /// file of its own (`loai = "phu-luc"`) has none (`check` says which).
    pub trich_yeu: Option<Text>,
    /// Size set of nd30.md §1: "nho" (12/13/13) or "lon" (13/14/14).
    pub co_chu: Option<Spanned<SizeSet>>,
    /// How sections are numbered: "la-ma" (default), "so" or "thap-phan".
    pub danh_so: Option<Spanned<Numbering>>,
    pub co_quan: Issuer,
    #[serde(default)]
    pub kinh_gui: Vec<Text>,
    #[serde(default)]
    pub can_cu: Vec<Text>,
    /// Opening paragraphs before section I.
    #[serde(default)]
    pub mo_dau: Vec<Content>,
    /// Sections I., II., … each with numbered sub-sections.
    #[serde(default)]
    pub phan: Vec<Section>,
    /// Closing paragraphs after the last section.
    #[serde(default)]
    pub ket_thuc: Vec<Content>,
    /// The signer; every document has one, a Phụ lục file of its own none (it carries the
    /// organisation's digital signature only, nd30.md §7.1 item 8).
    pub nguoi_ky: Option<Signer>,
    /// Nơi nhận; every document has it, a Phụ lục file of its own not.
    pub noi_nhan: Option<Recipients>,
    /// Assessed criteria of the CCHC index, with their remedies.
    #[serde(default)]
    pub tieu_chi: Vec<Criterion>,
    /// Task groups of a yearly plan (seed 004's appendix data).
    #[serde(default)]
    pub nhom: Vec<TaskGroup>,
    /// Appendices (Phụ lục); two or more are numbered I, II, …
    #[serde(default)]
    pub phu_luc: Vec<Appendix>,
    /// For a Báo cáo: the plan it reports on, relative to this record's folder.
    pub ke_hoach: Option<Spanned<String>>,
    /// For a Công văn: the document it sends (e.g. a Báo cáo record), relative to this
    /// record's folder; the letter names it ("gửi kèm theo Báo cáo số …").
    pub kem_theo: Option<Spanned<String>>,
    /// For a Báo cáo: progress is reported as of this date ("số liệu cập nhật đến ngày …").
    pub tinh_den: Option<Spanned<toml::value::Datetime>>,
    /// For a Báo cáo: also list what changed since this date.
    pub thay_doi_tu: Option<Spanned<toml::value::Datetime>>,
    /// For a Phụ lục issued as a file of its own (`loai = "phu-luc"`): the kind of the
    /// document it is attached to; `so`, `ngay` and `co_quan` are that document's.
    pub van_ban: Option<Spanned<Kind>>,
}

impl Record {
    /// Every progress entry of the record, to date them when it is loaded.
    fn progress_entries_mut(&mut self) -> impl Iterator<Item = &mut Progress> {
        let criteria = self.tieu_chi.iter_mut().flat_map(|c| {
            let remedy = c.khac_phuc.iter_mut().flat_map(|k| k.tien_do.iter_mut());
            let subs = c.con.iter_mut().flat_map(|s| s.tien_do.iter_mut());
            remedy.chain(subs)
        });
        let tasks = self
            .nhom
            .iter_mut()
            .flat_map(|g| g.nhiem_vu.iter_mut())
            .flat_map(|t| t.tien_do.iter_mut());
        criteria.chain(tasks)
    }

    /// Gives every progress entry its date: its own, or `document` (the record's date).
    fn date_progress(&mut self, document: DocDate) {
        for entry in self.progress_entries_mut() {
            entry.on = Some(
                entry
                    .ngay
                    .as_ref()
                    .and_then(calendar_date)
                    .unwrap_or(document),
            );
        }
    }

    /// The criteria whose progress is followed (those with a remedy or sub-criteria), with
    /// their index in `tieu_chi`, in the order a progress appendix numbers them 1…n. The
    /// appendix, the report's counts and `vanban progress ITEM` all number from this.
    pub fn followed_criteria(&self) -> impl Iterator<Item = (usize, &Criterion)> {
        self.tieu_chi
            .iter()
            .enumerate()
            .filter(|(_, c)| c.khac_phuc.is_some() || !c.con.is_empty())
    }

    /// Every task as (group index, index in the group, task), in the order tasks are
    /// numbered 1…n across all groups.
    pub fn tasks(&self) -> impl Iterator<Item = (usize, usize, &Task)> {
        self.nhom.iter().enumerate().flat_map(|(g, group)| {
            group
                .nhiem_vu
                .iter()
                .enumerate()
                .map(move |(t, task)| (g, t, task))
        })
    }
}

/// One appendix table: a preset shape or custom columns, over the record's criteria or tasks.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Appendix {
    /// Title, printed upper-case under "Phụ lục".
    pub tieu_de: Text,
    /// The appendix's number among its document's appendices, when this record does not hold
    /// them all: a Phụ lục file that is its document's second writes 2 → "Phụ lục II".
    pub so: Option<Spanned<u32>>,
    /// Preset: "nhiem-vu" (tasks), "tien-do" (progress), "diem" (scores).
    pub mau: Spanned<Preset>,
    /// Columns replacing the preset's, in order.
    #[serde(default)]
    pub cot: Vec<Column>,
    /// "doc" (portrait), "ngang" (landscape) or "tu-dong" (landscape when the columns need it).
    pub huong: Option<Spanned<Orientation>>,
    /// Adds the "(1) (2) (3) …" row under the header.
    #[serde(default)]
    pub danh_so_cot: bool,
    /// Whether a score appendix ends with its Tổng cộng row (default true); in a partial
    /// listing the sum of the listed rows means nothing, so it can be left out.
    pub dong_tong: Option<bool>,
    /// What the TT/STT column shows: "ma" (codes; the default of "diem"), "so" (1, 2, 3 …;
    /// the default of the others) or "trong" (nothing). A criterion's own `stt` wins.
    pub stt: Option<Spanned<NumberColumn>>,
    /// Writes the appendix as a file of its own ("<record>-phu-luc.docx") instead of a section.
    #[serde(default)]
    pub tep_rieng: bool,
    /// Progress is shown as of this date (latest entry on or before it); default: latest.
    pub tinh_den: Option<Spanned<toml::value::Datetime>>,
}

/// A custom appendix column.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// Which value the column shows (see README "Appendix columns").
    pub khoa: Spanned<ColumnKey>,
    /// Heading; defaults to the key's usual heading.
    pub tieu_de: Option<Text>,
    /// A second heading line in italic, e.g. "(Theo Kế hoạch số 102/KH-SNgV ngày 14/02/2022)".
    pub dong_hai: Option<Text>,
    /// Relative width; without it the column is sized to its content. A width too narrow
    /// for a word of the column gets a warning at this value.
    pub rong: Option<Spanned<u32>>,
}

/// The issuing body (ô 2) and where it sits (ô 4).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Issuer {
    /// Parent body, printed regular above the issuing body.
    pub chu_quan: Option<Text>,
    /// Issuing body, printed bold with a short rule.
    pub ten: Text,
    /// Abbreviation used in the ký hiệu ("SNV" in "45/KH-SNV").
    pub viet_tat: Spanned<Text>,
    /// Place name of ô 4 ("Hà Tĩnh"); every document prints it, a Phụ lục file of its own not.
    pub dia_danh: Option<Text>,
    /// The name the "(Kèm theo … của …)" line of an appendix ends with, when it is shorter than
    /// `ten` ("UBND tỉnh" for "Ủy ban nhân dân tỉnh Hà Tĩnh"); default `ten`.
    pub ten_ngan: Option<Text>,
}

/// One block of body text. A plain string is a paragraph; a one-key table is a point, a note
/// or a generated block: `{ "-" = "…" }`, `{ "+" = "…" }`, `{ ghi_chu = "…" }`,
/// `{ chen = "bang-diem" }`. Read by hand (not an untagged enum) so that a wrong block gets a
/// message that says what to write, at its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    Paragraph(Text),
    Dash(Text),
    Plus(Text),
    /// A centred italic note, e.g. "(Có Phụ lục kèm theo)".
    Note(Text),
    /// A block the template generates from data.
    Insert(Insertion),
}

impl<'de> Deserialize<'de> for Content {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ContentVisitor)
    }
}

struct ContentVisitor;

impl<'de> serde::de::Visitor<'de> for ContentVisitor {
    type Value = Content;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // serde puts this after "expected"; explain.rs knows it as Check::ExpectedBlock.
        f.write_str(&Check::ExpectedBlock.text(Lang::En))
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Content, E> {
        Ok(Content::Paragraph(Text::new(text)))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Content, A::Error> {
        let Some((key, value)) = map.next_entry::<String, String>()? else {
            return Err(explain::refuse(Check::EmptyBlock, Check::FixTomlHere));
        };
        if map.next_key::<String>()?.is_some() {
            return Err(explain::refuse(Check::BlockWithTwoKeys, Check::FixTomlHere));
        }
        match key.as_str() {
            "-" => Ok(Content::Dash(Text::new(&value))),
            "+" => Ok(Content::Plus(Text::new(&value))),
            "ghi_chu" => Ok(Content::Note(Text::new(&value))),
            "chen" => Insertion::parse(&value)
                .map(Content::Insert)
                .ok_or_else(|| explain::refuse(Insertion::unknown(&value), Insertion::help())),
            other => Err(explain::refuse(
                Check::UnknownBlockKey {
                    key: other.to_string(),
                },
                Check::FixTomlHere,
            )),
        }
    }
}

/// A numbered section: level 1 prints "I. TITLE", level 2 "1. Title", level 3 "a) Title".
/// A section without `tieu_de` is a khoản without a title: its number leads its first paragraph.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub tieu_de: Option<Text>,
    #[serde(default)]
    pub noi_dung: Vec<Content>,
    #[serde(default)]
    pub muc: Vec<Section>,
}

/// The signer (ô 7a/7b): `TM. <thay_mat>` / `<quyen_han> <chuc_vu_thu_truong>` / `<chuc_vu>`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    /// Collective signed for ("Ủy ban nhân dân") → "TM. ỦY BAN NHÂN DÂN".
    pub thay_mat: Option<Text>,
    /// "KT.", "TL.", "TUQ." or "Q." before the head's title.
    pub quyen_han: Option<Spanned<Authority>>,
    /// The head's title that `quyen_han` applies to ("Giám đốc", "Chủ tịch").
    pub chuc_vu_thu_truong: Option<Spanned<Text>>,
    /// The signer's own title ("Phó Giám đốc").
    pub chuc_vu: Option<Text>,
    pub ho_ten: Text,
}

/// Nơi nhận (ô 9b): recipients one per line, then the "Lưu:" line.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipients {
    #[serde(default)]
    pub gui: Vec<Text>,
    /// What follows "Lưu: " ("VT, VP" → "- Lưu: VT, VP.").
    pub luu: Text,
}

/// A criterion of the CCHC index with its score and, where points were lost, its remedy.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Code from the assessment framework ("1", "3.2", "7.1.1.4"); its dots give the level.
    pub ma: Option<Spanned<Text>>,
    /// Level in the tree for a criterion without `ma` (1 a field, 2 its parts, …): vanban
    /// numbers it under the nearest criterion one level up ("7.1" after "7").
    pub cap: Option<Spanned<i64>>,
    pub ten: Text,
    /// Maximum, assessed and lost points: numbers, or text with a decimal comma ("0,5").
    pub diem_toi_da: Option<Spanned<Figure>>,
    pub diem_dat: Option<Spanned<Figure>>,
    pub diem_mat: Option<Spanned<Figure>>,
    /// Sub-points of the criterion ("· Chất lượng cổng TTĐT …").
    #[serde(default)]
    pub chi_tiet: Vec<Text>,
    pub khac_phuc: Option<Remedy>,
    /// Sub-criteria with their own solution, deadline and progress, shown as rows under the
    /// criterion with its number cell merged down.
    #[serde(default)]
    pub con: Vec<SubCriterion>,
    /// Ghi chú column of appendices.
    pub ghi_chu: Option<Text>,
    /// What this criterion's TT/STT cell shows, as typed ("" leaves it empty).
    pub stt: Option<Text>,
    /// The lead sentence and the sub-criteria in one merged criterion cell beside the
    /// sub-criteria's rows, instead of a lead row of its own.
    #[serde(default)]
    pub gop_ten: bool,
    /// The mark before each sub-criterion: "-" (default), "+", or "" for none. A mark the
    /// clerk typed is kept and never doubled.
    pub dau_con: Option<Spanned<SubMark>>,
    /// The criteria listed under this group are all its parts, so its typed figures are
    /// checked against their sum (a remedial plan usually lists only some).
    pub day_du: Option<bool>,
}

impl Criterion {
    /// The framework code, if the record gives one.
    pub fn code(&self) -> Option<&str> {
        self.ma.as_ref().map(|m| m.get_ref().as_str())
    }
}

/// A deducted sub-criterion ("- Tiêu chí 1.2: …") with its own remedy.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubCriterion {
    pub ten: Text,
    #[serde(default)]
    pub giai_phap: Vec<Text>,
    pub chu_tri: Option<Text>,
    pub phoi_hop: Option<Text>,
    pub thoi_gian: Option<Text>,
    #[serde(default)]
    pub tien_do: Vec<Progress>,
    pub ghi_chu: Option<Text>,
    /// Columns whose cell this sub-criterion shares with the one above (merged down):
    /// "giai_phap", "chu_tri", "phoi_hop", "thoi_gian", "tien_do", "ghi_chu".
    #[serde(default)]
    pub nhu_tren: Vec<Spanned<ColumnKey>>,
}

impl SubCriterion {
    /// Whether this sub-criterion shares `key`'s cell with the one above.
    pub fn shares(&self, key: ColumnKey) -> bool {
        self.nhu_tren.iter().any(|k| *k.get_ref() == key)
    }
}

/// The remedy for one criterion: shortcoming, solutions, units, deadline and progress.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Remedy {
    /// Heading of the remedy sub-section when it differs from the criterion's name.
    pub tieu_de: Option<Text>,
    pub ton_tai: Option<Text>,
    #[serde(default)]
    pub giai_phap: Vec<Text>,
    pub chu_tri: Option<Text>,
    pub phoi_hop: Option<Text>,
    /// Label for `chu_tri` when the plan words it differently ("Đơn vị thực hiện").
    pub nhan_chu_tri: Option<Text>,
    /// Label for `phoi_hop` ("Đơn vị tham mưu theo dõi thực hiện").
    pub nhan_phoi_hop: Option<Text>,
    pub thoi_gian: Option<Text>,
    #[serde(default)]
    pub tien_do: Vec<Progress>,
}

/// One progress entry of a remedy or task: a status, a text, or both. Real progress cells
/// are often free text ("Đã tham mưu UBND tỉnh ban hành 02 VB QPPL") with no status word
/// and no date.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// The day of the entry; without one it belongs to the date of the document it is in.
    pub ngay: Option<Spanned<toml::value::Datetime>>,
    /// "hoan-thanh", "dang-thuc-hien", "chua-thuc-hien" or "khong-the-thuc-hien"; an entry
    /// without one is shown but not counted.
    pub trang_thai: Option<Spanned<Status>>,
    pub noi_dung: Option<Text>,
    /// The entry's date: `ngay`, or else the document's own date. Set when the record is
    /// loaded, so an entry keeps its date when a report takes the plan's criteria.
    #[serde(skip)]
    pub on: Option<DocDate>,
}

/// A group of tasks under a roman-numbered area row.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskGroup {
    pub ten: Text,
    #[serde(default)]
    pub nhiem_vu: Vec<Task>,
}

/// A task of a yearly plan (seed 004).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    pub ten: Text,
    #[serde(default)]
    pub san_pham: Vec<Text>,
    pub chu_tri: Option<Text>,
    pub phoi_hop: Option<Text>,
    pub thoi_han: Option<Text>,
    pub ket_qua: Option<Text>,
    /// Ghi chú column of a task appendix.
    pub ghi_chu: Option<Text>,
    #[serde(default)]
    pub tien_do: Vec<Progress>,
}
