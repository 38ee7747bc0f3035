//! ND30 layout: turns a [`View`] and its body [`Block`]s into a [`Document`], the page model
//! that the Word writer draws. All of nd30.md that is geometry or numbering lives here: page
//! size and margins, the size sets, the two-column header block and its rules, the title,
//! Kính gửi and căn cứ lines, body numbering (I. → 1. → a) → - → +), table column widths, the
//! signature table with Nơi nhận beside it, and appendix sections (portrait or landscape,
//! page numbers restarting at 1). It knows nothing of OOXML.

mod body;
pub(crate) mod measure;
mod table;
mod widths;
mod wrap;

pub(crate) use body::{BodyItem, ParaKind, Paragraph, number_body};
pub(crate) use table::{BrokenWord, Crowding, TableModel};

use crate::derive::{AppendixView, View};
use crate::model::{Block, Table};
use crate::record::SizeSet;
use crate::text;
use measure::Face;

/// Twips per millimetre.
const TWIPS_PER_MM: f32 = 56.692_9;

fn mm(value: f32) -> u32 {
    // Margins and widths are a few hundred millimetres at most.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let twips = (value * TWIPS_PER_MM).ceil() as u32;
    twips
}

/// Page size and margins, in twips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PageSetup {
    pub width: u32,
    pub height: u32,
    pub top: u32,
    pub bottom: u32,
    pub left: u32,
    pub right: u32,
    pub header: u32,
}

impl PageSetup {
    /// A4 landscape for wide appendix tables: the portrait margins on the same edges of the
    /// turned page (nd30.md §7.2, option A).
    pub(crate) fn a4_landscape() -> PageSetup {
        PageSetup {
            width: 16838,
            height: 11906,
            ..PageSetup::a4_portrait()
        }
    }

    pub(crate) fn is_landscape(&self) -> bool {
        self.width > self.height
    }

    /// A4 portrait at the lower bounds of ND30's margin ranges (nd30.md §13): top and bottom
    /// 20 mm, left 30 mm, right 15 mm, which gives the widest text area (165 mm).
    pub(crate) fn a4_portrait() -> PageSetup {
        PageSetup {
            width: 11906,
            height: 16838,
            top: mm(20.0),
            bottom: mm(20.0),
            left: mm(30.0),
            right: mm(15.0),
            header: mm(10.0),
        }
    }

    pub(crate) fn text_width(&self) -> u32 {
        self.width - self.left - self.right
    }
}

/// Font sizes in points for each element (nd30.md §5 and the size-set footnote of §1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Sizes {
    pub quoc_hieu: f32,
    pub tieu_ngu: f32,
    pub dia_danh: f32,
    pub co_quan: f32,
    pub so: f32,
    pub title: f32,
    pub body: f32,
    pub signature: f32,
    pub noi_nhan_label: f32,
    pub noi_nhan: f32,
    pub page_number: f32,
    pub table: f32,
    pub appendix_table: f32,
    /// "Phụ lục I": 14 pt bold (nd30.md §5 row 9).
    pub appendix_label: f32,
}

impl Sizes {
    pub(crate) fn for_set(set: SizeSet) -> Sizes {
        let (qh, tn, dd) = match set {
            SizeSet::Small => (12.0, 13.0, 13.0),
            SizeSet::Large => (13.0, 14.0, 14.0),
        };
        Sizes {
            quoc_hieu: qh,
            tieu_ngu: tn,
            dia_danh: dd,
            co_quan: qh,
            so: 13.0,
            title: 14.0,
            body: 14.0,
            signature: 14.0,
            noi_nhan_label: 12.0,
            noi_nhan: 11.0,
            page_number: 14.0,
            table: 13.0,
            appendix_table: 12.0,
            appendix_label: 14.0,
        }
    }
}

/// A short rule drawn as an empty paragraph's bottom border, centred by equal indents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rule {
    pub length: u32,
    /// Indent on each side, relative to the container (a table cell or the text area).
    pub indent: u32,
}

impl Rule {
    fn centred(length: u32, container: u32) -> Rule {
        let length = length.min(container);
        Rule {
            length,
            indent: (container - length) / 2,
        }
    }
}

/// Word's default left plus right cell margin (108 twips each side).
pub(crate) const CELL_MARGINS: u32 = 216;

/// The header block of ô 1–4 as a borderless two-column, two-row table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct HeaderBlock {
    pub left_width: u32,
    pub right_width: u32,
    /// The parent body's name (chủ quản), and the issuer's, line by line.
    pub parent: Vec<String>,
    pub issuer: Vec<String>,
    pub issuer_rule: Rule,
    pub quoc_hieu: &'static str,
    pub tieu_ngu: &'static str,
    pub tieu_ngu_rule: Rule,
    pub so: String,
    /// Ô 5b of a Công văn: "V/v …" centred under the Số line.
    pub vv: Option<String>,
    pub date: String,
}

