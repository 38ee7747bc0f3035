//! The document kinds of ND30 and their ký hiệu abbreviations (nd30.md §6, Phụ lục III).
//!
//! The table is used literally: mixed-case abbreviations such as "TTr" and "QyĐ" are not
//! upper-cased (nd30.md §4.3).

/// One kind of administrative document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    /// The code a record uses in `loai`.
    pub code: &'static str,
    /// The type name as written in running text ("Kế hoạch").
    pub name: &'static str,
    /// The abbreviation in the ký hiệu; `None` for công văn, which has none.
    pub abbreviation: Option<&'static str>,
}

const fn kind(code: &'static str, name: &'static str, abbreviation: &'static str) -> Kind {
    Kind {
        code,
        name,
        abbreviation: Some(abbreviation),
    }
}

/// Every kind ND30 names, in the order of its table.
pub const KINDS: [Kind; 28] = [
    kind("nghi-quyet", "Nghị quyết", "NQ"),
    kind("quyet-dinh", "Quyết định", "QĐ"),
    kind("chi-thi", "Chỉ thị", "CT"),
    kind("quy-che", "Quy chế", "QC"),
    kind("quy-dinh", "Quy định", "QyĐ"),
    kind("thong-cao", "Thông cáo", "TC"),
    kind("thong-bao", "Thông báo", "TB"),
    kind("huong-dan", "Hướng dẫn", "HD"),
    kind("chuong-trinh", "Chương trình", "CTr"),
    kind("ke-hoach", "Kế hoạch", "KH"),
    kind("phuong-an", "Phương án", "PA"),
    kind("de-an", "Đề án", "ĐA"),
    kind("du-an", "Dự án", "DA"),
    kind("bao-cao", "Báo cáo", "BC"),
    kind("bien-ban", "Biên bản", "BB"),
    kind("to-trinh", "Tờ trình", "TTr"),
    kind("hop-dong", "Hợp đồng", "HĐ"),
    kind("cong-dien", "Công điện", "CĐ"),
    kind("ban-ghi-nho", "Bản ghi nhớ", "BGN"),
    kind("ban-thoa-thuan", "Bản thỏa thuận", "BTT"),
    kind("giay-uy-quyen", "Giấy ủy quyền", "GUQ"),
    kind("giay-moi", "Giấy mời", "GM"),
    kind("giay-gioi-thieu", "Giấy giới thiệu", "GGT"),
    kind("giay-nghi-phep", "Giấy nghỉ phép", "GNP"),
    kind("phieu-gui", "Phiếu gửi", "PG"),
    kind("phieu-chuyen", "Phiếu chuyển", "PC"),
    kind("phieu-bao", "Phiếu báo", "PB"),
    Kind {
        code: "cong-van",
        name: "Công văn",
        abbreviation: None,
    },
];

impl Kind {
    pub fn find(code: &str) -> Option<Kind> {
        KINDS.iter().copied().find(|k| k.code == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_kept_literally() {
        assert_eq!(Kind::find("ke-hoach").unwrap().abbreviation, Some("KH"));
        assert_eq!(Kind::find("bao-cao").unwrap().abbreviation, Some("BC"));
        assert_eq!(Kind::find("to-trinh").unwrap().abbreviation, Some("TTr"));
        assert_eq!(Kind::find("quy-dinh").unwrap().abbreviation, Some("QyĐ"));
        assert_eq!(Kind::find("cong-van").unwrap().abbreviation, None);
        assert!(Kind::find("ke hoach").is_none());
    }
}
