//! Record → View: everything a document shows that is computed rather than typed.
//!
//! Numbers, ký hiệu, dates in ND30 form, signer lines in upper case, list punctuation, score
//! totals and lost points, continuous task numbering. The [`View`] is the template contract:
//! templates see exactly these fields (documented in README.md) and nothing else.

mod appendix;
mod lines;
pub(crate) mod report;
mod rows;

pub(crate) use appendix::{AppendixView, GivenWidth};

use serde::Serialize;

use crate::record::{
    self, Content, DocDate, Loaded, Numbering, Rank, Record, Scores, SizeSet, Text,
};
use crate::text;

/// What templates and the page layout see of one document.
#[derive(Debug, Serialize)]
pub struct View {
    pub loai: KindView,
    /// "45/KH-SNV", or "      /KH-SNV" for a draft.
    pub so_ky_hieu: String,
    /// "Hà Tĩnh, ngày 05 tháng 01 năm 2021".
    pub dia_danh_ngay: String,
    /// "05/01/2021" or "     /6/2021", for references in other documents.
    pub ngay_ngan: String,
    pub nam: i32,
    pub trich_yeu: String,
    pub co_quan: IssuerView,
    /// Kính gửi lines with computed punctuation.
    pub kinh_gui: Vec<String>,
    /// Căn cứ lines with computed punctuation.
    pub can_cu: Vec<String>,
    pub mo_dau: Vec<Block>,
    pub phan: Vec<SectionView>,
    pub ket_thuc: Vec<Block>,
    pub nguoi_ky: SignerView,
    /// Nơi nhận lines, each starting "- ", the last "- Lưu: ….".
    pub noi_nhan: Vec<String>,
    pub tieu_chi: Vec<CriterionView>,
    /// Score totals over `tieu_chi`, when any criterion is scored.
    pub tong: Option<TotalsView>,
    /// The criteria that have a remedy, in record order.
    pub khac_phuc: Vec<RemedyView>,
    pub nhom: Vec<GroupView>,
    /// Appendices, each with its computed rows.
    pub phu_luc: Vec<AppendixView>,
    /// For a report: the plan it reports on.
    pub ke_hoach: Option<PlanRef>,
    /// For a Công văn: the document it sends.
    pub kem_theo: Option<PlanRef>,
    /// The date progress is counted to ("30/6/2021"), when the record or `--as-of` gives one.
    pub tinh_den: Option<String>,
    /// Progress counts as of `tinh_den` (all entries when there is none), and what changed
    /// since `thay_doi_tu`: what `chen = "ket-qua"` prints.
    pub tong_hop: report::Summary,
    #[serde(skip)]
    pub size_set: SizeSet,
    /// How the body's sections are numbered.
    #[serde(skip)]
    pub danh_so: Numbering,
}

#[derive(Debug, Serialize)]
pub struct KindView {
    pub ma: &'static str,
    /// "Kế hoạch"
    pub ten: &'static str,
    /// "KẾ HOẠCH"
    pub ten_hoa: String,
}

#[derive(Debug, Serialize)]
pub struct IssuerView {
    pub chu_quan: Option<String>,
    pub ten: String,
    pub viet_tat: String,
    pub dia_danh: String,
}

/// A body block: `kieu` is "doan" (paragraph), "-", "+", "ghi_chu" or "chen".
#[derive(Debug, Serialize)]
pub struct Block {
    pub kieu: &'static str,
    pub noi_dung: String,
}

#[derive(Debug, Serialize)]
pub struct SectionView {
    pub tieu_de: Option<String>,
    pub noi_dung: Vec<Block>,
    pub muc: Vec<SectionView>,
}

#[derive(Debug, Default, Serialize)]
pub struct SignerView {
    /// Upper-case authority and title lines, e.g. ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"].
    pub dong: Vec<String>,
    pub ho_ten: String,
}

