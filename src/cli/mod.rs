//! Command-line interface: one function per command; exit codes 0 (all good), 1 (some record
//! failed or a request was refused), 2 (wrong usage, from clap).

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::i18n::tr;

use crate::error::Error;
use crate::progress::{self, Target, Update};
use crate::template;
use crate::{RenderOptions, batch, derive, record};

mod lang;
mod preview;
mod render;

use render::{check, render};

#[derive(Debug, Parser)]
#[command(
    name = "vanban",
    version,
    about = "Văn bản theo Nghị định 30/2020/NĐ-CP từ bản ghi TOML"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language of messages: en or vi (default: from LANG).
    #[arg(long, global = true, value_parser = ["en", "vi"])]
    lang: Option<String>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Render records (files or folders, default plans/) into .docx files.
    Render {
        /// Records or folders of records.
        paths: Vec<PathBuf>,
        /// Output folder; folder structure below the inputs is mirrored.
        #[arg(long, default_value = "out")]
        out: PathBuf,
        /// Folder whose templates replace the built-in ones of the same name.
        #[arg(long)]
        templates: Option<PathBuf>,
        /// Show progress as of this date (YYYY-MM-DD), overriding the records' tinh_den.
        #[arg(long, value_parser = parse_date)]
        as_of: Option<record::DocDate>,
        /// Render every record, even those unchanged since their output was written.
        #[arg(long)]
        force: bool,
        /// No progress bar and no per-file lines; errors and the summary still print.
        #[arg(long, short)]
        quiet: bool,
        /// Worker threads (default: one per core).
        #[arg(long, short)]
        jobs: Option<usize>,
        /// Also write a PDF beside each .docx, through LibreOffice headless.
        #[arg(long)]
        pdf: bool,
        /// Write the PDFs as PDF/A-2b, for archiving (implies --pdf).
        #[arg(long)]
        pdf_a: bool,
    },
    /// Write PNG images of the pages of records or of .docx files vanban wrote, through
    /// LibreOffice and pdftoppm.
    Preview {
        /// Records, folders of records or .docx files vanban wrote (default plans/).
        paths: Vec<PathBuf>,
        /// Folder of the images; folder structure below the inputs is mirrored.
        #[arg(long, default_value = "out/preview")]
        out: PathBuf,
        /// Folder whose templates replace the built-in ones of the same name.
        #[arg(long)]
        templates: Option<PathBuf>,
        /// Only the first N pages of each document.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        pages: Option<u32>,
        /// Resolution of the images in dots per inch.
        #[arg(
            long,
            value_name = "D",
            default_value_t = 80,
            value_parser = clap::value_parser!(u32).range(20..=600)
        )]
        dpi: u32,
        /// One image per document with its pages side by side, instead of one per page.
        #[arg(long)]
        sheet: bool,
    },
    /// Check records and templates by rendering in memory; nothing is written.
    Check {
        /// Records or folders of records (default plans/).
        paths: Vec<PathBuf>,
        /// Folder whose templates replace the built-in ones of the same name.
        #[arg(long)]
        templates: Option<PathBuf>,
        /// `text` for people, `json` for scripts.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Render, then render again whenever a record or a template changes, until interrupted.
    Watch {
        /// Records or folders of records (default plans/).
        paths: Vec<PathBuf>,
        /// Output folder.
        #[arg(long, default_value = "out")]
        out: PathBuf,
        /// Folder whose templates replace the built-in ones of the same name.
        #[arg(long)]
        templates: Option<PathBuf>,
    },
    /// Write a complete, commented record of a kind to start from (it renders as it is).
    New {
        /// ke-hoach, bao-cao, cong-van or phu-luc (a Công văn with its appendix in a file of its own).
        #[arg(value_parser = ["ke-hoach", "bao-cao", "cong-van", "phu-luc"])]
        kind: String,
        /// The record to create, e.g. plans/so-noi-vu/ke-hoach-2026.toml.
        path: PathBuf,
    },
    /// Write the built-in templates into a folder for editing (existing files are kept).
    Templates {
        #[arg(default_value = "templates")]
        folder: PathBuf,
    },
    /// Record a progress update for one item of a plan, editing the TOML in place.
    Progress {
        /// The plan record.
        plan: PathBuf,
        /// Criterion code (ma) or number in the progress appendix; with --task, a task number.
        item: String,
        /// The item is a task of [[nhom]], numbered 1, 2, … across groups.
        #[arg(long)]
        task: bool,
        /// Sub-criterion number (1 for the first [[tieu_chi.con]]).
        #[arg(long)]
        sub: Option<usize>,
        /// hoan-thanh, dang-thuc-hien, chua-thuc-hien or khong-the-thuc-hien.
        #[arg(long)]
        status: String,
        /// Date of the update (YYYY-MM-DD).
        #[arg(long)]
        date: String,
        /// What was done, e.g. "Đã hoàn thành 06/10 nhiệm vụ".
        #[arg(long)]
        text: Option<String>,
    },
    /// List the items whose progress changed between two dates.
    Changes {
        plan: PathBuf,
        #[arg(long, value_parser = parse_date)]
        from: record::DocDate,
        #[arg(long, value_parser = parse_date)]
        to: record::DocDate,
    },
}

