//! The document kinds of ND30 and their ký hiệu abbreviations (nd30.md §6, Phụ lục III).
//!
//! The table is used literally: mixed-case abbreviations such as "TTr" and "QyĐ" are not
//! upper-cased (nd30.md §4.3). One kind is not in that table: `phu-luc`, a Phụ lục issued as
//! a file of its own (Mẫu 2.2), which has no number of its own and names the document it is
//! attached to.

use super::vocab::{one_of, vocabulary};

vocabulary! {
    /// One kind of administrative document, in the order of ND30's table.
    Kind, unknown: UnknownKind, help: one_of(Kind::ALL.iter().map(|k| k.code())), {
        NghiQuyet = "nghi-quyet",
        QuyetDinh = "quyet-dinh",
        ChiThi = "chi-thi",
        QuyChe = "quy-che",
        QuyDinh = "quy-dinh",
        ThongCao = "thong-cao",
        ThongBao = "thong-bao",
        HuongDan = "huong-dan",
        ChuongTrinh = "chuong-trinh",
        KeHoach = "ke-hoach",
        PhuongAn = "phuong-an",
        DeAn = "de-an",
        DuAn = "du-an",
        BaoCao = "bao-cao",
        BienBan = "bien-ban",
        ToTrinh = "to-trinh",
        HopDong = "hop-dong",
        CongDien = "cong-dien",
        BanGhiNho = "ban-ghi-nho",
        BanThoaThuan = "ban-thoa-thuan",
        GiayUyQuyen = "giay-uy-quyen",
        GiayMoi = "giay-moi",
        GiayGioiThieu = "giay-gioi-thieu",
        GiayNghiPhep = "giay-nghi-phep",
        PhieuGui = "phieu-gui",
        PhieuChuyen = "phieu-chuyen",
        PhieuBao = "phieu-bao",
        CongVan = "cong-van",
        /// A Phụ lục issued as a file of its own: no header block, body or signer.
        PhuLuc = "phu-luc",
    }
}

impl Kind {
    /// The type name as written in running text ("Kế hoạch").
    pub fn name(self) -> &'static str {
        match self {
            Kind::NghiQuyet => "Nghị quyết",
            Kind::QuyetDinh => "Quyết định",
            Kind::ChiThi => "Chỉ thị",
            Kind::QuyChe => "Quy chế",
            Kind::QuyDinh => "Quy định",
            Kind::ThongCao => "Thông cáo",
            Kind::ThongBao => "Thông báo",
            Kind::HuongDan => "Hướng dẫn",
            Kind::ChuongTrinh => "Chương trình",
            Kind::KeHoach => "Kế hoạch",
            Kind::PhuongAn => "Phương án",
            Kind::DeAn => "Đề án",
            Kind::DuAn => "Dự án",
            Kind::BaoCao => "Báo cáo",
            Kind::BienBan => "Biên bản",
            Kind::ToTrinh => "Tờ trình",
            Kind::HopDong => "Hợp đồng",
            Kind::CongDien => "Công điện",
            Kind::BanGhiNho => "Bản ghi nhớ",
            Kind::BanThoaThuan => "Bản thỏa thuận",
            Kind::GiayUyQuyen => "Giấy ủy quyền",
            Kind::GiayMoi => "Giấy mời",
            Kind::GiayGioiThieu => "Giấy giới thiệu",
            Kind::GiayNghiPhep => "Giấy nghỉ phép",
            Kind::PhieuGui => "Phiếu gửi",
            Kind::PhieuChuyen => "Phiếu chuyển",
            Kind::PhieuBao => "Phiếu báo",
            Kind::CongVan => "Công văn",
            Kind::PhuLuc => "Phụ lục",
        }
    }

    /// The abbreviation in the ký hiệu; `None` for công văn, which has none, and for a Phụ
    /// lục, which has no ký hiệu of its own (it shows its document's).
    pub fn abbreviation(self) -> Option<&'static str> {
        Some(match self {
            Kind::NghiQuyet => "NQ",
            Kind::QuyetDinh => "QĐ",
            Kind::ChiThi => "CT",
            Kind::QuyChe => "QC",
            Kind::QuyDinh => "QyĐ",
            Kind::ThongCao => "TC",
            Kind::ThongBao => "TB",
            Kind::HuongDan => "HD",
            Kind::ChuongTrinh => "CTr",
            Kind::KeHoach => "KH",
            Kind::PhuongAn => "PA",
            Kind::DeAn => "ĐA",
            Kind::DuAn => "DA",
            Kind::BaoCao => "BC",
            Kind::BienBan => "BB",
            Kind::ToTrinh => "TTr",
            Kind::HopDong => "HĐ",
            Kind::CongDien => "CĐ",
            Kind::BanGhiNho => "BGN",
            Kind::BanThoaThuan => "BTT",
            Kind::GiayUyQuyen => "GUQ",
            Kind::GiayMoi => "GM",
            Kind::GiayGioiThieu => "GGT",
            Kind::GiayNghiPhep => "GNP",
            Kind::PhieuGui => "PG",
            Kind::PhieuChuyen => "PC",
            Kind::PhieuBao => "PB",
            Kind::CongVan | Kind::PhuLuc => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_kept_literally() {
        assert_eq!(Kind::KeHoach.abbreviation(), Some("KH"));
        assert_eq!(Kind::BaoCao.abbreviation(), Some("BC"));
        assert_eq!(Kind::ToTrinh.abbreviation(), Some("TTr"));
        assert_eq!(Kind::QuyDinh.abbreviation(), Some("QyĐ"));
        assert_eq!(Kind::CongVan.abbreviation(), None);
        assert_eq!(Kind::parse("ke hoach"), None);
        assert_eq!(Kind::ALL.len(), 29);
    }
}
