//! Command-line interface: one function per command; exit codes 0 (all good), 1 (some record
//! failed or a request was refused), 2 (wrong usage, from clap).

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::error::Error;
use crate::messages::{self, List, Message, Run};
use crate::progress::{self, Target, Update};
use crate::template;
use crate::{RenderOptions, batch, derive, record};

mod lang;
mod preview;
mod render;

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
            println!(
                "{}",
                Message::from(Run::Watching {
                    roots: List::of(roots.iter().map(|r| r.display()))
                })
            );
            crate::watch::run(&roots, &out, &inputs, || {
                render(&inputs, &out, templates.as_deref(), options, None);
            })
        }
        Command::New { kind, path } => match crate::scaffold::write(&kind, &path) {
            Ok(()) => {
                println!("{}", Message::from(Run::WroteScaffold { path }));
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
                        return fail(
                            &Error::about(&plan, Run::NotATaskNumber { text: item })
                                .help(Run::TasksNumbered),
                        );
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
                println!("{}", Message::from(Run::Wrote { path: path.clone() }));
            }
            if written.is_empty() {
                let folder = folder.to_path_buf();
                println!("{}", Message::from(Run::AllTemplatesExist { folder }));
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
        let text = date.to_string();
        return fail(&Error::about(plan, Run::NotADate { text }).help(Run::WriteDate));
    };
    let update = Update {
        date,
        status: status.to_string(),
        text,
    };
    match progress::record(plan, target, &update) {
        Ok(warnings) => {
            let label = Run::LabelWarning.text(messages::current());
            for warning in warnings {
                eprintln!("{label}: {}", Message::from(warning));
            }
            let recorded = Run::Recorded {
                status: update.status.clone(),
                date: update.date.to_string(),
                path: plan.to_path_buf(),
            };
            println!("{}", Message::from(recorded));
            0
        }
        Err(e) => fail(&e),
    }
}

fn list_changes(plan: &Path, from: record::DocDate, to: record::DocDate) -> i32 {
    let key = |d: record::DocDate| (d.year, d.month, d.day);
    if key(from) > key(to) {
        return fail(&Error::about(Path::new("--from"), Run::FromAfterTo).help(Run::EarlierFirst));
    }
    match record::load(plan) {
        Ok(loaded) => {
            let changes = derive::report::changes(&loaded.record, from, to);
            for c in &changes {
                let before = if c.truoc.is_empty() { "—" } else { &c.truoc };
                println!("{}\t{}\t{before} → {}", c.stt, c.ten, c.sau);
            }
            let count = changes.len();
            println!("{}", Message::from(Run::Changed { count }));
            0
        }
        Err(e) => fail(&e),
    }
}

fn fail(e: &Error) -> i32 {
    eprintln!("{e}");
    1
}
