//! `vanban preview`: page images through LibreOffice and pdftoppm, checked against the PDF's
//! own page count and sizes (pdfinfo); the contact sheet; bad input and missing tools; and the
//! README's images, which must come from the .docx the current code renders.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::*;
use sha2::{Digest, Sha256};

fn seed_004() -> PathBuf {
    repo("plans/so-cong-thuong/ke-hoach-cchc-2021.toml")
}

/// LibreOffice, pdftoppm and pdfinfo, or None after a visible skip.
fn tools(test: &str) -> bool {
    ["soffice", "pdftoppm", "pdfinfo"]
        .iter()
        .all(|tool| find(test, tool).is_some())
}

/// The PNG files in `dir` (not below it), sorted.
fn images(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "png"))
        .collect();
    found.sort();
    found
}

fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(
        &bytes[..8],
        b"\x89PNG\r\n\x1a\n",
        "{} is no PNG",
        path.display()
    );
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

/// Page sizes of a PDF as pdfinfo reads them: true for a landscape page.
fn pdf_pages(pdf: &Path) -> Vec<bool> {
    let info = Command::new("pdfinfo")
        .args(["-f", "1", "-l", "9999"])
        .arg(pdf)
        .output()
        .unwrap();
    String::from_utf8_lossy(&info.stdout)
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size:"))
        .map(|l| {
            let size: Vec<f64> = l
                .split("size:")
                .nth(1)
                .unwrap()
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            size[0] > size[1]
        })
        .collect()
}

fn assert_ok(o: &Output) {
    assert!(o.status.success(), "{}{}", stdout(o), stderr(o));
}

