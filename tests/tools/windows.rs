//! vanban.exe, the Windows build, run under Wine: the bundled plans and the fixtures rendered,
//! checked, updated with `progress` and started with `new` must give the same bytes as the Linux
//! build, through the paths a clerk types on Windows (drive letters, backslashes, spaces and
//! accents in folder names), from records saved with CRLF line ends, and with one output held
//! open as Word holds an open document.
//!
//! Needs `scripts/build-windows` (vanban.exe and the two Wine-only helpers beside it) and Wine.
//! Each Wine start costs a second or two, so the work is batched into few calls.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::SystemTime;

use crate::common::*;

const TARGET: &str = "x86_64-pc-windows-gnu";

/// The build's target folder (`target/`), found from the Linux binary under test.
fn target_dir() -> PathBuf {
    let binary = Path::new(env!("CARGO_BIN_EXE_vanban"));
    binary
        .ancestors()
        .nth(2)
        .expect("target folder")
        .to_path_buf()
}

/// vanban.exe with Wine to run it in a prefix of its own under the target folder.
struct Wine {
    program: PathBuf,
    prefix: PathBuf,
    folder: PathBuf,
}

impl Wine {
    /// Wine and a fresh vanban.exe, or `None` after a visible skip line (a failure when
    /// `VANBAN_REQUIRE_TOOLS` is set, as in CI).
    fn find(test: &str) -> Option<Wine> {
        let folder = target_dir().join(TARGET).join("release");
        let missing = |what: String| {
            assert!(
                std::env::var_os("VANBAN_REQUIRE_TOOLS").is_none(),
                "{test}: {what}"
            );
            eprintln!("SKIPPED {test}: {what}");
            None
        };
        let program = ["wine64", "wine"]
            .iter()
            .find_map(|name| tool(name))
            .or_else(|| Some(PathBuf::from("/usr/lib/wine/wine64")).filter(|p| p.is_file()));
        let Some(program) = program else {
            return missing("`wine64` not found (run `bash scripts/build-windows`)".into());
        };
        for helper in ["vanban.exe", "bcryptprimitives.dll", "hold-open.exe"] {
            if !folder.join(helper).is_file() {
                return missing(format!(
                    "{} not found (run `bash scripts/build-windows`)",
                    folder.join(helper).display()
                ));
            }
        }
        if let Some(newer) = newer_source(&folder.join("vanban.exe")) {
            return missing(format!(
                "vanban.exe is older than {} (run `bash scripts/build-windows`)",
                newer.display()
            ));
        }
        let wine = Wine {
            program,
            prefix: target_dir().join("wine-prefix"),
            folder,
        };
        wine.boot();
        Some(wine)
    }

    /// Creates the prefix once per test process, before any test runs a program in it.
    fn boot(&self) {
        static BOOTED: OnceLock<()> = OnceLock::new();
        BOOTED.get_or_init(|| {
            let status = self
                .command(Path::new("wineboot"))
                .arg("--init")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("run wineboot");
            assert!(status.success(), "wineboot --init failed: {status}");
        });
    }

    /// A Windows program run by Wine, in English.
    fn command(&self, program: &Path) -> Command {
        let mut command = Command::new(&self.program);
        command
            .arg(program)
            .env("WINEPREFIX", &self.prefix)
            .env("WINEDEBUG", "-all")
            // No Mono or Gecko install prompts: vanban needs neither.
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=")
            // Wine reads Unix file names and arguments in the locale's character set: UTF-8,
            // as Windows' own UTF-16 carries every accent. English messages, as on Linux.
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C.UTF-8")
            .env_remove("DISPLAY");
        command
    }

    /// Runs `vanban.exe args` in `dir` and waits for it.
    fn vanban(&self, dir: &Path, args: &[&str]) -> Output {
        self.command(&self.folder.join("vanban.exe"))
            .args(args)
            .current_dir(dir)
            .output()
            .expect("run vanban.exe under Wine")
    }
}

/// The first source file (src/, templates/, Cargo.toml, Cargo.lock) changed after `exe` was built.
fn newer_source(exe: &Path) -> Option<PathBuf> {
    let built = modified(exe);
    let mut sources = vec![repo("Cargo.toml"), repo("Cargo.lock")];
    for folder in ["src", "templates"] {
        sources.extend(files_below(&repo(folder)));
    }
    sources.into_iter().find(|source| modified(source) > built)
}

fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .unwrap_or(SystemTime::UNIX_EPOCH)
}