#[derive(Debug, Serialize)]
pub struct CriterionView {
    /// Row number, continuous from 1.
    pub stt: usize,
    /// The code: `ma`, or the one numbered from `cap`.
    pub ma: Option<String>,
    /// Level in the tree: 1 for a field, 2 for its parts, …
    pub cap: usize,
    /// How a score table prints the row: "linh-vuc" (a field: upper case, bold), "nhom" (a
    /// deeper group: bold as typed) or "tieu-chi" (regular).
    pub hang: &'static str,
    pub ten: String,
    /// The name upper-cased, as a field's row prints it.
    pub ten_hoa: String,
    pub diem_toi_da: Option<String>,
    pub diem_dat: Option<String>,
    /// Lost points as the score table's Ghi chú shows them: "-0,5", or "=" when none.
    pub diem_mat: Option<String>,
    pub chi_tiet: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct TotalsView {
    pub diem_toi_da: String,
    pub diem_dat: String,
    pub diem_mat: String,
}

#[derive(Debug, Serialize)]
pub struct RemedyView {
    pub stt: usize,
    pub ma: Option<String>,
    pub tieu_de: String,
    pub ton_tai: Option<String>,
    /// The criterion's sub-points, listed under "Tồn tại:" when `ton_tai` is not written out.
    pub chi_tiet: Vec<String>,
    pub giai_phap: Vec<String>,
    pub nhan_chu_tri: String,
    pub chu_tri: Option<String>,
    pub nhan_phoi_hop: String,
    pub phoi_hop: Option<String>,
    pub thoi_gian: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct GroupView {
    /// Roman group number ("I").
    pub so: String,
    pub ten: String,
    pub ten_hoa: String,
    pub nhiem_vu: Vec<TaskView>,
}

#[derive(Debug, Serialize)]
pub struct TaskView {
    /// Continuous across groups, never typed.
    pub stt: usize,
    pub ten: String,
    pub san_pham: Vec<String>,
    pub chu_tri: Option<String>,
    pub phoi_hop: Option<String>,
    pub thoi_han: Option<String>,
    pub ket_qua: Option<String>,
}

/// Record text that is not blank.
fn given(value: Option<&Text>) -> Option<String> {
    value.filter(|v| !v.is_blank()).map(Text::to_string)
}

fn strings(values: &[Text]) -> Vec<String> {
    values.iter().map(Text::to_string).collect()
}

/// What the caller knows beyond the record: an as-of date from the command line, and for a
/// report, the plan it reports on.
#[derive(Debug, Default)]
pub(crate) struct Options {
    pub as_of: Option<DocDate>,
    pub plan: Option<PlanRef>,
    /// The document a Công văn sends.
    pub attachment: Option<PlanRef>,
    /// Whether a template reads the task groups (`nhom`); when none does, a plan of ten
    /// thousand tasks is not copied into the template context only to be ignored.
    pub task_views: bool,
}

/// How a report refers to its plan: "Kế hoạch số 45/KH-SNV ngày 05 tháng 01 năm 2021 của Sở Nội vụ".
#[derive(Debug, Clone, Serialize)]
pub struct PlanRef {
    pub loai: &'static str,
    pub so_ky_hieu: String,
    /// "ngày 05 tháng 01 năm 2021".
    pub ngay: String,
    pub co_quan: String,
    pub trich_yeu: String,
    /// The trích yếu with a lower-case first letter, to follow "về" in running text.
    pub trich_yeu_thuong: String,
}

/// How another document names `plan` (or any document): kind, số, date, issuer, trích yếu.
pub(crate) fn plan_reference(plan: &Loaded) -> PlanRef {
    let view = derive(plan, &Options::default());
    let d = plan.date;
    PlanRef {
        loai: plan.kind.name(),
        so_ky_hieu: view.so_ky_hieu,
        ngay: text::long_date(d.day, d.month, d.year),
        co_quan: view.co_quan.ten,
        trich_yeu_thuong: lower_first(&view.trich_yeu),
        trich_yeu: view.trich_yeu,
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

/// Derives the view of a loaded record.
pub(crate) fn derive(loaded: &Loaded, options: &Options) -> View {
    let r = &loaded.record;
    let kind = loaded.kind;
    let number = r.so.as_ref().and_then(|n| u32::try_from(*n.get_ref()).ok());
    let issuer_abbr = r.co_quan.viet_tat.get_ref().to_string();
    // A Phụ lục file has no number of its own: it shows its document's, and names it.
    let document_kind = r.van_ban.as_ref().map_or(kind, |k| *k.get_ref());
    let so_ky_hieu = match document_kind.abbreviation() {
        Some(abbr) => format!("{}/{abbr}-{issuer_abbr}", text::doc_number(number)),
        None => format!("{}/{issuer_abbr}", text::doc_number(number)),
    };
    let d = loaded.date;
    let as_of = options
        .as_of
        .or_else(|| r.tinh_den.as_ref().and_then(record::calendar_date));
    let since = r.thay_doi_tu.as_ref().and_then(record::calendar_date);
    let scores = Scores::of(r);
    let place = given(r.co_quan.dia_danh.as_ref());
    let issuer = r.co_quan.ten.to_string();
    let long_date = text::long_date(d.day, d.month, d.year);
    let attached_to = format!(
        "(Kèm theo {} số {so_ky_hieu} {long_date} của {})",
        document_kind.name(),
        given(r.co_quan.ten_ngan.as_ref()).unwrap_or_else(|| issuer.clone())
    );
    View {
        loai: KindView {
            ma: kind.code(),
            ten: kind.name(),
            ten_hoa: text::upper(kind.name()),
        },
        so_ky_hieu,
        dia_danh_ngay: match &place {
            Some(place) => format!("{place}, {long_date}"),
            None => long_date,
        },
        ngay_ngan: text::short_date(d.day, d.month, d.year),
        nam: d.year,
        trich_yeu: given(r.trich_yeu.as_ref()).unwrap_or_default(),
        co_quan: IssuerView {
            chu_quan: given(r.co_quan.chu_quan.as_ref()),
            ten: issuer,
            viet_tat: issuer_abbr,
            dia_danh: place.unwrap_or_default(),
        },
        kinh_gui: text::punctuate_list(&strings(&r.kinh_gui)),
        can_cu: text::punctuate_list(&strings(&r.can_cu)),
        mo_dau: blocks(&r.mo_dau),
        phan: r.phan.iter().map(section).collect(),
        ket_thuc: blocks(&r.ket_thuc),
        nguoi_ky: r.nguoi_ky.as_ref().map(signer).unwrap_or_default(),
        noi_nhan: r
            .noi_nhan
            .as_ref()
            .map(|n| recipients(n, !r.kinh_gui.is_empty()))
            .unwrap_or_default(),
        tieu_chi: criteria(r, &scores),
        tong: totals(&scores),
        khac_phuc: remedies(r),
        nhom: if options.task_views {
            groups(&r.nhom)
        } else {
            Vec::new()
        },
        phu_luc: appendix::appendices(r, &attached_to, options.as_of),
        ke_hoach: options.plan.clone(),
        kem_theo: options.attachment.clone(),
        tinh_den: as_of.map(|a| text::short_date(a.day, a.month, a.year)),
        tong_hop: report::summary(r, as_of, since),
        size_set: loaded.size_set,
        danh_so: r
            .danh_so
            .as_ref()
            .map_or(Numbering::Roman, |n| *n.get_ref()),
    }
}

fn blocks(contents: &[Content]) -> Vec<Block> {
    contents
        .iter()
        .map(|c| {
            let (kieu, text) = match c {
                Content::Paragraph(t) => ("doan", t.as_str()),
                Content::Dash(t) => ("-", t.as_str()),
                Content::Plus(t) => ("+", t.as_str()),
                Content::Note(t) => ("ghi_chu", t.as_str()),
                Content::Insert(insertion) => ("chen", insertion.code()),
            };
            Block {
                kieu,
                noi_dung: text.to_string(),
            }
        })
        .collect()
}

fn section(s: &record::Section) -> SectionView {
    SectionView {
        tieu_de: given(s.tieu_de.as_ref()),
        noi_dung: blocks(&s.noi_dung),
        muc: s.muc.iter().map(section).collect(),
    }
}

fn signer(s: &record::Signer) -> SignerView {
    let mut dong = Vec::new();
    if let Some(collective) = &s.thay_mat {
        dong.push(format!("TM. {}", text::upper(&collective.to_string())));
    }
    if let (Some(prefix), Some(head)) = (&s.quyen_han, &s.chuc_vu_thu_truong) {
        dong.push(format!(
            "{} {}",
            prefix.get_ref().code(),
            text::upper(&head.get_ref().to_string())
        ));
    }
    if let Some(title) = &s.chuc_vu {
        dong.push(text::upper(&title.to_string()));
    }
    SignerView {
        dong,
        ho_ten: s.ho_ten.to_string(),
    }
}

/// Nơi nhận lines. A document with Kính gửi starts its list with "Như trên" (nd30.md §4.9).
fn recipients(n: &record::Recipients, has_kinh_gui: bool) -> Vec<String> {
    let mut lines = strings(&n.gui);
    if has_kinh_gui
        && !lines
            .first()
            .is_some_and(|l| l.trim_start().starts_with("Như trên"))
    {
        lines.insert(0, "Như trên".to_string());
    }
    lines.push(format!("Lưu: {}", n.luu));
    text::punctuate_list(&lines)
        .into_iter()
        .map(|l| format!("- {l}"))
        .collect()
}

fn criteria(r: &Record, scores: &Scores) -> Vec<CriterionView> {
    r.tieu_chi
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let points = scores.points(i);
            CriterionView {
                stt: i + 1,
                ma: scores.code(i).map(str::to_string),
                cap: scores.level(i),
                hang: match scores.rank(i) {
                    Rank::Field => "linh-vuc",
                    Rank::Group => "nhom",
                    Rank::Leaf => "tieu-chi",
                },
                ten: c.ten.to_string(),
                ten_hoa: text::upper(&c.ten.to_string()),
                diem_toi_da: points.max.map(text::Decimal::vi),
                diem_dat: points.got.map(text::Decimal::vi),
                diem_mat: points.deduction(),
                chi_tiet: strings(&c.chi_tiet),
            }
        })
        .collect()
}

/// Totals over the top-level criteria, figure by figure; a figure some top-level criterion
/// lacks is left empty.
fn totals(scores: &Scores) -> Option<TotalsView> {
    scores.total().map(|total| {
        let [max, got, _] = total.vi();
        TotalsView {
            diem_toi_da: max,
            diem_dat: got,
            diem_mat: total.deduction().unwrap_or_default(),
        }
    })
}

fn remedies(r: &Record) -> Vec<RemedyView> {
    r.tieu_chi
        .iter()
        .filter_map(|c| c.khac_phuc.as_ref().map(|k| (c, k)))
        .enumerate()
        .map(|(i, (c, k))| RemedyView {
            stt: i + 1,
            ma: c.code().map(str::to_string),
            tieu_de: k.tieu_de.as_ref().unwrap_or(&c.ten).to_string(),
            ton_tai: given(k.ton_tai.as_ref()),
            chi_tiet: strings(&c.chi_tiet),
            giai_phap: strings(&k.giai_phap),
            nhan_chu_tri: k
                .nhan_chu_tri
                .as_deref()
                .unwrap_or("Đơn vị chủ trì thực hiện")
                .to_string(),
            chu_tri: given(k.chu_tri.as_ref()),
            nhan_phoi_hop: k
                .nhan_phoi_hop
                .as_deref()
                .unwrap_or("Đơn vị phối hợp thực hiện")
                .to_string(),
            phoi_hop: given(k.phoi_hop.as_ref()),
            thoi_gian: given(k.thoi_gian.as_ref()),
        })
        .collect()
}

fn groups(groups: &[record::TaskGroup]) -> Vec<GroupView> {
    let mut next = 0;
    let mut out = Vec::with_capacity(groups.len());
    for (g, group) in (1u32..).zip(groups) {
        let tasks = group
            .nhiem_vu
            .iter()
            .map(|t| {
                next += 1;
                TaskView {
                    stt: next,
                    ten: t.ten.to_string(),
                    san_pham: strings(&t.san_pham),
                    chu_tri: given(t.chu_tri.as_ref()),
                    phoi_hop: given(t.phoi_hop.as_ref()),
                    thoi_han: given(t.thoi_han.as_ref()),
                    ket_qua: given(t.ket_qua.as_ref()),
                }
            })
            .collect();
        let ten = group.ten.to_string();
        out.push(GroupView {
            so: text::roman(g),
            ten_hoa: text::upper(&ten),
            ten,
            nhiem_vu: tasks,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const RECORD: &str = r#"
loai = "ke-hoach"
so = 5
ngay = 2021-01-05
trich_yeu = "Khắc phục"
[co_quan]
chu_quan = "UBND TỈNH HÀ TĨNH"
ten = "SỞ NỘI VỤ"
viet_tat = "SNV"
dia_danh = "Hà Tĩnh"
[nguoi_ky]
thay_mat = "Ủy ban nhân dân"
quyen_han = "KT."
chuc_vu_thu_truong = "Chủ tịch"
chuc_vu = "Phó Chủ tịch"
ho_ten = "Nguyễn Văn A"
[noi_nhan]
gui = ["UBND tỉnh (b/c)", "Lãnh đạo Sở"]
luu = "VT, VP"
[[tieu_chi]]
ten = "Công tác chỉ đạo điều hành"
diem_toi_da = 15.5
diem_dat = 15
[tieu_chi.khac_phuc]
chu_tri = "Văn phòng Sở"
[[tieu_chi]]
ten = "Cải cách thủ tục hành chính"
diem_toi_da = 17
diem_dat = 17
[[tieu_chi]]
ten = "Văn bản QPPL"
diem_toi_da = 10
diem_dat = 9.73
[[nhom]]
ten = "Công tác chỉ đạo, điều hành"
nhiem_vu = [{ ten = "A" }, { ten = "B" }]
[[nhom]]
ten = "Cải cách thể chế"
nhiem_vu = [{ ten = "C" }]
"#;

    fn view() -> View {
        derive(
            &record::parse(Path::new("r.toml"), RECORD).unwrap(),
            &Options {
                task_views: true,
                ..Options::default()
            },
        )
    }

    #[test]
    fn header_fields_follow_nd30() {
        let v = view();
        assert_eq!(v.so_ky_hieu, "05/KH-SNV");
        assert_eq!(v.dia_danh_ngay, "Hà Tĩnh, ngày 05 tháng 01 năm 2021");
        assert_eq!(v.loai.ten_hoa, "KẾ HOẠCH");
    }

    #[test]
    fn three_line_signer() {
        let v = view();
        assert_eq!(
            v.nguoi_ky.dong,
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
        );
    }

    #[test]
    fn recipients_end_with_the_archive_line() {
        assert_eq!(
            view().noi_nhan,
            ["- UBND tỉnh (b/c);", "- Lãnh đạo Sở;", "- Lưu: VT, VP."]
        );
    }

    #[test]
    fn scores_are_computed_never_typed() {
        let v = view();
        let lost: Vec<_> = v
            .tieu_chi
            .iter()
            .map(|c| c.diem_mat.clone().unwrap())
            .collect();
        assert_eq!(lost, ["-0,5", "=", "-0,27"]);
        let t = v.tong.unwrap();
        assert_eq!(
            (
                t.diem_toi_da.as_str(),
                t.diem_dat.as_str(),
                t.diem_mat.as_str()
            ),
            ("42,5", "41,73", "-0,77")
        );
        assert_eq!(v.khac_phuc.len(), 1);
        assert_eq!(v.khac_phuc[0].nhan_chu_tri, "Đơn vị chủ trì thực hiện");
    }

    #[test]
    fn task_views_are_built_only_for_templates_that_read_them() {
        let loaded = record::parse(Path::new("r.toml"), RECORD).unwrap();
        assert!(derive(&loaded, &Options::default()).nhom.is_empty());
    }

    #[test]
    fn tasks_are_numbered_continuously_across_groups() {
        let v = view();
        let numbers: Vec<usize> = v
            .nhom
            .iter()
            .flat_map(|g| g.nhiem_vu.iter().map(|t| t.stt))
            .collect();
        assert_eq!(numbers, [1, 2, 3]);
        assert_eq!(v.nhom[1].so, "II");
        assert_eq!(v.nhom[0].ten_hoa, "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH");
    }
}