#[test]
fn a_plan_gives_one_image_per_page_and_names_its_landscape_pages() {
    let test = "a_plan_gives_one_image_per_page";
    if !tools(test) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let plan = seed_004();
    let plan = plan.to_str().unwrap();
    assert_ok(&vanban(
        dir.path(),
        &["render", plan, "--out", "pdf", "--pdf"],
    ));
    let expected = pdf_pages(&dir.path().join("pdf/ke-hoach-cchc-2021.pdf"));
    assert!(
        expected.len() > 8 && expected.contains(&true),
        "{expected:?}"
    );

    let out = vanban(
        dir.path(),
        &["preview", plan, "--out", "pages", "--dpi", "24"],
    );
    assert_ok(&out);
    let written = images(&dir.path().join("pages"));
    assert_eq!(written.len(), expected.len(), "{written:?}");
    let text = stdout(&out);
    for (index, (image, landscape)) in written.iter().zip(&expected).enumerate() {
        let (width, height) = png_size(image);
        assert_eq!(width > height, *landscape, "page {}", index + 1);
        let name = format!("ke-hoach-cchc-2021-{:02}.png", index + 1);
        assert!(image.ends_with(&name), "{}", image.display());
        let mark = if *landscape { " (landscape)" } else { "" };
        assert_contains(&text, &format!("wrote pages/{name}{mark}\n"));
    }
    let first = expected.iter().position(|l| *l).unwrap() + 1;
    assert_contains(
        &text,
        &format!(
            "ke-hoach-cchc-2021: {} pages, landscape: {first}–{}\n",
            expected.len(),
            expected.len()
        ),
    );
    let left: Vec<_> = std::fs::read_dir(dir.path().join("pages"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| !n.ends_with(".png"))
        .collect();
    assert!(left.is_empty(), "staging left behind: {left:?}");
    assert!(!dir.path().join("out").exists(), "preview wrote into out/");
}

#[test]
fn the_sheet_is_one_image_the_size_of_its_grid_and_the_same_bytes_each_time() {
    let test = "the_sheet_is_one_image";
    if !tools(test) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let plan = seed_004();
    let plan = plan.to_str().unwrap();
    assert_ok(&vanban(
        dir.path(),
        &["preview", plan, "--out", "pages", "--dpi", "20"],
    ));
    let pages: Vec<(u32, u32)> = images(&dir.path().join("pages"))
        .iter()
        .map(|p| png_size(p))
        .collect();
    let sheets: Vec<Vec<u8>> = ["a", "b"]
        .iter()
        .map(|folder| {
            let out = vanban(
                dir.path(),
                &["preview", plan, "--out", folder, "--dpi", "20", "--sheet"],
            );
            assert_ok(&out);
            assert_contains(
                &stdout(&out),
                &format!("wrote {folder}/ke-hoach-cchc-2021.png\n"),
            );
            let written = images(&dir.path().join(folder));
            assert_eq!(written.len(), 1, "{written:?}");
            std::fs::read(&written[0]).unwrap()
        })
        .collect();
    assert!(
        sheets[0] == sheets[1],
        "the same pages gave different sheets"
    );

    // Documented grid: up to 4 pages a row, then a near-square grid of at least 4 columns;
    // cells as large as the largest page; a gap of dpi/8 (at least 4 px) around each cell.
    let count = u32::try_from(pages.len()).unwrap();
    let columns = if count <= 4 {
        count
    } else {
        (1..).find(|c| c * c >= count).unwrap().max(4)
    };
    let rows = count.div_ceil(columns);
    let cell_width = pages.iter().map(|p| p.0).max().unwrap();
    let cell_height = pages.iter().map(|p| p.1).max().unwrap();
    let gap = 4;
    let path = dir.path().join("a/ke-hoach-cchc-2021.png");
    assert_eq!(
        png_size(&path),
        (
            columns * cell_width + (columns + 1) * gap,
            rows * cell_height + (rows + 1) * gap
        )
    );
}

#[test]
fn pages_1_writes_the_first_page_of_a_docx_vanban_wrote() {
    let test = "pages_1_writes_the_first_page";
    if !tools(test) {
        return;
    }
    let (dir, docx) = render(&seed_004());
    // Pages of an earlier preview of the same document go; other images stay.
    std::fs::create_dir_all(dir.path().join("one")).unwrap();
    for earlier in [
        "ke-hoach-cchc-2021-02.png",
        "ke-hoach-cchc-2021-7.png",
        "notes.png",
    ] {
        std::fs::write(dir.path().join("one").join(earlier), "").unwrap();
    }
    let out = vanban(
        dir.path(),
        &[
            "preview",
            docx.to_str().unwrap(),
            "--pages",
            "1",
            "--out",
            "one",
        ],
    );
    assert_ok(&out);
    let written = images(&dir.path().join("one"));
    assert_eq!(written.len(), 2, "{written:?}");
    assert!(
        written[0].ends_with("ke-hoach-cchc-2021-1.png") && written[1].ends_with("notes.png"),
        "{written:?}"
    );
    assert_contains(&stdout(&out), "ke-hoach-cchc-2021: 1 page, portrait\n");
    let (width, height) = png_size(&written[0]);
    // A4 portrait (210 × 297 mm) at the default 80 dpi: 661.4 × 935.4 pixels.
    assert!(
        width.abs_diff(661) <= 1 && height.abs_diff(935) <= 1,
        "{width} × {height}"
    );
}

/// Runs vanban with LibreOffice out of reach: VANBAN_OFFICE names `office` and PATH holds
/// nothing. `rasteriser` goes into VANBAN_PDFTOPPM.
fn without_tools(dir: &Path, office: &Path, rasteriser: &Path, args: &[&str]) -> Output {
    let empty = dir.join("empty-path");
    std::fs::create_dir_all(&empty).unwrap();
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("PATH", &empty)
        .env("VANBAN_OFFICE", office)
        .env("VANBAN_PDFTOPPM", rasteriser)
        .output()
        .unwrap()
}

#[test]
fn without_libreoffice_or_pdftoppm_it_says_what_to_install_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let plan = seed_004();
    let args = ["preview", plan.to_str().unwrap(), "--out", "pages"];
    let nowhere = dir.path().join("no-such-program");
    let out = without_tools(dir.path(), &nowhere, &nowhere, &args);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let message = stderr(&out);
    assert_contains(
        &message,
        "LibreOffice is needed to make page images and was not found",
    );
    assert_contains(&message, "apt-get install libreoffice-writer-nogui");
    assert_contains(&message, "found in Program Files or Program Files (x86)");
    assert!(
        !dir.path().join("pages").exists(),
        "wrote without LibreOffice"
    );

    // LibreOffice present (any program will do: nothing is started), pdftoppm missing.
    let office = dir.path().join("soffice");
    std::fs::write(&office, "").unwrap();
    let out = without_tools(dir.path(), &office, &nowhere, &args);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let message = stderr(&out);
    assert_contains(&message, "pdftoppm (Poppler) is needed");
    assert_contains(&message, "apt-get install poppler-utils");
    assert!(!dir.path().join("pages").exists(), "wrote without pdftoppm");
}