/// Every file below `folder`, sorted, as full paths.
fn files_below(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn copy_folder(from: &Path, to: &Path) {
    for file in files_below(from) {
        let target = to.join(file.strip_prefix(from).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&file, &target).unwrap();
    }
}

/// `path` as Windows programs under Wine see it: drive Z: is `/`, separators are backslashes.
fn windows_path(path: &Path) -> String {
    format!("Z:{}", path.display()).replace('/', "\\")
}

/// A work folder whose own name has a space, under the target folder (Wine's Z: drive).
fn work_folder() -> tempfile::TempDir {
    let parent = target_dir().join("windows-test");
    std::fs::create_dir_all(&parent).unwrap();
    tempfile::Builder::new()
        .prefix("lần chạy ")
        .tempdir_in(parent)
        .unwrap()
}

#[track_caller]
fn assert_exit(output: &Output, code: i32, what: &str) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "{what}:\n{}{}",
        stdout(output),
        stderr(output)
    );
}

/// Asserts that two output folders hold the same files with the same bytes (stamps aside: they
/// name outputs with the system's separator) and returns how many .docx were compared.
#[track_caller]
fn assert_same_outputs(linux: &Path, windows: &Path) -> usize {
    let relative = |root: &Path| -> Vec<PathBuf> {
        files_below(root)
            .into_iter()
            .map(|f| f.strip_prefix(root).unwrap().to_path_buf())
            .filter(|f| f != Path::new(".vanban-stamps"))
            .collect()
    };
    let names = relative(linux);
    assert_eq!(names, relative(windows), "different files written");
    for name in &names {
        assert!(
            std::fs::read(linux.join(name)).unwrap() == std::fs::read(windows.join(name)).unwrap(),
            "{} differs between the Linux and the Windows build",
            name.display()
        );
    }
    names
        .iter()
        .filter(|n| n.extension().is_some_and(|e| e == "docx"))
        .count()
}