/// Output format of `vanban check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

fn parse_date(text: &str) -> Result<record::DocDate, String> {
    let date = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date; write YYYY-MM-DD"))?;
    use chrono::Datelike;
    Ok(record::DocDate {
        day: Some(date.day()),
        month: Some(date.month()),
        year: date.year(),
    })
}

/// Runs the command line and returns the process exit code.
pub fn run() -> i32 {
    let cli: Cli = match lang::parse(std::env::args_os().collect()) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    match cli.command {
        Command::Render {
            paths,
            out,
            templates,
            as_of,
            force,
            quiet,
            jobs,
            pdf,
            pdf_a,
        } => render(
            &paths,
            &out,
            templates.as_deref(),
            batch::Options {
                render: RenderOptions { as_of },
                force,
                quiet,
                threads: jobs,
                check_only: false,
            },
            match (pdf, pdf_a) {
                (_, true) => Some(crate::pdf::PdfKind::Archive),
                (true, false) => Some(crate::pdf::PdfKind::Plain),
                (false, false) => None,
            },
        ),
        Command::Check {
            paths,
            templates,
            format,
        } => check(&paths, templates.as_deref(), format),
        Command::Preview {
            paths,
            out,
            templates,
            pages,
            dpi,
            sheet,
        } => preview::preview(
            &paths,
            &out,
            templates.as_deref(),
            crate::preview::Settings { dpi, pages, sheet },
        ),
        Command::Templates { folder } => export_templates(&folder),
        Command::Watch {
            paths,
            out,
            templates,
        } => {
            let inputs = if paths.is_empty() {
                vec![PathBuf::from("plans")]
            } else {
                paths
            };
            let roots = crate::watch::roots(&inputs, templates.as_deref());
            let options = batch::Options::default();
            let watching = format!("watching {} (Ctrl+C to stop)", display_list(&roots));
            println!("{}", tr(&watching));
            crate::watch::run(&roots, &out, &inputs, || {
                render(&inputs, &out, templates.as_deref(), options, None);
            })
        }
        Command::New { kind, path } => match crate::scaffold::write(&kind, &path) {
            Ok(()) => {
                let wrote = format!(
                    "wrote {}; edit it, then: vanban render {}",
                    path.display(),
                    path.display()
                );
                println!("{}", tr(&wrote));
                0
            }
            Err(e) => fail(&e),
        },
        Command::Progress {
            plan,
            item,
            task,
            sub,
            status,
            date,
            text,
        } => {
            let target = if task {
                match item.parse() {
                    Ok(n) => Target::Task(n),
                    Err(_) => {
                        return fail(&Error::file(
                            &plan,
                            format!("`{item}` is not a task number"),
                            Some("tasks are numbered 1, 2, …".into()),
                        ));
                    }
                }
            } else {
                Target::Criterion { item, sub }
            };
            record_progress(&plan, &target, &status, &date, text)
        }
        Command::Changes { plan, from, to } => list_changes(&plan, from, to),
    }
}

fn export_templates(folder: &Path) -> i32 {
    match template::export(folder) {
        Ok(written) => {
            for path in &written {
                println!("{}", tr(&format!("wrote {}", path.display())));
            }
            if written.is_empty() {
                let exist = format!("all templates already exist in {}", folder.display());
                println!("{}", tr(&exist));
            }
            0
        }
        Err(e) => fail(&e),
    }
}

fn record_progress(
    plan: &Path,
    target: &Target,
    status: &str,
    date: &str,
    text: Option<String>,
) -> i32 {
    let Some(date) = progress::parse_date(date) else {
        return fail(&Error::file(
            plan,
            format!("`{date}` is not a date"),
            Some("write the date as YYYY-MM-DD".into()),
        ));
    };
    let update = Update {
        date,
        status: status.to_string(),
        text,
    };
    match progress::record(plan, target, &update) {
        Ok(warnings) => {
            for warning in warnings {
                eprintln!("{}: {}", tr("warning"), tr(&warning));
            }
            let recorded = format!(
                "recorded {} on {} in {}",
                update.status,
                update.date,
                plan.display()
            );
            println!("{}", tr(&recorded));
            0
        }
        Err(e) => fail(&e),
    }
}

fn list_changes(plan: &Path, from: record::DocDate, to: record::DocDate) -> i32 {
    let key = |d: record::DocDate| (d.year, d.month, d.day);
    if key(from) > key(to) {
        return fail(&Error::file(
            Path::new("--from"),
            "the --from date is later than the --to date",
            Some("give the earlier date with --from and the later one with --to".into()),
        ));
    }
    match record::load(plan) {
        Ok(loaded) => {
            let changes = derive::report::changes(&loaded.record, from, to);
            for c in &changes {
                let before = if c.truoc.is_empty() { "—" } else { &c.truoc };
                println!("{}\t{}\t{before} → {}", c.stt, c.ten, c.sau);
            }
            println!("{}", tr(&format!("{} changed", changes.len())));
            0
        }
        Err(e) => fail(&e),
    }
}

fn display_list(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    names.join(", ")
}

fn fail(e: &Error) -> i32 {
    eprintln!("{e}");
    1
}