/// Ô 5a: type name, trích yếu and the short rule under them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TitleBlock {
    pub kind: String,
    pub trich_yeu: String,
    pub rule: Rule,
}

/// Ô 9a: "Kính gửi:" with one recipient on the same line, or several as dash lines aligned
/// under the colon.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct KinhGui {
    pub indent: u32,
    pub hanging: u32,
    pub lines: Vec<String>,
}

/// Ô 7 and 9b: Nơi nhận on the left, level with the signer's first line on the right.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SignatureBlock {
    pub left_width: u32,
    pub right_width: u32,
    pub noi_nhan: Vec<String>,
    pub authority: Vec<String>,
    pub name: String,
}

/// The main document: header block to signature.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MainPart {
    pub header: HeaderBlock,
    /// Ô 5a; a Công văn has none (its trích yếu is the V/v line).
    pub title: Option<TitleBlock>,
    pub kinh_gui: Option<KinhGui>,
    pub can_cu: Vec<String>,
    pub body: Vec<BodyItem>,
    pub signature: SignatureBlock,
}

/// One appendix (Mẫu 2.1): heading lines, a short rule and its table; no header block.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AppendixPart {
    /// "Phụ lục" or "Phụ lục II".
    pub label: String,
    pub title: String,
    /// "(Kèm theo …)".
    pub attached: String,
    pub rule: Rule,
    /// Space above "Phụ lục" that leaves the top of the page free for the organisation's
    /// digital signature, on the first page of an appendix written as a file of its own.
    pub signature_space: Option<u32>,
    pub body: Vec<BodyItem>,
}

/// The band kept free at the top of a separate appendix file's first page: the Văn thư signs
/// the file there, at the top right, and the signing tool writes "Số: …; ngày/tháng/năm; giờ:
/// phút: giây" and the organisation's name in 10 pt (nd30.md §7.1 item 8, Mẫu 2.2): three or
/// four lines of about 4.2 mm in a frame. 20 mm holds them clear of "Phụ lục" and its title,
/// which are centred and may run the width of the page.
const SIGNATURE_SPACE_MM: f32 = 20.0;

/// Where an appendix sits: in the document's own file, or first in a file of its own (which
/// the organisation signs digitally, so its first page keeps room for that).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AppendixPlace {
    InDocument,
    FileStart,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Part {
    Main(Box<MainPart>),
    Appendix(AppendixPart),
}

/// A page section: its own size and orientation; appendices restart page numbers at 1
/// (nd30.md §2: "đánh số riêng theo từng Phụ lục").
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Section {
    pub setup: PageSetup,
    pub restart_numbering: bool,
    pub part: Part,
}

impl Section {
    /// Its tables.
    fn tables(&self) -> impl Iterator<Item = &TableModel> {
        let body = match &self.part {
            Part::Main(main) => main.body.as_slice(),
            Part::Appendix(appendix) => appendix.body.as_slice(),
        };
        body.iter().filter_map(|item| match item {
            BodyItem::Table(table) => Some(table),
            BodyItem::Paragraph(_) => None,
        })
    }

    /// The words of its tables that a width given by the record breaks.
    pub(crate) fn broken_words(&self) -> impl Iterator<Item = &BrokenWord> {
        self.tables().flat_map(|table| &table.broken_words)
    }

    /// The columns of its tables whose given width crowds another.
    pub(crate) fn crowding(&self) -> impl Iterator<Item = &Crowding> {
        self.tables().flat_map(|table| &table.crowding)
    }
}

/// One output file, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Document {
    pub sizes: Sizes,
    pub sections: Vec<Section>,
}

pub(crate) const QUOC_HIEU: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub(crate) const TIEU_NGU: &str = "Độc lập - Tự do - Hạnh phúc";

/// Share of the text width given to the left column of the header and signature tables.
/// 38 % leaves the right column wide enough for the Quốc hiệu in bold 13 pt (95.7 mm measured)
/// on one line, as nd30.md §4.1 requires.
const LEFT_SHARE: f32 = 0.38;

/// Where in ND30's "1/3 to 1/2 of the text line" range the short rules sit.
const SHORT_RULE_SHARE: f32 = 0.40;

fn share(total: u32, fraction: f32) -> u32 {
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let part = (total as f32 * fraction).round() as u32;
    part
}