#[test]
fn windows_build_renders_checks_and_scaffolds_the_same_bytes_as_linux() {
    let Some(wine) = Wine::find("windows_build_renders_the_same_bytes") else {
        return;
    };
    let work = work_folder();
    let dir = work.path();
    let records = dir.join("Hồ sơ CCHC");
    copy_folder(&repo("plans"), &records.join("plans"));
    copy_folder(&fixture("good"), &records.join("good"));
    copy_folder(&fixture("bad"), &dir.join("bad"));
    // A plan as Notepad saves it: CRLF line ends.
    let plan = "ke-hoach-khac-phuc-cchc-2018.toml";
    let lf = std::fs::read_to_string(repo("plans/so-noi-vu").join(plan)).unwrap();
    assert!(!lf.contains('\r'));
    std::fs::create_dir_all(dir.join("crlf")).unwrap();
    std::fs::write(dir.join("crlf").join(plan), lf.replace('\n', "\r\n")).unwrap();

    // render: an absolute path with a drive letter, relative paths with backslashes.
    let linux = vanban(
        dir,
        &[
            "render",
            "Hồ sơ CCHC/plans",
            "Hồ sơ CCHC/good",
            &format!("crlf/{plan}"),
            "--out",
            "out linux",
        ],
    );
    assert_exit(&linux, 0, "Linux render");
    let out_windows = dir.join("out windows");
    let windows = wine.vanban(
        dir,
        &[
            "render",
            &windows_path(&records.join("plans")),
            "Hồ sơ CCHC\\good",
            &format!("crlf\\{plan}"),
            "--out",
            &windows_path(&out_windows),
        ],
    );
    assert_exit(&windows, 0, "Windows render");
    let compared = assert_same_outputs(&dir.join("out linux"), &out_windows);
    assert!(compared >= 10, "only {compared} documents compared");
    let summary = |o: &Output| stdout(o).lines().last().unwrap_or_default().to_string();
    assert_contains(
        &summary(&windows),
        &format!("{compared} written, 0 unchanged, 0 failed"),
    );
    assert_contains(
        &stdout(&windows),
        "so-noi-vu\\ke-hoach-khac-phuc-cchc-2018.docx",
    );
    assert!(
        std::fs::read(
            out_windows
                .join(format!("so-noi-vu/{plan}"))
                .with_extension("docx")
        )
        .unwrap()
            == std::fs::read(out_windows.join(plan).with_extension("docx")).unwrap(),
        "the CRLF copy renders differently from the LF plan"
    );

    // The stamps written on Windows let the next run skip every record.
    let again = wine.vanban(
        dir,
        &[
            "render",
            &windows_path(&records.join("plans")),
            "Hồ sơ CCHC\\good",
            &format!("crlf\\{plan}"),
            "--out",
            "out windows",
        ],
    );
    assert_exit(&again, 0, "second Windows render");
    assert_contains(
        &summary(&again),
        &format!("0 written, {compared} unchanged, 0 failed"),
    );

    // check: the same verdicts and messages (paths aside) for good and bad records.
    let check = ["check", "--format", "json"];
    let linux = vanban(dir, &[&check[..], &["Hồ sơ CCHC/good", "bad"]].concat());
    let windows = wine.vanban(dir, &[&check[..], &["Hồ sơ CCHC\\good", "bad"]].concat());
    assert_exit(&linux, 1, "Linux check");
    assert_exit(&windows, 1, "Windows check");
    let unify = |o: &Output| stdout(o).replace("\\\\", "/");
    assert_eq!(unify(&linux), unify(&windows));
    assert_contains(&stdout(&windows), "\"failed\":");

    // progress: the same edit of the same plan, byte for byte.
    let plan_2020 = "ke-hoach-khac-phuc-cchc-2020.toml";
    for side in ["tiến độ linux", "tiến độ windows"] {
        std::fs::create_dir_all(dir.join(side)).unwrap();
        std::fs::copy(
            repo("plans/so-noi-vu").join(plan_2020),
            dir.join(side).join(plan_2020),
        )
        .unwrap();
    }
    let edit = [
        "4",
        "--status",
        "hoan-thanh",
        "--date",
        "2021-08-15",
        "--text",
        "Đã hoàn thành 10/10 nhiệm vụ",
    ];
    let linux_plan = format!("tiến độ linux/{plan_2020}");
    let windows_plan = windows_path(&dir.join("tiến độ windows").join(plan_2020));
    assert_exit(
        &vanban(dir, &[&["progress", &linux_plan][..], &edit].concat()),
        0,
        "Linux progress",
    );
    assert_exit(
        &wine.vanban(dir, &[&["progress", &windows_plan][..], &edit].concat()),
        0,
        "Windows progress",
    );
    let edited = std::fs::read(dir.join(&linux_plan)).unwrap();
    assert_ne!(
        edited,
        std::fs::read(repo("plans/so-noi-vu").join(plan_2020)).unwrap()
    );
    assert!(edited == std::fs::read(dir.join("tiến độ windows").join(plan_2020)).unwrap());

    // new: every kind, into a folder with a space, the same record text as on Linux.
    for kind in ["ke-hoach", "bao-cao", "cong-van", "phu-luc"] {
        let linux = vanban(dir, &["new", kind, &format!("mới linux/{kind}.toml")]);
        assert_exit(&linux, 0, "Linux new");
        let windows = wine.vanban(
            dir,
            &["new", kind, &format!("mới windows\\{kind} moi.toml")],
        );
        assert_exit(&windows, 0, "Windows new");
        assert!(
            std::fs::read(dir.join(format!("mới linux/{kind}.toml"))).unwrap()
                == std::fs::read(dir.join(format!("mới windows/{kind} moi.toml"))).unwrap(),
            "vanban new {kind} writes different bytes on Windows"
        );
    }
}

/// hold-open.exe holding `file` under Wine, as Word holds an open document, until dropped.
struct Held(std::process::Child);

impl Held {
    fn new(wine: &Wine, file: &Path) -> Held {
        let mut child = wine
            .command(&wine.folder.join("hold-open.exe"))
            .arg(windows_path(file))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("start hold-open.exe");
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "held", "hold-open.exe did not open the file");
        Held(child)
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        // Closing its standard input lets hold-open.exe close the file and end.
        drop(self.0.stdin.take());
        let _ = self.0.wait();
    }
}

