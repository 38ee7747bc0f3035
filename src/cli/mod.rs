//! Command-line interface: the commands and their options, and one file per command (render and
//! check, preview, new, progress, changes, templates, watch); exit codes 0 (all good), 1 (some
//! record failed or a request was refused), 2 (wrong usage, from clap).

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::error::Error;
use crate::messages::{Message, Run};
use crate::{RenderOptions, batch, record};

mod changes;
mod lang;
mod new;
mod preview;
mod progress;
mod pull;
mod render;
mod templates;
mod watch;

use render::{check, render};

// Help texts are typed messages (messages::Usage), given to clap by cli/lang.rs.
#[derive(Debug, Parser)]
#[command(name = "vanban", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[arg(long, global = true, value_parser = ["en", "vi"])]
    lang: Option<String>,
}

#[derive(Debug, Subcommand)]
enum Command {
    Render {
        paths: Vec<PathBuf>,
        #[arg(long, default_value = "out")]
        out: PathBuf,
        #[arg(long)]
        templates: Option<PathBuf>,
        #[arg(long, value_parser = parse_date)]
        as_of: Option<record::DocDate>,
        #[arg(long)]
        force: bool,
        #[arg(long, short)]
        quiet: bool,
        #[arg(long, short)]
        jobs: Option<usize>,
        #[arg(long)]
        pdf: bool,
        /// Write the PDFs as PDF/A-2b, for archiving (implies --pdf).
        #[arg(long)]
        pdf_a: bool,
    },
    Preview {
        paths: Vec<PathBuf>,
        #[arg(long, default_value = "out/preview")]
        out: PathBuf,
        #[arg(long)]
        templates: Option<PathBuf>,
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        pages: Option<u32>,
        #[arg(
            long,
            value_name = "D",
            default_value_t = 80,
            value_parser = clap::value_parser!(u32).range(20..=600)
        )]
        dpi: u32,
        #[arg(long)]
        sheet: bool,
    },
    Check {
        paths: Vec<PathBuf>,
        #[arg(long)]
        templates: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    Watch {
        paths: Vec<PathBuf>,
        #[arg(long, default_value = "out")]
        out: PathBuf,
        #[arg(long)]
        templates: Option<PathBuf>,
    },
    New {
        #[arg(value_parser = ["ke-hoach", "bao-cao", "cong-van", "phu-luc"])]
        kind: String,
        path: PathBuf,
    },
    Templates {
        #[arg(default_value = "templates")]
        folder: PathBuf,
    },
    Progress {
        plan: PathBuf,
        item: String,
        #[arg(long)]
        task: bool,
        #[arg(long)]
        sub: Option<usize>,
        #[arg(long)]
        status: String,
        #[arg(long)]
        date: String,
        #[arg(long)]
        text: Option<String>,
    },
    Pull {
        docx: PathBuf,
        #[arg(long)]
        record: Option<PathBuf>,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        apply: bool,
    },
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

fn parse_date(text: &str) -> Result<record::DocDate, Message> {
    let date = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        Message::from(Run::DateArgument {
            text: text.to_string(),
        })
    })?;
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
                render: RenderOptions {
                    as_of,
                    one_thread: jobs == Some(1),
                },
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
        Command::Templates { folder } => templates::templates(&folder),
        Command::Watch {
            paths,
            out,
            templates,
        } => watch::watch(paths, &out, templates.as_deref()),
        Command::New { kind, path } => new::new(&kind, &path),
        Command::Progress {
            plan,
            item,
            task,
            sub,
            status,
            date,
            text,
        } => progress::progress(&plan, item, task, sub, &status, &date, text),
        Command::Changes { plan, from, to } => changes::changes(&plan, from, to),
        Command::Pull {
            docx,
            record,
            date,
            apply,
        } => pull::pull(&docx, record, date.as_deref(), apply),
    }
}

/// Prints a problem and gives the exit code of a refused request.
pub(super) fn fail(e: &Error) -> i32 {
    eprintln!("{e}");
    1
}