/// What breaking an agency's name before `rest` costs: nothing at the administrative unit
/// it belongs to ("XÃ KỲ TIẾN", "THỊ XÃ KỲ ANH", "TỈNH HÀ TĨNH"), so that a unit stays with
/// its place and the body's own name ("ỦY BAN NHÂN DÂN") whole, as agencies write their
/// names; a little before "VÀ", "THUỘC", "CỦA" or a body's kind ("HỘI ĐỒNG", "ỦY BAN", "SỞ"
/// …), which start a phrase ("… NHÀ NƯỚC" / "VÀ DỊCH VỤ …"); most anywhere else, where a
/// Vietnamese word of several syllables may be torn ("TÀI" / "SẢN", "HỘI" / "ĐỒNG").
fn name_break_cost(before: &[&str], rest: &[&str]) -> usize {
    const UNITS: [&[&str]; 9] = [
        &["XÃ"],
        &["PHƯỜNG"],
        &["THỊ", "TRẤN"],
        &["THỊ", "XÃ"],
        &["HUYỆN"],
        &["QUẬN"],
        &["THÀNH", "PHỐ"],
        &["TỈNH"],
        &["ĐẶC", "KHU"],
    ];
    const PHRASES: [&[&str]; 8] = [
        &["VÀ"],
        &["THUỘC"],
        &["CỦA"],
        &["HỘI", "ĐỒNG"],
        &["ỦY", "BAN"],
        &["VĂN", "PHÒNG"],
        &["TRUNG", "TÂM"],
        &["SỞ"],
    ];
    // "XÃ" of "THỊ XÃ" starts no unit.
    if before.last() != Some(&"THỊ") && UNITS.iter().any(|unit| rest.starts_with(unit)) {
        0
    } else if PHRASES.iter().any(|phrase| rest.starts_with(phrase)) {
        1
    } else {
        2
    }
}

/// Lays out the main document as a portrait section.
pub(crate) fn main_section(view: &View, body: &[Block]) -> Section {
    let setup = PageSetup::a4_portrait();
    let sizes = Sizes::for_set(view.size_set);
    let text_width = setup.text_width();
    let left_width = share(text_width, LEFT_SHARE);
    let right_width = text_width - left_width;
    // A Công văn (Mẫu 1.5) has no type name: its trích yếu goes under the Số line.
    let is_letter = view.loai.ma == "cong-van";

    let left_inner = left_width - CELL_MARGINS;
    let right_inner = right_width - CELL_MARGINS;
    let name_lines = |name: &str, face| -> Vec<String> {
        name.lines()
            .flat_map(|l| {
                let l = text::upper(l.trim());
                wrap::balanced_lines(&l, (sizes.co_quan, face), left_inner, name_break_cost)
            })
            .collect()
    };
    let issuer = name_lines(&view.co_quan.ten, Face::Bold);
    let issuer_width = issuer
        .iter()
        .map(|l| measure::width_twips(l, sizes.co_quan, Face::Bold))
        .max()
        .unwrap_or(0);
    let issuer_rule = Rule::centred(
        share(issuer_width.min(left_inner), SHORT_RULE_SHARE),
        left_inner,
    );
    let tieu_ngu_rule = Rule::centred(
        measure::width_twips(TIEU_NGU, sizes.tieu_ngu, Face::Bold),
        right_inner,
    );

    let header = HeaderBlock {
        left_width,
        right_width,
        parent: view
            .co_quan
            .chu_quan
            .as_ref()
            .map(|p| name_lines(p, Face::Regular))
            .unwrap_or_default(),
        issuer,
        issuer_rule,
        quoc_hieu: QUOC_HIEU,
        tieu_ngu: TIEU_NGU,
        tieu_ngu_rule,
        so: format!("Số: {}", view.so_ky_hieu),
        vv: is_letter.then(|| format!("V/v {}", text::glue_last_word(&view.trich_yeu))),
        date: view.dia_danh_ngay.clone(),
    };

    let trich_yeu_width =
        measure::width_twips(&view.trich_yeu, sizes.title, Face::Bold).min(text_width);
    let title = (!is_letter).then(|| TitleBlock {
        kind: view.loai.ten_hoa.clone(),
        trich_yeu: text::glue_last_word(&view.trich_yeu),
        rule: Rule::centred(share(trich_yeu_width, SHORT_RULE_SHARE), text_width),
    });

    let part = MainPart {
        header,
        title,
        kinh_gui: kinh_gui(&view.kinh_gui, sizes.body),
        can_cu: view.can_cu.clone(),
        body: number_body(body, text_width, sizes.table, view.danh_so),
        signature: SignatureBlock {
            left_width,
            right_width,
            noi_nhan: view.noi_nhan.clone(),
            authority: view.nguoi_ky.dong.clone(),
            name: view.nguoi_ky.ho_ten.clone(),
        },
    };
    Section {
        setup,
        restart_numbering: false,
        part: Part::Main(Box::new(part)),
    }
}

