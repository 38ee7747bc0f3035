//! Generated records for the benchmarks and the size tests: a Kế hoạch whose appendix lists
//! `groups × tasks` tasks, each filled like the seed-004 tasks (product, lead unit, deadline).

/// A complete plan record with `groups` task groups of `tasks` tasks and one opening paragraph.
pub(crate) fn task_plan(paragraph: &str, groups: usize, tasks: usize) -> String {
    let mut toml = format!(
        "loai = \"ke-hoach\"\nnam = 2022\ntrich_yeu = \"Bảng lớn\"\nmo_dau = [\"{paragraph}\"]\n\
         [co_quan]\nten = \"Sở Nội vụ\"\nviet_tat = \"SNV\"\ndia_danh = \"Hà Tĩnh\"\n\
         [nguoi_ky]\nchuc_vu = \"Giám đốc\"\nho_ten = \"Nguyễn Văn A\"\n\
         [noi_nhan]\nluu = \"VT\"\n\
         [[phu_luc]]\ntieu_de = \"Nhiệm vụ\"\nmau = \"nhiem-vu\"\n"
    );
    for g in 0..groups {
        toml.push_str(&format!("[[nhom]]\nten = \"Nhóm {g}\"\n"));
        for t in 0..tasks {
            toml.push_str(&format!(
                "[[nhom.nhiem_vu]]\nten = \"Nhiệm vụ {g}.{t}\"\nsan_pham = [\"Báo cáo\"]\n\
                 chu_tri = \"Văn phòng\"\nthoi_han = \"Quý I/2022\"\n"
            ));
        }
    }
    toml
}