#[test]
fn a_document_open_in_word_is_left_alone_and_the_rest_of_the_batch_renders() {
    let Some(wine) = Wine::find("a_document_open_in_word_is_left_alone") else {
        return;
    };
    let work = work_folder();
    let dir = work.path();
    copy_folder(&repo("plans/so-noi-vu"), &dir.join("ho so"));
    let out = dir.join("out");
    let first = wine.vanban(dir, &["render", "ho so", "--out", "out"]);
    assert_exit(&first, 0, "first render");
    let documents: Vec<PathBuf> = files_below(&out)
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "docx"))
        .collect();
    assert!(documents.len() >= 4, "{documents:?}");
    let open = out.join("ke-hoach-khac-phuc-cchc-2018.docx");
    // What the clerk has open: different bytes from what vanban would write now.
    std::fs::write(&open, b"the clerk's open document").unwrap();
    for document in documents.iter().filter(|d| **d != open) {
        std::fs::remove_file(document).unwrap();
    }

    let held = Held::new(&wine, &open);
    let second = wine.vanban(dir, &["render", "ho so", "--out", "out", "--force"]);
    drop(held);

    assert_exit(&second, 1, "render over an open document");
    let errors = stderr(&second);
    assert_contains(&errors, "ke-hoach-khac-phuc-cchc-2018.docx");
    assert_contains(&errors, "open in another program, such as Word");
    assert_contains(&errors, "close it there and render again");
    assert_eq!(
        std::fs::read(&open).unwrap(),
        b"the clerk's open document",
        "the open document was changed"
    );
    for document in documents.iter().filter(|d| **d != open) {
        assert!(
            document.is_file(),
            "{} was not rendered",
            document.display()
        );
    }
    let leftovers: Vec<PathBuf> = files_below(&out)
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    let last = stdout(&second);
    assert_contains(
        last.lines().last().unwrap_or_default(),
        &format!("{} written, 0 unchanged, 1 failed", documents.len() - 1),
    );
}

/// On Windows, `vanban preview` without LibreOffice says what to install, exits 2 and writes
/// nothing (issue "See the pages": its Windows path, as far as Wine goes without LibreOffice).
#[test]
fn preview_on_windows_without_libreoffice_says_what_to_install() {
    let Some(wine) = Wine::find("preview_on_windows_without_libreoffice") else {
        return;
    };
    let work = work_folder();
    let dir = work.path();
    copy_folder(&repo("plans/so-noi-vu"), &dir.join("ho so"));
    let output = wine
        .command(&wine.folder.join("vanban.exe"))
        .args(["preview", "ho so", "--out", "trang"])
        .current_dir(dir)
        .env("VANBAN_OFFICE", "C:\\khong\\co\\soffice.exe")
        .output()
        .expect("run vanban.exe under Wine");
    assert_exit(&output, 2, "preview without LibreOffice");
    let message = stderr(&output);
    assert_contains(&message, "LibreOffice is needed to make page images");
    assert_contains(&message, "Program Files");
    assert!(!dir.join("trang").exists(), "wrote without LibreOffice");
}

/// On Windows, `vanban pull` with the path a clerk types (backslashes, a space and accents in
/// the folders) finds the record beside the output folder, writes the leader's correction into
/// it, and names the record as Windows shows paths, never as a verbatim `\\?\` path.
#[test]
fn pull_on_windows_writes_the_correction_and_names_the_record_plainly() {
    let Some(wine) = Wine::find("pull_on_windows") else {
        return;
    };
    let work = work_folder();
    let dir = work.path();
    copy_folder(&repo("plans/so-noi-vu"), &dir.join("plans"));
    let render = wine.vanban(dir, &["render", "plans", "--out", "văn bản"]);
    assert_exit(&render, 0, "render");
    let docx = dir.join("văn bản/ke-hoach-khac-phuc-cchc-2020.docx");
    edit_docx(
        &docx,
        |name, xml| match name {
            "word/document.xml" => xml.replacen("Trong năm 2021", "Quý III/2021", 1),
            _ => xml,
        },
        &[],
    );
    let typed = "văn bản\\ke-hoach-khac-phuc-cchc-2020.docx";
    let pulled = wine.vanban(dir, &["pull", typed, "--apply"]);
    assert_exit(&pulled, 0, "pull --apply");
    let printed = stdout(&pulled);
    assert_contains(
        &printed,
        "tieu_chi[1].khac_phuc.thoi_gian: changed “Trong năm 2021” → “Quý III/2021”",
    );
    let record = dir.join("plans/ke-hoach-khac-phuc-cchc-2020.toml");
    assert_contains(
        &printed,
        &format!("1 changes written to {}", windows_path(&record)),
    );
    assert!(
        !printed.contains("\\\\?\\"),
        "a verbatim path shown:\n{printed}"
    );
    let text = std::fs::read_to_string(&record).unwrap();
    assert_contains(&text, "thoi_gian = \"Quý III/2021\"");
}