#[test]
fn a_docx_vanban_did_not_write_a_missing_file_and_an_unwritable_folder_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let foreign = dir.path().join("word.docx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&foreign).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("docProps/app.xml", options).unwrap();
    std::io::Write::write_all(
        &mut zip,
        b"<Properties><Application>Microsoft Office Word</Application></Properties>",
    )
    .unwrap();
    zip.finish().unwrap();
    std::fs::write(dir.path().join("notes.docx"), "plain text").unwrap();
    let office = dir.path().join("soffice");
    std::fs::write(&office, "").unwrap();
    let run = |args: &[&str]| without_tools(dir.path(), &office, &office, args);

    let out = run(&["preview", "word.docx", "--out", "pages"]);
    assert_eq!(out.status.code(), Some(1));
    assert_contains(
        &stderr(&out),
        "error: word.docx: this .docx was not written by vanban (docProps/app.xml names \
         `Microsoft Office Word`)",
    );
    let out = run(&["preview", "notes.docx", "--out", "pages"]);
    assert_eq!(out.status.code(), Some(1));
    assert_contains(
        &stderr(&out),
        "error: notes.docx: this .docx was not written by vanban (it has no docProps/app.xml",
    );
    let out = run(&["preview", "gone.docx", "--out", "pages"]);
    assert_eq!(out.status.code(), Some(1));
    assert_contains(&stderr(&out), "error: gone.docx: no such file");
    let out = run(&["preview", "gone.toml", "--out", "pages"]);
    assert_eq!(out.status.code(), Some(1));
    assert_contains(&stderr(&out), "error: gone.toml: no such file or folder");
    std::fs::copy(
        fixture("bad/impossible-date.toml"),
        dir.path().join("impossible-date.toml"),
    )
    .unwrap();
    let out = run(&["preview", "impossible-date.toml", "--out", "pages"]);
    assert_eq!(out.status.code(), Some(1));
    assert_contains(&stderr(&out), " --> impossible-date.toml:2:8\n");
    std::fs::create_dir_all(dir.path().join("no-records")).unwrap();
    let out = run(&["preview", "no-records", "--out", "pages"]);
    assert_eq!(out.status.code(), Some(1));
    assert_contains(&stderr(&out), "error: no-records: no records (.toml) here");
    assert!(!dir.path().join("pages").exists());

    // The output folder cannot be made: a file stands where its parent should be.
    std::fs::write(dir.path().join("blocker"), "").unwrap();
    let plan = seed_004();
    let out = run(&["preview", plan.to_str().unwrap(), "--out", "blocker/pages"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_contains(
        &stderr(&out),
        "error: blocker/pages: cannot create the output folder",
    );
    assert!(dir.path().join("blocker").is_file());
}

/// One line of docs/images/digests.tsv.
struct ReadmeImage {
    image: String,
    digest: String,
    record: String,
    progress: Vec<String>,
}

fn readme_images() -> Vec<ReadmeImage> {
    let table = std::fs::read_to_string(repo("docs/images/digests.tsv")).unwrap();
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let mut fields = line.split('\t').map(str::to_string);
            let mut next = || {
                fields
                    .next()
                    .expect("image, digest and record on every line")
            };
            ReadmeImage {
                image: next(),
                digest: next(),
                record: next(),
                progress: fields.collect(),
            }
        })
        .collect()
}

/// Renders a README image's .docx as scripts/readme-images does: the record's folder copied,
/// the progress entry recorded in the copy, the record rendered.
fn readme_docx(image: &ReadmeImage) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let record = repo(&image.record);
    let copy = dir.path().join("records");
    std::fs::create_dir_all(&copy).unwrap();
    for entry in std::fs::read_dir(record.parent().unwrap()).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), copy.join(entry.file_name())).unwrap();
    }
    if let Some((plan, arguments)) = image.progress.split_first() {
        let plan = copy.join(plan);
        let mut args = vec!["progress", plan.to_str().unwrap()];
        args.extend(arguments.iter().map(String::as_str));
        assert_ok(&vanban(dir.path(), &args));
    }
    let copied = copy.join(record.file_name().unwrap());
    assert_ok(&vanban(
        dir.path(),
        &["render", copied.to_str().unwrap(), "--out", "docx", "-q"],
    ));
    let name = record.with_extension("docx");
    std::fs::read(dir.path().join("docx").join(name.file_name().unwrap())).unwrap()
}

#[test]
fn readme_images_show_the_documents_the_code_renders_today() {
    let listed = readme_images();
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    let shown: Vec<&str> = readme
        .match_indices("](docs/images/")
        .map(|(at, prefix)| {
            let name = &readme[at + prefix.len()..];
            &name[..name.find(".png").expect("README links PNG images") + 4]
        })
        .collect();
    assert!(shown.len() >= 4, "the README shows {shown:?}");
    for name in &shown {
        assert!(
            listed.iter().any(|i| i.image == *name),
            "README shows docs/images/{name}, which docs/images/digests.tsv does not list"
        );
    }
    let mut stale = Vec::new();
    for image in &listed {
        assert!(
            repo("docs/images").join(&image.image).is_file(),
            "{}",
            image.image
        );
        let digest = format!("{:x}", Sha256::digest(readme_docx(image)));
        if digest != image.digest {
            stale.push(image.image.as_str());
        }
    }
    assert!(
        stale.is_empty(),
        "the README images {stale:?} were made from a .docx the code no longer renders: \
         run scripts/readme-images, look at the images, and commit them with \
         docs/images/digests.tsv"
    );
}