/// Lays out an appendix with its table as a section of its own.
pub(crate) fn appendix_section(
    appendix: &AppendixView,
    table: Table,
    sizes: Sizes,
    place: AppendixPlace,
) -> Section {
    let setup = if appendix.ngang {
        PageSetup::a4_landscape()
    } else {
        PageSetup::a4_portrait()
    };
    let text_width = setup.text_width();
    let title_width =
        measure::width_twips(&appendix.tieu_de_hoa, sizes.title, Face::Bold).min(text_width);
    let part = AppendixPart {
        label: appendix.nhan.clone(),
        title: text::glue_last_word(&appendix.tieu_de_hoa),
        // "… của UBND huyện)" never leaves "huyện)" alone on the last line.
        attached: text::glue_last_word(&appendix.kem_theo),
        rule: Rule::centred(share(title_width, SHORT_RULE_SHARE), text_width),
        signature_space: (place == AppendixPlace::FileStart).then(|| mm(SIGNATURE_SPACE_MM)),
        body: vec![BodyItem::Table(TableModel::fit(
            table,
            text_width,
            sizes.appendix_table,
            true,
        ))],
    };
    Section {
        setup,
        restart_numbering: true,
        part: Part::Appendix(part),
    }
}

fn kinh_gui(recipients: &[String], size: f32) -> Option<KinhGui> {
    const LABEL: &str = "Kính gửi: ";
    // The Mẫu 1.5 sample starts "Kính gửi:" about 35 mm from the text's left edge.
    let indent = mm(35.0);
    match recipients {
        [] => None,
        [one] => Some(KinhGui {
            indent,
            hanging: 0,
            lines: vec![format!("{LABEL}{one}")],
        }),
        many => {
            let hanging = measure::width_twips(LABEL, size, Face::Regular);
            let mut lines = vec![LABEL.trim_end().to_string()];
            lines.extend(many.iter().map(|r| format!("- {r}")));
            Some(KinhGui {
                indent,
                hanging,
                lines,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_agency_name_is_cut_at_its_unit_then_between_phrases() {
        let cut = |name: &str, lines: usize| {
            let size = Sizes::for_set(SizeSet::Large).co_quan;
            let whole = measure::width_twips(name, size, Face::Bold);
            // The narrowest column that still takes the name in `lines` lines.
            (whole / 5..=whole)
                .rev()
                .step_by(50)
                .map(|inner| wrap::balanced_lines(name, (size, Face::Bold), inner, name_break_cost))
                .find(|cut| cut.len() == lines)
                .unwrap()
        };
        assert_eq!(
            cut("ỦY BAN NHÂN DÂN XÃ KỲ TIẾN", 2),
            ["ỦY BAN NHÂN DÂN", "XÃ KỲ TIẾN"]
        );
        assert_eq!(cut("UBND THỊ XÃ KỲ ANH", 2), ["UBND", "THỊ XÃ KỲ ANH"]);
        assert_eq!(
            cut(
                "VĂN PHÒNG HỘI ĐỒNG NHÂN DÂN VÀ ỦY BAN NHÂN DÂN HUYỆN CAN LỘC",
                4
            ),
            [
                "VĂN PHÒNG",
                "HỘI ĐỒNG NHÂN DÂN",
                "VÀ ỦY BAN NHÂN DÂN",
                "HUYỆN CAN LỘC"
            ]
        );
        assert_eq!(name_break_cost(&["THỊ"], &["XÃ", "KỲ", "ANH"]), 2);
    }

    #[test]
    fn margins_sit_inside_the_decree_ranges() {
        let p = PageSetup::a4_portrait();
        let in_mm = |t: u32| {
            #[allow(clippy::cast_precision_loss)]
            let v = t as f32 / TWIPS_PER_MM;
            v
        };
        assert_eq!((p.width, p.height), (11906, 16838));
        assert!((20.0..=25.0).contains(&in_mm(p.top)));
        assert!((20.0..=25.0).contains(&in_mm(p.bottom)));
        assert!((30.0..=35.0).contains(&in_mm(p.left)));
        assert!((15.0..=20.0).contains(&in_mm(p.right)));
    }

    #[test]
    fn right_header_column_fits_the_quoc_hieu_at_both_sizes() {
        let p = PageSetup::a4_portrait();
        let right = p.text_width() - share(p.text_width(), LEFT_SHARE) - CELL_MARGINS;
        for set in [SizeSet::Small, SizeSet::Large] {
            let w = measure::width_twips(QUOC_HIEU, Sizes::for_set(set).quoc_hieu, Face::Bold);
            assert!(w < right, "{set:?}: {w} ≥ {right}");
        }
    }

    #[test]
    fn rules_are_centred_in_their_container() {
        let r = Rule::centred(1000, 5000);
        assert_eq!(
            r,
            Rule {
                length: 1000,
                indent: 2000
            }
        );
        assert_eq!(
            Rule::centred(6000, 5000),
            Rule {
                length: 5000,
                indent: 0
            }
        );
    }
}
