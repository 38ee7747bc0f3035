//! The README documents every key a record accepts. The keys are not listed by hand here: at
//! each table of a record the real binary is given a key it does not know, and its message
//! lists the keys that table accepts (serde's own list, from the record's structs). Each must
//! appear in the README's "Record format" section.

mod common;

use common::*;

/// A record with every kind of table; `{…}` marks where a probe key may go.
const RECORD: &str = r#"loai = "ke-hoach"
nam = 2022
trich_yeu = "Thử"
{top}
[co_quan]
ten = "Sở Nội vụ"
viet_tat = "SNV"
dia_danh = "Hà Tĩnh"
{co_quan}
[nguoi_ky]
ho_ten = "Nguyễn Văn A"
{nguoi_ky}
[noi_nhan]
luu = "VT"
{noi_nhan}
[[phan]]
tieu_de = "Mục đích"
{phan}
  [[phan.muc]]
  tieu_de = "Yêu cầu"
  {phan.muc}
[[tieu_chi]]
ten = "Tiêu chí"
{tieu_chi}
  [tieu_chi.khac_phuc]
  chu_tri = "Văn phòng"
  {tieu_chi.khac_phuc}
  [[tieu_chi.khac_phuc.tien_do]]
  trang_thai = "hoan-thanh"
  {tieu_chi.khac_phuc.tien_do}
  [[tieu_chi.con]]
  ten = "Tiêu chí con"
  {tieu_chi.con}
[[nhom]]
ten = "Nhóm"
{nhom}
  [[nhom.nhiem_vu]]
  ten = "Nhiệm vụ"
  {nhom.nhiem_vu}
[[phu_luc]]
tieu_de = "Phụ lục"
mau = "tien-do"
cot = [{ khoa = "stt" {phu_luc.cot}}]
{phu_luc}
"#;

const TABLES: [&str; 14] = [
    "top",
    "co_quan",
    "nguoi_ky",
    "noi_nhan",
    "phan",
    "phan.muc",
    "tieu_chi",
    "tieu_chi.khac_phuc",
    "tieu_chi.khac_phuc.tien_do",
    "tieu_chi.con",
    "nhom",
    "nhom.nhiem_vu",
    "phu_luc",
    "phu_luc.cot",
];

/// The keys the table `probe` accepts, as the binary lists them for a key it does not know.
fn accepted_keys(dir: &std::path::Path, probe: &str) -> Vec<String> {
    let mut record = RECORD.to_string();
    for table in TABLES {
        let marker = format!("{{{table}}}");
        let key = if table == probe {
            if table == "phu_luc.cot" {
                ", khoa_thu = 1 "
            } else {
                "khoa_thu = 1"
            }
        } else {
            ""
        };
        record = record.replace(&marker, key);
    }
    std::fs::write(dir.join("r.toml"), &record).unwrap();
    let out = vanban(dir, &["check", "r.toml", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let diagnostic = &json["records"][0]["diagnostics"][0];
    assert_eq!(
        diagnostic["message"], "unknown key `khoa_thu`",
        "{probe}: {json}"
    );
    let help = diagnostic["help"].as_str().unwrap();
    let list = help.rsplit_once("eys here: ").unwrap().1;
    list.split(", ").map(str::to_string).collect()
}

#[test]
fn every_key_a_record_accepts_is_in_the_readme() {
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    let start = readme.find("## Record format").unwrap();
    let end = start + readme[start..].find("\n## Templates").unwrap();
    let section = &readme[start..end];
    let documented = |key: &str| {
        section.match_indices(key).any(|(i, _)| {
            let before = section[..i].chars().next_back();
            let after = section[i + key.len()..].chars().next();
            let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
            !word(before) && !word(after)
        })
    };
    let dir = tempfile::tempdir().unwrap();
    let mut missing = Vec::new();
    let mut seen = 0;
    for table in TABLES {
        for key in accepted_keys(dir.path(), table) {
            seen += 1;
            if !documented(&key) {
                missing.push(format!("{table}: {key}"));
            }
        }
    }
    assert!(
        seen > 80,
        "only {seen} keys: the probes no longer reach every table"
    );
    assert!(
        missing.is_empty(),
        "not in README \"Record format\": {missing:?}"
    );
}
